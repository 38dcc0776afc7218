"""Poll rules: who prepares and when (before or during the event), edits until launch, launch/close,
one vote per registration, idempotent resends, closed polls refuse, word-cloud entries screened (only
published words count)."""

from __future__ import annotations

import pytest

from tests.factories import make_registration, make_user, make_webinar
from webinar.campaigns.models import Poll, PollVote
from webinar.campaigns.selectors import poll_open, poll_results
from webinar.campaigns.services.polls import (
    poll_close,
    poll_create,
    poll_delete,
    poll_launch,
    poll_update,
    poll_vote,
)
from webinar.exceptions import InvalidState, NotFound, PermissionDenied, ValidationFailed
from webinar.models import ScreeningSettings, Webinar
from webinar.services.lifecycle import webinar_transition

pytestmark = pytest.mark.django_db


def vote(room, poll, registration, key="k1", **answer):
    return poll_vote(
        webinar_id=room.webinar.pk, registration_id=registration.pk, poll_id=poll.pk, client_key=key, **answer
    )


def launch(room, poll):
    return poll_launch(actor=room.host, webinar_id=room.webinar.pk, poll_id=poll.pk)[0]


# --- Preparing -----------------------------------------------------------------------------------------


def test_hosts_prepare_every_kind_before_the_event_with_both_languages(room):
    assert [p.kind for p in Poll.objects.filter(webinar=room.webinar)] == [
        "single",
        "multiple",
        "rating",
        "words",
    ]
    assert room.single.options[1] == {"en": "No", "ms": "Tidak"}
    assert room.single.question_ms == "Adakah anda semak sebelum berkongsi?"
    assert room.rating.options == [] and room.words.status == Poll.Status.DRAFT


def test_an_attendee_or_stranger_cannot_prepare_a_poll(room):
    with pytest.raises(PermissionDenied) as caught:
        poll_create(actor=make_user(), webinar_id=room.webinar.pk, kind="rating", question_en="Rate")
    assert caught.value.code == "forbidden"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"kind": "ranking", "question_en": "Q"}, "invalid_kind"),
        ({"kind": "rating", "question_en": "  ", "question_ms": ""}, "missing_text"),
        ({"kind": "rating", "question_en": "x" * 301}, "too_long"),
        (
            {"kind": "single", "question_en": "Q", "options": [{"en": "Only one", "ms": ""}]},
            "invalid_options",
        ),
        (
            {
                "kind": "multiple",
                "question_en": "Q",
                "options": [{"en": str(i), "ms": ""} for i in range(11)],
            },
            "invalid_options",
        ),
        (
            {"kind": "rating", "question_en": "Q", "options": [{"en": "A", "ms": ""}, {"en": "B", "ms": ""}]},
            "invalid_options",
        ),
    ],
)
def test_bad_polls_are_refused_with_a_code_and_nothing_is_saved(room, fields, code):
    before = Poll.objects.count()
    with pytest.raises(ValidationFailed) as caught:
        poll_create(actor=room.host, webinar_id=room.webinar.pk, **fields)
    assert caught.value.code == code
    assert Poll.objects.count() == before


def test_blank_choice_rows_are_dropped(room):
    poll = poll_create(
        actor=room.host,
        webinar_id=room.webinar.pk,
        kind="single",
        question_en="Q",
        options=[{"en": "A", "ms": ""}, {"en": " ", "ms": ""}, {"en": "", "ms": "B"}],
    )
    assert poll.options == [{"en": "A", "ms": ""}, {"en": "", "ms": "B"}]


def test_hosts_prepare_a_poll_during_the_event_and_launch_it_straight_away(room):
    room.go_live()
    poll = poll_create(
        actor=room.host,
        webinar_id=room.webinar.pk,
        kind="single",
        question_en="Did you report it?",
        question_ms="Adakah anda melaporkannya?",
        options=[{"en": "Yes", "ms": "Ya"}, {"en": "No", "ms": "Tidak"}],
    )
    assert poll.status == Poll.Status.DRAFT and poll.position == 4  # after the four prepared before
    assert launch(room, poll).status == Poll.Status.OPEN


