"""Sentences built around a status or a number read correctly in English and Malay: no article picked
for a status name, no "1 seconds" (ngettext), and a move to the state the webinar is already in says so."""

from __future__ import annotations

import pytest
from django.utils import translation

from realtime.httpprotocol import too_many_connections
from tests.factories import make_live_webinar, make_registration, make_user
from webinar.exceptions import InvalidState, RateLimited
from webinar.models import Webinar
from webinar.services.lifecycle import transition_refusal, webinar_transition
from webinar.services.questions import question_submit

Status = Webinar.Status


@pytest.mark.parametrize(
    ("current", "target", "english", "malay"),
    [
        (Status.ENDED, Status.ENDED, "This webinar has already ended.", "Webinar ini sudah tamat."),
        (Status.LIVE, Status.LIVE, "This webinar is already live.", "Webinar ini sudah bersiaran langsung."),
        (
            Status.ENDED,
            Status.LIVE,
            "This webinar is “Ended”: it cannot change to “Live”.",
            "Webinar ini berstatus “Tamat”: ia tidak boleh ditukar kepada “Langsung”.",
        ),
    ],
)
def test_a_refused_lifecycle_move_is_one_correct_sentence_in_each_language(current, target, english, malay):
    with translation.override("en"):
        assert transition_refusal(current, target) == english
    with translation.override("ms"):
        assert transition_refusal(current, target) == malay


def test_every_same_state_move_has_its_own_sentence():
    with translation.override("en"):
        sentences = {transition_refusal(s, s) for s in Status.values}
    assert len(sentences) == len(Status.values) and not any("cannot" in s for s in sentences)


@pytest.mark.django_db
def test_ending_an_ended_webinar_says_it_has_already_ended():
    organiser = make_user()
    webinar = make_live_webinar(organiser=organiser)
    webinar = webinar_transition(webinar=webinar, actor=organiser, to=Status.ENDED)
    with pytest.raises(InvalidState) as caught, translation.override("en"):
        webinar_transition(webinar=webinar, actor=organiser, to=Status.ENDED)
    assert str(caught.value.message) == "This webinar has already ended."


@pytest.mark.django_db
@pytest.mark.parametrize(("seconds", "sentence"), [(1, "every 1 second."), (30, "every 30 seconds.")])
def test_slow_mode_refusal_counts_seconds_in_the_singular_and_plural(seconds, sentence):
    webinar = make_live_webinar()
    Webinar.objects.filter(pk=webinar.pk).update(slow_mode_seconds=seconds)
    registration = make_registration(webinar)
    ask = {"webinar_id": webinar.pk, "registration_id": registration.pk}
    with translation.override("en"):
        question_submit(**ask, client_key="first", text="Where are the slides?")
        with pytest.raises(RateLimited) as caught:
            question_submit(**ask, client_key="second", text="And the recording?")
    assert str(caught.value.message).endswith(sentence)


@pytest.mark.parametrize(
    ("wait", "line"), [(0.2, b"Retry after 1 second.\n"), (4.5, b"Retry after 5 seconds.\n")]
)
def test_the_429_body_counts_seconds_in_the_singular_and_plural(wait, line):
    assert too_many_connections(wait).endswith(line)


@pytest.mark.parametrize(
    ("language", "approved", "published_anyway"),
    [("en", "Approved {q}.", "Published {q} anyway."), ("ms", "{q} diluluskan.", "{q} tetap diterbitkan.")],
)
def test_the_consoles_toast_for_publish_anyway_names_that_action(language, approved, published_anyway):
    from webinar.live_views import _labels

    with translation.override(language):
        done = _labels()["done"]
    assert (done["approve"], done["publish_anyway"]) == (approved, published_anyway)


@pytest.mark.django_db
@pytest.mark.parametrize(("capacity", "sentence"), [(1, "0 of 1 seat taken."), (40, "0 of 40 seats taken.")])
def test_the_seats_line_counts_the_capacity_in_the_singular_and_plural(client, capacity, sentence):
    from django.urls import reverse

    from tests.factories import make_webinar

    webinar = make_webinar(capacity=capacity)
    page = client.get(reverse("webinar:detail", args=[webinar.slug]), HTTP_ACCEPT_LANGUAGE="en")
    assert sentence in page.content.decode()
