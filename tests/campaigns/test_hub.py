"""The resource hub: resources, and visit counting without a database write per visit."""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_registration, make_user
from webinar.campaigns import counters, selectors
from webinar.campaigns.models import HubVisitor, Resource, ResourceDailyStats
from webinar.campaigns.services import hub
from webinar.exceptions import PermissionDenied, ValidationFailed
from webinar.selectors import browser_registration_remember

pytestmark = pytest.mark.django_db


class IsolatedRedisCounter(counters.RedisHubCounter):
    """The Redis backend under a prefix of its own, so parallel test runs never share keys."""

    PREFIX = f"dewan:test-hub:{secrets.token_hex(4)}:"


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.needs_redis)])
def counter(request, settings):
    settings.DEWAN_HUB_COUNTER_BACKEND = (
        "webinar.campaigns.counters.MemoryHubCounter"
        if request.param == "memory"
        else "tests.campaigns.test_hub.IsolatedRedisCounter"
    )
    settings.DEWAN_HUB_FLUSH_SECONDS = 3600
    counters._counter.cache_clear()
    backend = counters.get_counter()
    yield backend
    if request.param == "redis":
        for key in backend.redis.scan_iter(f"{backend.PREFIX}*"):
            backend.redis.delete(key)
    counters._counter.cache_clear()


@pytest.fixture
def resource(series):
    return hub.resource_create(
        campaign=series.campaign,
        actor=series.owner,
        kind="helpline",
        title_en="Talian Kasih 15999",
        title_ms="Talian Kasih 15999 (BM)",
        body_en="Call for help.",
        body_ms="Hubungi untuk bantuan.",
        url="https://www.kpwkm.gov.my",
        topics=["cyberbullying", "mental_health"],
    )


def visit(resource, ip: str, agent: str = "Firefox", email: str = "") -> None:
    hub.resource_visit_record(resource=resource, client_ip=ip, user_agent=agent, person_email=email)


def stats(resource) -> tuple[int, int]:
    row = ResourceDailyStats.objects.filter(resource=resource).first()
    return (row.visits, row.uniques) if row else (0, 0)


def test_a_visit_costs_no_database_query(counter, resource, django_assert_num_queries):
    with django_assert_num_queries(0):
        for i in range(50):
            visit(resource, f"10.0.0.{i % 7}")


def test_the_flush_writes_visits_and_unique_visitors(counter, resource):
    for i in range(30):
        visit(resource, f"10.0.0.{i % 3}")
    visit(resource, "10.0.0.1", agent="Chrome")  # another browser on that network: another visitor
    assert hub.hub_counts_flush()["visits"] == 31
    assert stats(resource) == (31, 4)


def test_flushing_twice_counts_nothing_twice_and_keeps_adding(counter, resource):
    for _ in range(5):
        visit(resource, "10.0.0.1")
    hub.hub_counts_flush()
    assert hub.hub_counts_flush() == {"rows": 0, "visits": 0, "people": 0}
    visit(resource, "10.0.0.2")
    hub.hub_counts_flush()
    assert stats(resource) == (6, 2)


def test_a_failed_flush_puts_the_counts_back(counter, resource, monkeypatch):
    for _ in range(7):
        visit(resource, "10.0.0.9")
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("database went away")

    with monkeypatch.context() as patched:
        patched.setattr(ResourceDailyStats.objects, "get_or_create", broken)
        with pytest.raises(RuntimeError):
            hub.hub_counts_flush()
    assert calls, "the fault fired"
    assert stats(resource) == (0, 0)
    hub.hub_counts_flush()
    assert stats(resource) == (7, 1)


def test_a_visitor_is_the_same_within_a_day_and_unlinkable_across_days(counter):
    today = hub.visitor_hash(client_ip="1.2.3.4", user_agent="UA", day="2026-11-30")
    assert today == hub.visitor_hash(client_ip="1.2.3.4", user_agent="UA", day="2026-11-30")
    assert today != hub.visitor_hash(client_ip="1.2.3.4", user_agent="UA", day="2026-12-01")
    assert today != hub.visitor_hash(client_ip="1.2.3.5", user_agent="UA", day="2026-11-30")
    assert "1.2.3.4" not in today and len(today) == 32


def test_organiser_figures_include_visits_not_yet_flushed(counter, resource):
    for i in range(4):
        visit(resource, f"10.1.0.{i}")
    hub.hub_counts_flush()
    visit(resource, "10.1.0.0")
    visit(resource, "10.1.0.99")
    (row,) = selectors.hub_stats(campaign=resource.campaign)
    assert (row["visits"], row["uniques"]) == (6, 5)


def test_resource_pages_tell_visitors_apart_by_address_and_browser_not_cookies(counter, series, resource):
    from django.test import Client

    url = reverse("campaigns:resource", args=[series.campaign.slug, resource.pk])
    for _ in range(3):  # three cookie-less browsers from one address: one visitor
        assert Client().get(url, REMOTE_ADDR="192.0.2.1", HTTP_USER_AGENT="Firefox").status_code == 200
    same_cookies = Client()
    for i in range(2, 4):  # one browser keeping its cookies on two networks: two visitors
        same_cookies.get(url, REMOTE_ADDR=f"192.0.2.{i}", HTTP_USER_AGENT="Firefox")
    hub.hub_counts_flush()
    assert stats(resource) == (5, 3)


