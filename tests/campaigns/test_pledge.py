"""The pledge: taken once per address with consent, verified by account, join link or e-mailed link."""

from __future__ import annotations

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.campaigns.conftest import build_series, make_pledge
from tests.factories import PASSWORD, make_registration, make_user
from webinar.campaigns import selectors
from webinar.campaigns.exports import pledge_csv
from webinar.campaigns.models import PledgeTaker
from webinar.campaigns.services.pledges import (
    pledge_request_link,
    pledge_take,
    pledge_take_from_link,
)
from webinar.exceptions import InvalidState, PermissionDenied, ValidationFailed
from webinar.selectors import browser_registration_remember

ACCOUNT = PledgeTaker.Method.ACCOUNT


def run_together(count: int, function) -> None:
    """Run ``function(i)`` on ``count`` threads released at the same moment, each closing its connection."""
    barrier = threading.Barrier(count)

    def body(i: int) -> None:
        try:
            barrier.wait()
            function(i)
        finally:
            connection.close()

    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@pytest.fixture
def pledge(series):
    return make_pledge(series)


def take(pledge, email, institution="", **extra):
    fields = {"name": "Student", "consent": True, "method": ACCOUNT, **extra}
    return pledge_take(pledge=pledge, email=email, institution=institution, **fields)


def link_from_outbox() -> str:
    return re.search(r"https?://\S+/pledge/confirm/\S+/", mail.outbox[-1].body).group(0)


@pytest.mark.django_db
def test_the_same_address_takes_the_pledge_once_whatever_its_case(pledge):
    first = take(pledge, "siti@example.com")
    again = take(pledge, " SITI@Example.com ", name="Someone else", institution="Other")
    assert first.created and not again.created
    assert again.taker.pk == first.taker.pk and again.taker.name == "Student"
    assert selectors.pledge_count(pledge=pledge) == 1


@pytest.mark.django_db
def test_the_pledge_needs_pdpa_consent(pledge):
    with pytest.raises(ValidationFailed) as caught:
        take(pledge, "a@example.com", consent=False)
    assert caught.value.code == "consent_required"
    assert not PledgeTaker.objects.exists()


@pytest.mark.django_db
def test_a_required_institution_must_be_given(series, pledge):
    make_pledge(series, text_en="x", institution_required=True)
    pledge.refresh_from_db()
    with pytest.raises(ValidationFailed) as caught:
        take(pledge, "a@example.com", institution="   ")
    assert caught.value.code == "missing_institution"


@pytest.mark.django_db
def test_the_institution_is_dropped_when_the_pledge_does_not_ask_for_it(series, pledge):
    make_pledge(series, text_en="x", ask_institution=False, institution_required=True)
    pledge.refresh_from_db()
    assert not pledge.institution_required
    assert take(pledge, "a@example.com", institution="UiTM").taker.institution == ""


@pytest.mark.django_db
def test_a_closed_pledge_takes_nobody(series, pledge):
    make_pledge(series, text_en="x", open=False)
    pledge.refresh_from_db()
    with pytest.raises(InvalidState):
        take(pledge, "a@example.com")


@pytest.mark.django_db
def test_only_the_owner_writes_the_pledge(series):
    with pytest.raises(PermissionDenied):
        make_pledge(series, actor=make_user(), text_en="x", ask_institution=False)
    with pytest.raises(ValidationFailed) as caught:
        make_pledge(series, text_en=" ", text_ms="")
    assert caught.value.code == "missing_text"


@pytest.mark.django_db
def test_institutions_are_ranked_with_spelling_and_case_folded(pledge):
    for i in range(3):
        take(pledge, f"s{i}@uitm.edu.my", institution="UiTM Shah Alam")
    take(pledge, "s9@uitm.edu.my", institution="uitm  shah alam")
    for i in range(2):
        take(pledge, f"u{i}@um.edu.my", institution="Universiti Malaya")
    take(pledge, "x@example.com", institution="Zeta College")
    take(pledge, "y@example.com", institution="Alpha College")
    take(pledge, "nobody@example.com")
    assert selectors.pledge_institutions(pledge=pledge) == [
        {"name": "UiTM Shah Alam", "count": 4},
        {"name": "Universiti Malaya", "count": 2},
        {"name": "Alpha College", "count": 1},
        {"name": "Zeta College", "count": 1},
    ]


