"""Hosts push a hub resource into a live room; attendees see it as a card, and clicks count per webinar."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from webinar import ratelimit
from webinar import selectors as webinar_selectors
from webinar.campaigns.models import CampaignWebinar, Resource, ResourcePush
from webinar.campaigns.services.hub import hub_day, visitor_hash
from webinar.exceptions import InvalidState, PermissionDenied, ValidationFailed
from webinar.models import Webinar


def push_click_url(push: ResourcePush) -> str:
    return reverse("campaigns:push_click", args=[push.resource.campaign.slug, push.pk])


def resource_push(*, actor, webinar: Webinar, resource: Resource) -> ResourcePush:
    """Show ``resource`` to everyone in ``webinar``'s live room, as a card, after commit.

    The actor must host or organise the webinar (read fresh); the resource must be in the hub of the
    webinar's campaign; the webinar must be live. Raises ``PermissionDenied`` ``forbidden``,
    ``ValidationFailed`` ``not_in_campaign``, ``InvalidState`` ``invalid_state``. Every push is recorded
    (pushing the same resource twice makes two cards, each with its own clicks).
    """
    if not webinar_selectors.can_moderate(user=actor, webinar=webinar):
        raise PermissionDenied(_("Only this webinar's hosts can do that."), code="forbidden")
    entry = CampaignWebinar.objects.filter(webinar=webinar).first()
    if entry is None or entry.campaign_id != resource.campaign_id:
        raise ValidationFailed(_("That resource is not in this webinar's campaign."), code="not_in_campaign")
    if webinar.status != Webinar.Status.LIVE:
        raise InvalidState(_("Resources can be pushed while the webinar is live."), code="invalid_state")
    with transaction.atomic():
        push = ResourcePush.objects.create(webinar=webinar, resource=resource, pushed_by=actor)
        transaction.on_commit(lambda: _publish(push))
    return push


def _publish(push: ResourcePush) -> None:
    from realtime import broadcast, protocol

    resource = push.resource
    message = protocol.resource_card_message(
        push_id=push.pk,
        kind=resource.kind,
        title_en=resource.title_en,
        title_ms=resource.title_ms,
        url=push_click_url(push),
    )
    broadcast.publish(webinar_id=push.webinar_id, stream=broadcast.PUBLIC, message=message)


def resource_push_click(*, push: ResourcePush, client_ip: str, user_agent: str) -> bool:
    """Count a click on a pushed card once per visitor a day (one row update; the card's webinar is the
    push's). Returns whether this click counted.

    The link is public and takes no sign-in, so counting every request let anyone raise the organiser's
    figure, and write a row, with a loop; reloads and chat apps' link previews raised it too. A visitor
    is the hub's (``hub.visitor_hash``: a daily pseudonym of address and browser, docs/hub-counting.md).
    """
    day = hub_day()
    visitor = visitor_hash(client_ip=client_ip, user_agent=user_agent, day=day)
    if ratelimit.hit(f"push-click:{push.pk}:{day}:{visitor}", rate="1/d"):
        return False
    ResourcePush.objects.filter(pk=push.pk).update(clicks=F("clicks") + 1)
    return True
