"""Poll pages: hosts prepare polls on the manage page before the event (EN/BM), see results, export CSV;
the live pages carry the poll card (attendee, host console with launch/close, stage view)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from webinar.campaigns.models import Poll
from webinar.campaigns.services.polls import poll_close, poll_launch, poll_vote

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert client.login(username=user.email, password=PASSWORD)
    return client


def test_a_host_prepares_a_choice_poll_with_both_languages_from_the_page(room):
    client = signed_in(room.host)
    url = reverse("campaigns:polls", args=[room.webinar.slug])
    response = client.post(
        url,
        {
            "kind": "single",
            "question_en": "Have you seen a scam this week?",
            "question_ms": "Pernahkah anda lihat penipuan minggu ini?",
            "options_en": "Yes\nNo\n",
            "options_ms": "Ya\nTidak",
        },
    )
    assert response.status_code == 302
    poll = Poll.objects.filter(webinar=room.webinar).order_by("-id").first()
    assert poll.options == [{"en": "Yes", "ms": "Ya"}, {"en": "No", "ms": "Tidak"}]
    assert poll.question_ms == "Pernahkah anda lihat penipuan minggu ini?"
    page = client.get(url).content.decode()
    assert "Have you seen a scam this week?" in page


def test_a_bad_poll_is_shown_back_with_the_reason_and_nothing_saved(room):
    before = Poll.objects.count()
    response = signed_in(room.host).post(
        reverse("campaigns:polls", args=[room.webinar.slug]),
        {"kind": "single", "question_en": "Only one choice?", "options_en": "Yes"},
    )
    assert response.status_code == 400
    assert "between 2 and 10 choices" in response.content.decode()
    assert Poll.objects.count() == before


def test_the_polls_page_is_in_malay_for_a_malay_viewer(room):
    client = signed_in(room.host)
    client.cookies["django_language"] = "ms"
    page = client.get(reverse("campaigns:polls", args=[room.webinar.slug]), HTTP_ACCEPT_LANGUAGE="ms").content
    assert "Sediakan undian" in page.decode()


def test_strangers_get_no_poll_page_or_csv(room):
    client = signed_in(make_user())
    assert client.get(reverse("campaigns:polls", args=[room.webinar.slug])).status_code == 404
    assert client.get(reverse("campaigns:polls_csv", args=[room.webinar.slug])).status_code == 404


def test_the_csv_has_one_row_per_answer_with_the_polls_figures(room):
    room.go_live()
    poll_launch(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)
    for n, choice in enumerate([0, 0, 2]):
        poll_vote(
            webinar_id=room.webinar.pk,
            registration_id=room.attendee().pk,
            poll_id=room.single.pk,
            client_key=f"k{n}",
            choices=[choice],
        )
    poll_close(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.single.pk)
    response = signed_in(room.host).get(reverse("campaigns:polls_csv", args=[room.webinar.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    single = [r for r in rows if r["kind"] == "single"]
    assert [(r["answer"], r["answer_ms"], r["votes"]) for r in single] == [
        ("Yes", "Ya", "2"),
        ("No", "Tidak", "0"),
        ("Not sure", "Tidak pasti", "1"),
    ]
    assert {r["voters"] for r in single} == {"3"} and single[0]["status"] == "closed"
    rating = [r for r in rows if r["kind"] == "rating"]
    assert [r["answer"] for r in rating] == ["1", "2", "3", "4", "5"] and rating[0]["average"] == ""
    words = [r for r in rows if r["kind"] == "words"]
    assert len(words) == 1 and words[0]["votes"] == "0"


def test_the_live_pages_carry_the_poll_card(room):
    room.go_live()
    host_page = signed_in(room.host).get(reverse("webinar:host", args=[room.webinar.slug])).content.decode()
    assert 'id="poll-card"' in host_page and f'data-poll="{room.single.pk}"' in host_page
    assert "live-polls.js" in host_page


def test_the_organiser_report_shows_each_polls_results_and_links_the_csv(room):
    from webinar.models import Webinar
    from webinar.services.lifecycle import webinar_transition
    from webinar.tasks import build_report

    room.go_live()
    poll_launch(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.rating.pk)
    for n, value in enumerate([5, 4]):
        poll_vote(
            webinar_id=room.webinar.pk,
            registration_id=room.attendee().pk,
            poll_id=room.rating.pk,
            client_key=f"r{n}",
            rating=value,
        )
    webinar_transition(webinar=room.webinar, actor=room.organiser, to=Webinar.Status.ENDED)
    build_report.apply(args=[room.webinar.pk])
    page = signed_in(room.organiser).get(reverse("webinar:report", args=[room.webinar.slug])).content.decode()
    assert 'id="report-polls"' in page and "Closed" in page
    assert "Rate this session" in page and "Average: 4.5" in page
    assert reverse("campaigns:polls_csv", args=[room.webinar.slug]) in page


def test_during_the_event_a_host_adds_a_poll_from_the_page_and_the_console_lists_it(room):
    room.go_live()
    client = signed_in(room.host)
    url = reverse("campaigns:polls", args=[room.webinar.slug])
    assert 'id="poll-form"' in client.get(url).content.decode()
    response = client.post(url, {"kind": "rating", "question_en": "How useful was this?", "question_ms": ""})
    assert response.status_code == 302
    poll = Poll.objects.get(webinar=room.webinar, question_en="How useful was this?")
    console = client.get(reverse("webinar:host", args=[room.webinar.slug])).content.decode()
    assert f'class="poll-launch" data-poll="{poll.pk}"' in console
    assert reverse("campaigns:poll_edit", args=[room.webinar.slug, poll.pk]) + "?from=host" in console


def test_a_poll_written_from_the_host_console_goes_back_to_the_console(room):
    room.go_live()
    client = signed_in(room.host)
    url = reverse("campaigns:polls", args=[room.webinar.slug]) + "?from=host"
    assert 'action="' + url + '"' in client.get(url).content.decode()
    response = client.post(url, {"kind": "words", "question_en": "One word for today?", "question_ms": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("webinar:host", args=[room.webinar.slug])


def test_a_host_edits_a_prepared_poll_from_the_page(room):
    client = signed_in(room.host)
    url = reverse("campaigns:poll_edit", args=[room.webinar.slug, room.single.pk])
    page = client.get(url).content.decode()
    assert "Do you check before you share?" in page and "Tidak pasti" in page  # the form holds the poll
    response = client.post(
        url,
        {
            "kind": "single",
            "question_en": "Do you check the source?",
            "question_ms": "Adakah anda semak sumbernya?",
            "options_en": "Always\nSometimes\nNever",
            "options_ms": "Sentiasa\nKadang-kadang\nTidak pernah",
        },
    )
    assert response.status_code == 302
    room.single.refresh_from_db()
    assert room.single.question_en == "Do you check the source?"
    assert room.single.options[1] == {"en": "Sometimes", "ms": "Kadang-kadang"}


def test_editing_or_deleting_a_launched_poll_is_refused_with_its_code_and_nothing_changes(room):
    room.go_live()
    poll_launch(actor=room.host, webinar_id=room.webinar.pk, poll_id=room.rating.pk)
    client = signed_in(room.host)
    url = reverse("campaigns:poll_edit", args=[room.webinar.slug, room.rating.pk])
    for data in ({"kind": "rating", "question_en": "Changed?"}, {"delete": "1"}):
        response = client.post(url, data)
        assert response.status_code == 409
        assert 'data-refused="poll_launched"' in response.content.decode()
        assert "can no longer be edited" in response.content.decode()
    room.rating.refresh_from_db()
    assert room.rating.question_en == "Rate this session" and room.rating.status == Poll.Status.OPEN


def test_a_host_deletes_a_draft_from_the_page(room):
    client = signed_in(room.host)
    response = client.post(
        reverse("campaigns:poll_edit", args=[room.webinar.slug, room.words.pk]), {"delete": "1"}
    )
    assert response.status_code == 302
    assert not Poll.objects.filter(pk=room.words.pk).exists()