@pytest.mark.django_db
def test_an_emailed_link_takes_the_pledge_and_following_it_twice_is_harmless(
    client, series, pledge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("campaigns:pledge_take", args=[series.campaign.slug]),
            {"name": "Nurul", "email": "Nurul@Example.com", "institution": "UiTM Shah Alam", "consent": "on"},
        )
    assert response.status_code == 302
    assert not PledgeTaker.objects.exists(), "nothing is stored before the address is verified"
    link = link_from_outbox()
    assert mail.outbox[-1].to == ["nurul@example.com"]

    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    client.post("/" + path)
    client.post("/" + path)

    taker = PledgeTaker.objects.get()
    assert (taker.email, taker.institution, taker.method) == ("nurul@example.com", "UiTM Shah Alam", "email")


@pytest.mark.django_db(transaction=True)
def test_one_address_gets_at_most_two_pledge_links_an_hour_whoever_asks(pledge, rate_window_held):
    """The link goes to whatever address is typed, so a stranger could flood someone's inbox: per
    address, DEWAN_REGISTRATION_REMINDER_RATE (2 an hour) links; past it nothing is sent."""
    mail.outbox.clear()
    for _ in range(4):
        pledge_request_link(pledge=pledge, name="A", email="siti@example.com", consent=True)
    pledge_request_link(pledge=pledge, name="A", email=" SITI@example.com", consent=True)
    pledge_request_link(pledge=pledge, name="B", email="wei@example.com", consent=True)
    assert [m.to for m in mail.outbox] == [["siti@example.com"]] * 2 + [["wei@example.com"]]


@pytest.mark.django_db(transaction=True)
def test_the_pledge_link_subject_shows_the_campaign_title_as_written(series, pledge):
    from webinar.campaigns.models import Campaign

    Campaign.objects.filter(pk=series.campaign.pk).update(title="Think & Act\nTwice")
    pledge.refresh_from_db()
    pledge.campaign.refresh_from_db()
    mail.outbox.clear()
    pledge_request_link(pledge=pledge, name="A", email="a@example.com", consent=True)
    assert mail.outbox[-1].subject == "Confirm your pledge: Think & Act Twice"


@pytest.mark.django_db
def test_a_tampered_or_foreign_link_is_refused(series, pledge):
    link = pledge_request_link(pledge=pledge, name="A", email="a@example.com", consent=True)
    token = link.rstrip("/").rsplit("/", 1)[1]
    with pytest.raises(ValidationFailed) as caught:
        pledge_take_from_link(pledge=pledge, token=token[:-2] + "xx")
    assert caught.value.code == "invalid_link"
    other = build_series(title="Other")
    other_pledge = make_pledge(other, text_en="x", ask_institution=False)
    with pytest.raises(ValidationFailed):
        pledge_take_from_link(pledge=other_pledge, token=token)
    assert not PledgeTaker.objects.exists()


@pytest.mark.django_db
def test_an_unverified_account_gets_a_link_instead_of_pledging_as_its_address(
    client, series, pledge, django_capture_on_commit_callbacks
):
    user = make_user("wei@example.com", "Wei")
    assert client.login(username=user.email, password=PASSWORD)
    url = reverse("campaigns:pledge_take", args=[series.campaign.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"name": "Wei", "email": "wei@example.com", "consent": "on"})
    assert not PledgeTaker.objects.exists(), "an address nobody proved takes no pledge"
    assert mail.outbox[0].to == ["wei@example.com"]


@pytest.mark.django_db
def test_a_signed_in_attendee_takes_it_at_once_with_their_account_address(client, series, pledge):
    user = make_user("wei@example.com", "Wei", email_verified_at=timezone.now())
    assert client.login(username=user.email, password=PASSWORD)
    url = reverse("campaigns:pledge_take", args=[series.campaign.slug])
    client.post(url, {"name": "Wei", "email": "spoofed@example.com", "consent": "on"})
    client.post(url, {"name": "Wei", "consent": "on"})
    taker = PledgeTaker.objects.get()
    assert (taker.email, taker.user, taker.method) == ("wei@example.com", user, "account")
    assert not mail.outbox
    page = client.get(reverse("campaigns:page", args=[series.campaign.slug])).content.decode()
    assert 'id="pledge-taken"' in page