@pytest.mark.parametrize("status", [Webinar.Status.ENDED, Webinar.Status.CANCELLED])
def test_no_polls_are_prepared_after_the_event(status):
    organiser = make_user()
    if status == Webinar.Status.CANCELLED:
        webinar = webinar_transition(webinar=make_webinar(organiser=organiser), actor=organiser, to=status)
    else:
        webinar = make_webinar(organiser=organiser, status=status)
    with pytest.raises(InvalidState) as caught:
        poll_create(actor=organiser, webinar_id=webinar.pk, kind="rating", question_en="Rate")
    assert caught.value.code == "invalid_state"
    assert not Poll.objects.filter(webinar=webinar).exists()


# --- Editing until launched -----------------------------------------------------------------------------


def edit(room, poll, **fields):
    fields = {
        "kind": poll.kind,
        "question_en": poll.question_en,
        "question_ms": poll.question_ms,
        "options": poll.options,
        **fields,
    }
    return poll_update(actor=room.host, webinar_id=room.webinar.pk, poll_id=poll.pk, **fields)


@pytest.mark.parametrize("live", [False, True], ids=["before the event", "during the event"])
def test_a_poll_is_edited_until_it_is_launched(room, live):
    if live:
        room.go_live()
    edited = edit(
        room,
        room.single,
        kind="multiple",
        question_en="What do you check?",
        question_ms="Apa yang anda semak?",
        options=[{"en": "Source", "ms": "Sumber"}, {"en": "Date", "ms": "Tarikh"}, {"en": "", "ms": ""}],
    )
    stored = Poll.objects.get(pk=room.single.pk)
    assert (stored.kind, stored.question_ms) == ("multiple", "Apa yang anda semak?")
    assert stored.options == [{"en": "Source", "ms": "Sumber"}, {"en": "Date", "ms": "Tarikh"}]
    assert edited.status == Poll.Status.DRAFT


@pytest.mark.parametrize("after", ["launched", "closed"])
def test_a_launched_poll_cannot_be_edited_or_deleted_and_keeps_its_text(room, after):
    room.go_live()
    launch(room, room.single)
    if after == "closed":
        poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)
    for change in (
        lambda: edit(room, room.single, question_en="Something else?"),
        lambda: poll_delete(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk),
    ):
        with pytest.raises(InvalidState) as caught:
            change()
        assert caught.value.code == "poll_launched"
    stored = Poll.objects.get(pk=room.single.pk)
    assert stored.question_en == "Do you check before you share?" and len(stored.options) == 3


def test_an_edit_is_checked_like_a_new_poll_and_a_bad_one_changes_nothing(room):
    with pytest.raises(ValidationFailed) as caught:
        edit(room, room.single, options=[{"en": "Only", "ms": ""}])
    assert caught.value.code == "invalid_options"
    with pytest.raises(ValidationFailed) as caught:
        edit(room, room.rating, options=[{"en": "A", "ms": ""}, {"en": "B", "ms": ""}])
    assert caught.value.code == "invalid_options"
    assert Poll.objects.get(pk=room.single.pk).options == room.single.options


def test_only_hosts_edit_or_delete_and_only_polls_of_their_webinar(room):
    with pytest.raises(PermissionDenied):
        poll_update(
            actor=make_user(),
            webinar_id=room.webinar.pk,
            poll_id=room.single.pk,
            kind="rating",
            question_en="X",
        )
    other = make_webinar(organiser=room.organiser)
    with pytest.raises(NotFound) as caught:
        poll_delete(actor=room.organiser, webinar_id=other.pk, poll_id=room.single.pk)
    assert caught.value.code == "unknown_poll"
    assert Poll.objects.filter(pk=room.single.pk).exists()


