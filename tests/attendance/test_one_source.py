"""One source for attendance figures: the live dashboard and the report agree, and hosts are not audience."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests.attendance.test_sampler import at, tick
from tests.factories import PASSWORD, make_registration
from webinar.models import AttendanceSample, Question, Registration, Webinar
from webinar.reports import exports, queries
from webinar.selectors.attendance import attendance_by_attendee, live_audience
from webinar.services.registration import registration_cancel

pytestmark = pytest.mark.django_db

SHARED = {
    # dashboard key -> report key: the same figure under the names each page uses
    "registered": "registered",
    "attended": "attended",
    "never_came": "never_came",
    "unique_viewers": "unique_attendees",
    "sessions": "sessions",
    "peak": "peak_concurrency",
}


def _event_with_a_host_a_cancellation_and_a_no_show(webinar, host_user):
    came = make_registration(webinar, "Aisyah")
    cancelled_after_watching = make_registration(webinar, "Ben")
    make_registration(webinar, "Chen")  # never comes
    host = f"u:{host_user.pk}"
    tick(webinar, 0, f"r:{came.pk}", host)
    tick(webinar, 5, f"r:{came.pk}", f"r:{cancelled_after_watching.pk}", host)
    tick(webinar, 10, f"r:{came.pk}", host)
    tick(webinar, 15, host)
    registration_cancel(registration=cancelled_after_watching)
    return came, cancelled_after_watching


def _dashboard(client, organiser, webinar) -> dict:
    client.login(email=organiser.email, password=PASSWORD)
    return client.get(reverse("webinar:dashboard_data", args=[webinar.slug])).json()["figures"]


@pytest.mark.parametrize("sampled", [True, False], ids=["from-samples", "from-sessions"])
def test_dashboard_and_report_give_the_same_figures(client, organiser, live_webinar, host_user, sampled):
    _event_with_a_host_a_cancellation_and_a_no_show(live_webinar, host_user)
    if not sampled:
        AttendanceSample.objects.all().delete()
    dashboard = _dashboard(client, organiser, live_webinar)
    report = queries.attendance_figures(webinar=live_webinar)
    assert {key: dashboard[key] for key in SHARED} == {key: report[name] for key, name in SHARED.items()}
    # Registered 2 now (Ben cancelled), Aisyah came, Chen never did; Ben watched, so 2 unique viewers.
    assert (dashboard["registered"], dashboard["attended"], dashboard["never_came"]) == (2, 1, 1)
    assert dashboard["unique_viewers"] == 2
    if sampled:
        assert dashboard["peak"] == 2  # the host watched throughout and is not counted
    assert dashboard["registered"] == dashboard["attended"] + dashboard["never_came"]


def test_the_peak_instant_is_the_same_on_both_pages(client, organiser, live_webinar, host_user):
    _event_with_a_host_a_cancellation_and_a_no_show(live_webinar, host_user)
    dashboard = _dashboard(client, organiser, live_webinar)
    report = queries.attendance_figures(webinar=live_webinar)
    assert dashboard["peak_at"] == report["peak_at"].isoformat() == at(5).isoformat()


def test_hosts_are_not_in_unique_viewers_the_attendee_table_or_the_csv(live_webinar, host_user):
    _event_with_a_host_a_cancellation_and_a_no_show(live_webinar, host_user)
    rows = list(csv.DictReader(io.StringIO("".join(exports.attendance_csv(webinar=live_webinar)))))
    assert rows and all(row["name"] for row in rows), "no nameless (host) row"
    assert f"u:{host_user.pk}" not in {row["viewer"] for row in rows}
    assert {r["name"] for r in attendance_by_attendee(webinar=live_webinar)} == {"Aisyah", "Ben"}
    assert queries.attendance_figures(webinar=live_webinar)["languages"] == [{"language": "en", "viewers": 2}]


def test_live_card_counts_the_audience_and_shows_staff_apart(live_webinar):
    present = {"r:1": (0.0, "ms"), "r:2": (0.0, "en"), "u:9": (0.0, "en")}
    assert live_audience(webinar=live_webinar, present=present) == {
        "count": 2,
        "staff": 1,
        "languages": {"ms": 1, "en": 1},
    }
    live_webinar.status = Webinar.Status.ENDED
    assert live_audience(webinar=live_webinar, present=present) == {"count": 0, "staff": 0, "languages": {}}


def test_campaign_rates_are_shares_of_people_and_never_pass_one(organiser, live_webinar):
    asker = make_registration(live_webinar, "Asker")
    make_registration(live_webinar, "Quiet")
    tick(live_webinar, 0, f"r:{asker.pk}")
    for n in range(3):  # one person, three questions
        Question.objects.create(
            webinar=live_webinar, author=asker, text=f"Question {n}?", client_key=f"k{n}", status="published"
        )
    (row,) = queries.campaign_rows(user=organiser)
    assert (row["registered"], row["attended"], row["asked"], row["askers"]) == (2, 1, 3, 1)
    assert row["attendance_rate"] == 0.5
    assert row["asker_rate"] == 1.0
    assert Registration.objects.filter(status="confirmed").count() == 2