@pytest.mark.django_db
def test_a_join_link_attendee_takes_it_with_their_registration_address(client, series, pledge):
    registration = make_registration(series.live, "Aisyah", "aisyah@example.com")
    session = client.session
    browser_registration_remember(session=session, registration=registration)
    session.save()
    client.post(
        reverse("campaigns:pledge_take", args=[series.campaign.slug]), {"name": "Aisyah", "consent": "on"}
    )
    assert PledgeTaker.objects.get().email == "aisyah@example.com"


@pytest.mark.django_db
def test_the_form_without_consent_says_why_and_stores_nothing(client, series, pledge):
    response = client.post(
        reverse("campaigns:pledge_take", args=[series.campaign.slug]), {"name": "A", "email": "a@example.com"}
    )
    assert response.status_code == 400
    assert "PDPA" in response.content.decode()
    assert not mail.outbox and not PledgeTaker.objects.exists()


@pytest.mark.django_db
def test_the_pledge_is_in_bahasa_malaysia_for_malay_readers(client, series, pledge):
    client.cookies["django_language"] = "ms"
    html = client.get(reverse("campaigns:page", args=[series.campaign.slug])).content.decode()
    assert "Saya akan fikir dua kali" in html


@pytest.mark.django_db
def test_organiser_downloads_the_takers_as_csv_with_formulas_neutralised(client, series, pledge):
    take(pledge, "a@example.com", institution="=HYPERLINK(1)", name="Ana")
    assert client.login(username=series.owner.email, password=PASSWORD)
    response = client.get(reverse("campaigns:pledge_csv", args=[series.campaign.slug]))
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "name,email,institution,verified_by,language,taken_at"
    assert lines[1].startswith("Ana,a@example.com,'=HYPERLINK(1),account,en,")
    assert next(iter(pledge_csv(pledge=pledge))).startswith("name,")


@pytest.mark.django_db
def test_the_csv_opens_in_a_spreadsheet_with_every_name_as_typed(client, series, pledge):
    """Exports start with a UTF-8 byte order mark, which Excel needs to read them as UTF-8 (without it
    "Wei Jie 伟杰" and the mask "012-••• ••••" showed as mojibake: outside review); every CSV download
    goes through ``webinar.http.csv_download``."""
    take(pledge, "w@example.com", name="Wei Jie 伟杰")
    assert client.login(username=series.owner.email, password=PASSWORD)
    response = client.get(reverse("campaigns:pledge_csv", args=[series.campaign.slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbfname,email,")
    assert "Wei Jie 伟杰,w@example.com" in body.decode("utf-8-sig")


@pytest.mark.django_db
def test_the_obs_pledge_counter_speaks_the_language_of_its_link(client, series, pledge):
    """An OBS browser source chooses no language: the organiser's link carries theirs (``lang``)."""
    assert client.login(username=series.owner.email, password=PASSWORD)
    client.cookies["django_language"] = "ms"
    settings_page = client.get(reverse("campaigns:pledge_settings", args=[series.campaign.slug]))
    counter = reverse("campaigns:pledge_stage", args=[series.campaign.slug]) + "?lang=ms"
    assert f'href="{counter}"' in settings_page.content.decode()
    obs = Client().get(counter).content.decode()
    assert '<html lang="ms">' in obs and "orang telah berikrar" in obs


@pytest.mark.django_db
def test_the_csv_is_for_the_organiser_only(client, series, pledge):
    assert client.login(username=make_user().email, password=PASSWORD)
    assert client.get(reverse("campaigns:pledge_csv", args=[series.campaign.slug])).status_code == 404


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
def test_forty_concurrent_takers_with_one_address_leave_one_record_and_all_get_it():
    series = build_series()
    pledge = make_pledge(series, text_en="x", ask_institution=False)
    results = []
    lock = threading.Lock()

    def taker(_i: int) -> None:
        result = take(pledge, "same@example.com")
        with lock:
            results.append(result)

    run_together(40, taker)
    assert len(results) == 40
    assert sum(r.created for r in results) == 1
    assert {r.taker.pk for r in results} == {PledgeTaker.objects.get().pk}


@pytest.mark.needs_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_different_takers_are_all_counted():
    series = build_series()
    pledge = make_pledge(series, text_en="x", ask_institution=False)
    run_together(30, lambda i: take(pledge, f"t{i}@example.com"))
    assert selectors.pledge_count(pledge=pledge) == 30
