"""`make run`'s demo shows every campaign feature: three webinars (live, ended with a report, upcoming)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from webinar.campaigns import selectors
from webinar.campaigns.models import Campaign, PledgeTaker, Poll, Resource
from webinar.live_state import shared_live_state


@pytest.mark.django_db(transaction=True)
def test_the_demo_campaign_is_seeded_once_with_every_feature(client):
    for _run in range(2):  # a second run adds nothing
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
    assert "/c/think-twice/" in output.getvalue()

    campaign = Campaign.objects.get()
    statuses = sorted(e.webinar.status for e in selectors.campaign_entries(campaign=campaign))
    assert statuses == ["ended", "live", "scheduled"]
    ended = next(
        e.webinar for e in selectors.campaign_entries(campaign=campaign) if e.webinar.status == "ended"
    )
    assert ended.report.status == "done"
    assert ended.report.data["attendance"]["unique_attendees"] == 4  # its sessions are rolled up
    assert PledgeTaker.objects.filter(pledge__campaign=campaign).count() == 13
    assert Resource.objects.filter(campaign=campaign).count() == 5
    page = client.get(reverse("campaigns:page", args=[campaign.slug])).content.decode()
    assert "#ThinkTwice" in page and "UiTM Shah Alam" in page
    assert client.get(reverse("campaigns:transparency", args=[campaign.slug])).status_code == 200
    assert (
        client.get(reverse("campaigns:webinar_transparency", args=[campaign.slug, ended.slug])).status_code
        == 200
    )


@pytest.mark.django_db(transaction=True)
def test_the_demo_runs_polls_on_the_live_webinar_and_reports_those_of_the_ended_one(client):
    call_command("seed_demo", stdout=io.StringIO())
    campaign = Campaign.objects.get()
    webinars = {e.webinar.status: e.webinar for e in selectors.campaign_entries(campaign=campaign)}

    live = {poll.status: poll for poll in Poll.objects.filter(webinar=webinars["live"])}
    assert sorted(live) == ["closed", "draft", "open"]  # one of each, as a host would leave them
    assert selectors.poll_results(poll=live["open"])["voters"] == 2
    assert selectors.poll_results(poll=live["closed"])["average"] == 3.0
    assert live["draft"].kind == "words"
    snapshot = shared_live_state(webinar_id=webinars["live"].pk)  # what a viewer's snapshot carries
    assert snapshot["poll"]["poll"]["id"] == live["open"].pk
    assert [item["poll"]["id"] for item in snapshot["closed_polls"]] == [live["closed"].pk]

    ended = list(Poll.objects.filter(webinar=webinars["ended"]).order_by("position"))
    assert [poll.status for poll in ended] == ["closed", "closed"]  # ending closed the open word cloud
    assert selectors.poll_results(poll=ended[0])["counts"] == [2, 3, 1, 2]
    assert selectors.poll_results(poll=ended[1])["words"][0] == {"word": "angry", "count": 2}
    assert client.login(username="organiser@dewan.demo", password="dewan-demo-2026")
    report = client.get(reverse("webinar:report", args=[webinars["ended"].slug])).content.decode()
    assert 'id="report-polls"' in report and "Where have you seen a scam this month?" in report
    figures = client.get(
        reverse("campaigns:webinar_transparency", args=[campaign.slug, webinars["ended"].slug])
    )
    assert figures.context["figures"]["polls_run"] == 2


@pytest.mark.django_db(transaction=True)
def test_seed_demo_reset_puts_the_demo_back_as_first_loaded(settings):
    from webinar.models import Question, Webinar

    call_command("seed_demo", stdout=io.StringIO())
    first = Question.objects.count()
    live = Webinar.objects.get(slug="selamat-online")
    Question.objects.filter(webinar=live).delete()
    Webinar.objects.filter(pk=live.pk).update(title="Changed while trying the demo")
    call_command("seed_demo", stdout=io.StringIO())  # an ordinary re-run keeps the changes
    assert Webinar.objects.get(slug="selamat-online").title == "Changed while trying the demo"

    settings.DEBUG = True
    output = io.StringIO()
    call_command("seed_demo", "--reset", stdout=output)
    assert "Database emptied" in output.getvalue() and "Dewan demo is ready." in output.getvalue()
    assert Webinar.objects.get(slug="selamat-online").title.startswith("Selamat Online")
    assert Question.objects.count() == first


@pytest.mark.django_db
def test_seed_demo_reset_refuses_outside_debug(settings):
    from django.core.management.base import CommandError

    from webinar.models import Webinar

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", "--reset", stdout=io.StringIO())
    assert not Webinar.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_make_run_prints_a_sign_in_for_every_demo_account_and_each_signs_in(client):
    """README.md lists every demo account (aisyah, wei.jie, priya, ...) as printed by `make run`:
    the printed list is every account the demo creates, and each printed sign-in works."""
    import re

    from accounts.models import User
    from webinar.management.commands.seed_demo import DEMO_PASSWORD

    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    printed = re.findall(rf"(\S+@dewan\.demo) / {re.escape(DEMO_PASSWORD)}", output.getvalue())

    assert sorted(printed) == sorted(User.objects.values_list("email", flat=True))
    assert "priya@dewan.demo" in printed
    for email in printed:
        assert client.login(username=email, password=DEMO_PASSWORD), email
        client.logout()