def test_a_draft_is_deleted_and_the_next_poll_goes_last(room):
    poll_delete(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.multiple.pk)
    assert not Poll.objects.filter(pk=room.multiple.pk).exists()
    added = poll_create(actor=room.host, webinar_id=room.webinar.pk, kind="rating", question_en="Again?")
    assert added.position == 4  # after the highest, never a position already taken


def test_after_the_event_drafts_are_frozen(room):
    room.go_live()
    room.webinar = webinar_transition(webinar=room.webinar, actor=room.organiser, to=Webinar.Status.ENDED)
    with pytest.raises(InvalidState) as caught:
        edit(room, room.rating, question_en="Too late?")
    assert caught.value.code == "invalid_state"


# --- Launching and closing ---------------------------------------------------------------------------


def test_launch_needs_a_live_webinar_then_one_poll_is_open_at_a_time(room):
    with pytest.raises(InvalidState):
        launch(room, room.single)
    room.go_live()
    poll = launch(room, room.single)
    assert poll.status == Poll.Status.OPEN and poll.opened_at is not None
    assert poll_open(webinar_id=room.webinar.pk) == poll
    again, changed = poll_launch(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)
    assert again.status == Poll.Status.OPEN and changed is False
    with pytest.raises(InvalidState) as caught:
        launch(room, room.rating)
    assert caught.value.code == "poll_open"
    closed, changed = poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)
    assert closed.status == Poll.Status.CLOSED and changed is True
    assert poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)[1] is False
    assert launch(room, room.rating).status == Poll.Status.OPEN
    with pytest.raises(InvalidState):
        launch(room, room.single)  # a closed poll stays closed


def test_a_poll_of_another_webinar_is_unknown_and_attendees_cannot_launch(room):
    room.go_live()
    other = make_webinar()
    with pytest.raises(NotFound) as caught:
        poll_launch(actor=other.organiser, webinar_id=other.pk, poll_id=room.single.pk)
    assert caught.value.code == "unknown_poll"
    with pytest.raises(PermissionDenied):
        poll_launch(actor=make_user(), webinar_id=room.webinar.pk, poll_id=room.single.pk)
    with pytest.raises(InvalidState):
        poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)  # never launched


# --- Voting ------------------------------------------------------------------------------------------


def test_each_registration_votes_once_and_a_resend_is_the_same_vote(room):
    room.go_live()
    launch(room, room.single)
    alice, bob = room.attendee(), room.attendee()
    first = vote(room, room.single, alice, key="a1", choices=[0])
    assert first.created
    resend = vote(room, room.single, alice, key="a1", choices=[1])
    assert resend.created is False and resend.vote.pk == first.vote.pk and resend.vote.choices == [0]
    with pytest.raises(ValidationFailed) as caught:
        vote(room, room.single, alice, key="a2", choices=[1])
    assert caught.value.code == "already_voted"
    vote(room, room.single, bob, key="b1", choices=[2])
    assert PollVote.objects.filter(poll=room.single).count() == 2
    results = poll_results(poll=Poll.objects.get(pk=room.single.pk))
    assert results["counts"] == [1, 0, 1] and results["voters"] == 2 and results["version"] == 2


def test_closed_draft_and_ended_polls_refuse_votes(room):
    alice = room.attendee()
    room.go_live()
    with pytest.raises(InvalidState) as caught:
        vote(room, room.single, alice, choices=[0])  # never launched
    assert caught.value.code == "closed"
    launch(room, room.single)
    poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)
    with pytest.raises(InvalidState):
        vote(room, room.single, alice, choices=[0])
    launch(room, room.rating)
    webinar_transition(webinar=room.webinar, actor=room.organiser, to=Webinar.Status.ENDED)
    with pytest.raises(InvalidState) as caught:
        vote(room, room.rating, alice, rating=4)
    assert caught.value.code == "closed"
    assert not PollVote.objects.exists()
    assert Poll.objects.get(pk=room.rating.pk).status == Poll.Status.CLOSED  # ending the webinar closed it


