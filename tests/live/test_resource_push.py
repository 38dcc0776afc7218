"""Hosts push a hub resource into the live room: every viewer gets a card; clicks count per webinar."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.campaigns.conftest import build_series, make_resource
from tests.factories import PASSWORD, make_host, make_registration, make_user
from tests.live.helpers import db
from webinar.campaigns.models import ResourcePush
from webinar.campaigns.services.hub import resource_create
from webinar.campaigns.services.pushes import resource_push
from webinar.exceptions import InvalidState, PermissionDenied, ValidationFailed

pytestmark = pytest.mark.django_db(transaction=True)


def setup():
    series = build_series()
    host = make_host(series.live)
    resource = make_resource(series)
    return series, host, resource


async def test_a_pushed_resource_reaches_every_viewer_as_a_card(sockets):
    series, host, resource = await db(setup)()
    viewer = await sockets.attendee(await db(make_registration)(series.live))

    push = await db(resource_push)(actor=host, webinar=series.live, resource=resource)

    card = await viewer.receive_until("resource_card")
    assert card == {
        "type": "resource_card",
        "push_id": push.pk,
        "kind": "helpline",
        "title_en": "Talian Kasih 15999",
        "title_ms": "Talian Kasih 15999 (BM)",
        "url": f"/c/{series.campaign.slug}/push/{push.pk}/go/",
    }


def test_only_hosts_push_resources_of_the_webinars_own_campaign_while_live():
    series, host, resource = setup()
    with pytest.raises(PermissionDenied):
        resource_push(actor=make_user(), webinar=series.live, resource=resource)
    other = build_series(title="Other")
    foreign = resource_create(
        campaign=other.campaign, actor=other.owner, kind="article", title_en="Elsewhere"
    )
    with pytest.raises(ValidationFailed) as caught:
        resource_push(actor=host, webinar=series.live, resource=foreign)
    assert caught.value.code == "not_in_campaign"
    with pytest.raises(InvalidState):
        resource_push(actor=series.owner, webinar=series.upcoming, resource=resource)
    assert not ResourcePush.objects.exists()


def test_clicks_are_counted_per_webinar_and_open_the_resource():
    series, host, resource = setup()
    second_live = build_series(owner=series.owner, title="Second")  # another campaign: its own pushes
    push = resource_push(actor=host, webinar=series.live, resource=resource)
    click = reverse("campaigns:push_click", args=[series.campaign.slug, push.pk])
    for network in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        response = Client(REMOTE_ADDR=network).get(click)
        assert response["Location"] == reverse("campaigns:resource", args=[series.campaign.slug, resource.pk])
    push.refresh_from_db()
    assert push.clicks == 3
    assert (
        Client().get(reverse("campaigns:push_click", args=[second_live.campaign.slug, push.pk])).status_code
        == 404
    )


def test_a_visitor_clicking_again_is_not_counted_again(rate_window_held):
    """The click link is public: a reload, a chat app's link preview or a loop from one browser counts
    once a day (outside security review: every request counted, and wrote a row); the resource still
    opens every time."""
    series, host, resource = setup()
    push = resource_push(actor=host, webinar=series.live, resource=resource)
    click = reverse("campaigns:push_click", args=[series.campaign.slug, push.pk])
    browser = Client(REMOTE_ADDR="10.0.0.9", HTTP_USER_AGENT="Firefox")
    assert all(browser.get(click).status_code == 302 for _ in range(5))
    Client(REMOTE_ADDR="10.0.0.9", HTTP_USER_AGENT="Chrome").get(click)  # another browser on that network
    push.refresh_from_db()
    assert push.clicks == 2


def test_the_host_pushes_from_the_web_and_sees_the_clicks():
    series, host, resource = setup()
    client = Client()
    assert client.login(username=host.email, password=PASSWORD)
    url = reverse("campaigns:push_console", args=[series.campaign.slug])
    client.post(url, {"webinar": series.live.pk, "resource": resource.pk})
    push = ResourcePush.objects.get()
    assert (push.webinar, push.resource, push.pushed_by) == (series.live, resource, host)
    Client().get(reverse("campaigns:push_click", args=[series.campaign.slug, push.pk]))
    html = client.get(url).content.decode()
    assert 'class="clicks">1<' in html
    stranger = Client()
    assert stranger.login(username=make_user().email, password=PASSWORD)
    assert stranger.get(url).status_code == 404


def test_the_live_page_shows_the_newest_card_to_people_who_join_later():
    from webinar.selectors import browser_registration_remember

    series, host, resource = setup()
    resource_push(actor=host, webinar=series.live, resource=resource)
    registration = make_registration(series.live)
    client = Client()
    session = client.session
    browser_registration_remember(session=session, registration=registration)
    session.save()
    html = client.get(reverse("webinar:live", args=[series.live.slug])).content.decode()
    assert 'id="resource-card"' in html and "Talian Kasih 15999" in html