def test_a_known_attendee_visiting_the_hub_reaches_the_funnel_once(counter, client, series, resource):
    registration = make_registration(series.live, "Aisyah", "aisyah@example.com")
    session = client.session
    browser_registration_remember(session=session, registration=registration)
    session.save()
    client.get(reverse("campaigns:hub", args=[series.campaign.slug]))
    client.get(reverse("campaigns:resource", args=[series.campaign.slug, resource.pk]))
    hub.hub_counts_flush()
    client.get(reverse("campaigns:resource", args=[series.campaign.slug, resource.pk]))
    hub.hub_counts_flush()
    assert list(HubVisitor.objects.values_list("email", flat=True)) == ["aisyah@example.com"]


def test_the_embedded_counter_flushes_itself_when_due(settings, resource):
    settings.DEWAN_HUB_COUNTER_BACKEND = "webinar.campaigns.counters.MemoryHubCounter"
    settings.DEWAN_HUB_FLUSH_SECONDS = 0
    counters._counter.cache_clear()
    try:
        visit(resource, "10.0.0.1")
        assert stats(resource) == (1, 1)
    finally:
        counters._counter.cache_clear()


def test_the_hub_lists_resources_in_order_filtered_by_topic_in_the_readers_language(client, series, resource):
    hub.resource_create(
        campaign=series.campaign,
        actor=series.owner,
        kind="article",
        title_en="Spot a scam",
        topics=["scams"],
        position=0,
    )
    names = [r.title_en for r in selectors.hub_resources(campaign=series.campaign)]
    assert names == ["Talian Kasih 15999", "Spot a scam"]
    assert [r.title_en for r in selectors.hub_resources(campaign=series.campaign, topic="scams")] == [
        "Spot a scam"
    ]
    client.cookies["django_language"] = "ms"
    html = client.get(
        reverse("campaigns:hub", args=[series.campaign.slug]) + "?topic=mental_health"
    ).content.decode()
    assert "Talian Kasih 15999 (BM)" in html and "Spot a scam" not in html


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"kind": "podcast", "title_en": "x"}, "invalid_kind"),
        ({"kind": "article"}, "missing_title"),
        ({"kind": "article", "title_en": "x", "url": "javascript:alert(1)"}, "invalid_url"),
        ({"kind": "article", "title_en": "x", "topics": ["gossip"]}, "invalid_topic"),
    ],
)
def test_a_bad_resource_is_refused_with_its_reason(series, fields, code):
    with pytest.raises(ValidationFailed) as caught:
        hub.resource_create(campaign=series.campaign, actor=series.owner, **fields)
    assert caught.value.code == code
    assert not Resource.objects.exists()


def test_only_the_owner_changes_the_hub(series, resource):
    with pytest.raises(PermissionDenied):
        hub.resource_update(resource=resource, actor=make_user(), title_en="Mine")


def test_organiser_adds_edits_and_deletes_a_resource_from_the_web(counter, client, series):
    assert client.login(username=series.owner.email, password=PASSWORD)
    url = reverse("campaigns:hub_manage", args=[series.campaign.slug])
    client.post(
        url,
        {"kind": "guide", "title_en": "How to report", "title_ms": "Cara melapor", "topics": ["hate_speech"]},
    )
    resource = Resource.objects.get()
    assert resource.topics == ["hate_speech"] and resource.position == 1
    edit = reverse("campaigns:hub_edit", args=[series.campaign.slug, resource.pk])
    client.post(edit, {"kind": "guide", "title_en": "How to report hate", "position": 3})
    resource.refresh_from_db()
    assert (resource.title_en, resource.position) == ("How to report hate", 3)
    assert "How to report hate" in client.get(url).content.decode()
    client.post(edit, {"kind": "guide", "title_en": "x", "delete": "1"})
    assert not Resource.objects.exists()


def test_flushed_days_are_separate_rows(counter, resource):
    counter.record(resource_id=resource.pk, day="2026-11-29", client_hash="a")
    counter.record(resource_id=resource.pk, day="2026-11-30", client_hash="a")
    hub.hub_counts_flush()
    days = list(ResourceDailyStats.objects.values_list("day", "visits", "uniques"))
    assert days == [(date(2026, 11, 29), 1, 1), (date(2026, 11, 30), 1, 1)]


def test_a_warm_resource_page_opens_no_database_connection(
    counter, client, series, resource, django_assert_num_queries
):
    url = reverse("campaigns:resource", args=[series.campaign.slug, resource.pk])
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_a_changed_resource_or_unpublished_campaign_shows_at_once(counter, client, series, resource):
    from webinar.campaigns.services.campaigns import campaign_update

    url = reverse("campaigns:resource", args=[series.campaign.slug, resource.pk])
    client.get(url)
    hub.resource_update(resource=resource, actor=series.owner, title_en="Talian Kasih (new number)")
    assert "Talian Kasih (new number)" in client.get(url).content.decode()
    campaign_update(campaign=series.campaign, actor=series.owner, published=False)
    assert client.get(url).status_code == 404


@pytest.mark.needs_redis
def test_processes_share_one_daily_salt_created_atomically_when_missing(settings):
    first, second = IsolatedRedisCounter(), IsolatedRedisCounter()
    try:
        salt = first.daily_salt(day="2026-11-30")
        assert second.daily_salt(day="2026-11-30") == salt
        first.redis.delete(f"{first.PREFIX}salt:2026-12-01")
        third = IsolatedRedisCounter()
        assert third.daily_salt(day="2026-12-01") == second.daily_salt(day="2026-12-01") is not None
    finally:
        for key in first.redis.scan_iter(f"{first.PREFIX}*"):
            first.redis.delete(key)