def test_only_confirmed_registrations_of_this_webinar_vote(room):
    room.go_live()
    launch(room, room.single)
    stranger = make_registration(make_webinar(status=Webinar.Status.LIVE))
    with pytest.raises(PermissionDenied) as caught:
        vote(room, room.single, stranger, choices=[0])
    assert caught.value.code == "not_registered"


@pytest.mark.parametrize(
    ("kind", "answer"),
    [
        ("single", {"choices": [0, 1]}),
        ("single", {"choices": [3]}),
        ("single", {"choices": []}),
        ("single", {"choices": ["x"]}),
        ("multiple", {"choices": [-1]}),
        ("rating", {"rating": 0}),
        ("rating", {"rating": 6}),
        ("rating", {"rating": True}),
        ("rating", {}),
        # An answer field of another kind, alone or beside the fitting one (docs/protocol.md).
        ("single", {"choices": [0], "rating": 3}),
        ("single", {"word": "hoax"}),
        ("multiple", {"choices": [0], "word": ""}),
        ("rating", {"rating": 4, "choices": []}),
        ("rating", {"word": "five"}),
        ("words", {"choices": [0]}),
        ("words", {"rating": 2}),
        ("words", {"word": "hoax", "choices": [1]}),
        ("words", {"word": "", "rating": 5}),
    ],
)
def test_answers_outside_the_poll_are_refused_and_nothing_is_counted(room, kind, answer):
    room.go_live()
    poll = launch(room, getattr(room, kind))
    with pytest.raises(ValidationFailed) as caught:
        vote(room, poll, room.attendee(), **answer)
    assert caught.value.code == "invalid_choice"
    assert not PollVote.objects.exists()


def test_multiple_choice_counts_each_pick_and_ratings_average(room):
    room.go_live()
    launch(room, room.multiple)
    vote(room, room.multiple, room.attendee(), choices=[0, 1, 1])
    vote(room, room.multiple, room.attendee(), choices=[1])
    results = poll_results(poll=room.multiple)
    assert results["counts"] == [1, 2, 0] and results["voters"] == 2
    poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.multiple.pk)
    launch(room, room.rating)
    for value in (5, 4, 4):
        vote(room, room.rating, room.attendee(), rating=value)
    results = poll_results(poll=room.rating)
    assert results["counts"] == [0, 0, 0, 2, 1] and results["average"] == 4.33


def test_word_cloud_entries_are_screened_and_only_published_words_count(room):
    ScreeningSettings.objects.update_or_create(webinar=room.webinar, defaults={"blocked_terms": "bodoh"})
    room.go_live()
    launch(room, room.words)
    for word in ("Toxic", "toxic ", "Lies"):
        assert vote(room, room.words, room.attendee(), word=word).vote.word_status == "published"
    blocked = vote(room, room.words, room.attendee(), word="bodoh").vote
    assert blocked.word_status != "published"
    results = poll_results(poll=Poll.objects.get(pk=room.words.pk))
    assert results["words"] == [{"word": "toxic", "count": 2}, {"word": "lies", "count": 1}]
    assert results["voters"] == 3 and results["version"] == 3  # the screened word did not move the version
    with pytest.raises(ValidationFailed) as caught:
        vote(room, room.words, room.attendee(), word="   ")
    assert caught.value.code == "empty"
    with pytest.raises(ValidationFailed) as caught:
        vote(room, room.words, room.attendee(), word="w" * 41)
    assert caught.value.code == "too_long"


def test_a_screening_failure_holds_the_word(room, monkeypatch):
    from webinar import screening

    def broken(*args, **kwargs):
        raise RuntimeError("screening down")

    monkeypatch.setattr(screening, "get_backend", broken)
    room.go_live()
    launch(room, room.words)
    held = vote(room, room.words, room.attendee(), word="hope").vote
    assert held.word_status == "held" and held.screening_categories == ["screening_unavailable"]
    assert poll_results(poll=room.words)["words"] == []
