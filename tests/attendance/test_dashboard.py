"""The organiser's live dashboard and the JSON it polls."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.attendance.test_sampler import tick
from tests.factories import PASSWORD, make_registration, make_user

pytestmark = pytest.mark.django_db


def test_organiser_sees_the_dashboard_with_its_script_and_no_inline_code(client, organiser, live_webinar):
    client.login(email=organiser.email, password=PASSWORD)
    response = client.get(reverse("webinar:dashboard", args=[live_webinar.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "dewan/dashboard.js" in html
    assert "<script>" not in html
    assert reverse("webinar:dashboard_data", args=[live_webinar.slug]) in html


def test_dashboard_json_has_live_breakdown_figures_and_timeline(client, organiser, live_webinar, attendee):
    make_registration(live_webinar, "Never Came")
    tick(live_webinar, 0, f"r:{attendee.pk}")
    tick(live_webinar, 5, f"r:{attendee.pk}")
    client.login(email=organiser.email, password=PASSWORD)
    data = client.get(reverse("webinar:dashboard_data", args=[live_webinar.slug])).json()
    assert set(data["live"]) == {"count", "staff", "languages"}
    assert data["figures"]["attended"] == 1
    assert data["figures"]["never_came"] == 1
    assert data["figures"]["peak"] == 1
    assert [p["count"] for p in data["timeline"]] == [1, 1]


@pytest.mark.parametrize("name", ["dashboard", "dashboard_data"])
def test_only_the_organiser_may_see_attendance(client, live_webinar, host_user, name):
    stranger = make_user()
    for user in (stranger, host_user):
        client.login(email=user.email, password=PASSWORD)
        assert client.get(reverse(f"webinar:{name}", args=[live_webinar.slug])).status_code == 404


def test_dashboard_shows_durations_formatted_as_the_report_does_on_the_page_and_in_its_json(
    client, organiser, live_webinar, attendee
):
    from webinar.reports.text import duration

    for second in range(0, 130, 5):
        tick(live_webinar, second, f"r:{attendee.pk}")
    client.login(email=organiser.email, password=PASSWORD)
    data = client.get(reverse("webinar:dashboard_data", args=[live_webinar.slug])).json()
    watched = data["figures"]["watch_seconds"]
    assert watched >= 125
    assert data["display"]["figures.watch_seconds"] == duration(watched) == f"2 min {watched - 120} s"
    average = data["figures"]["average_watch_seconds"]
    assert data["display"]["figures.average_watch_seconds"] == duration(average)
    html = client.get(reverse("webinar:dashboard", args=[live_webinar.slug])).content.decode()
    assert html.count(f">{duration(watched)}<") >= 2  # the total and the attendee's row


def test_dashboard_names_the_sampling_interval_from_the_setting(client, organiser, live_webinar, settings):
    client.login(email=organiser.email, password=PASSWORD)
    for seconds, words in ((15, "every 15 seconds"), (1, "every 1 second ")):
        settings.DEWAN_ATTENDANCE_SAMPLE_SECONDS = seconds
        html = client.get(reverse("webinar:dashboard", args=[live_webinar.slug])).content.decode()
        assert f"sampled {words}" in html
