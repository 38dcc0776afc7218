"""The resource hub: resources with EN/BM text, ordered and tagged, and their visit counts.

A visit costs no database write: ``resource_visit_record`` hands it to the configured counter
(memory or Redis, ``webinar/campaigns/counters.py``), and ``hub_counts_flush`` (the Celery beat task
``campaigns.flush_hub_counts``, and the embedded process itself every ``DEWAN_HUB_FLUSH_SECONDS``) writes
one row per resource and day. Visitors are told apart without cookies by a hash of their address and
browser with a random salt that changes daily and is forgotten two days later (docs/hub-counting.md).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from realtime.redis_health import RedisSuspended
from webinar.campaigns.counters import get_counter
from webinar.campaigns.models import Campaign, HubVisitor, Resource, ResourceDailyStats
from webinar.campaigns.selectors import can_manage_campaign
from webinar.exceptions import PermissionDenied, ValidationFailed

log = logging.getLogger("dewan.hub")
RESOURCE_FIELDS = ("kind", "title_en", "title_ms", "body_en", "body_ms", "url", "topics", "position")
_url = URLValidator(schemes=["http", "https"])


def hub_day(now=None) -> str:
    """The counting day (ISO date in the project's time zone, Asia/Kuala_Lumpur)."""
    return timezone.localdate(now).isoformat()


def visitor_hash(*, client_ip: str, user_agent: str, day: str) -> str:
    """A daily pseudonym for a visitor: SHA-256 of the day's secret salt, address and browser (hex, 128 bits).

    The same browser on the same network is one visitor for a day; the salt is random, shared through the
    counter backend and forgotten after two days, so yesterday's hashes cannot be linked to today's or
    reversed by trying addresses.
    """
    salt = get_counter().daily_salt(day=day)
    digest = hashlib.sha256(salt + f"{client_ip}\n{user_agent[:512]}".encode())
    return digest.hexdigest()[:32]


def resource_visit_record(
    *, resource: Resource, client_ip: str, user_agent: str, person_email: str = ""
) -> None:
    """Count one visit to ``resource`` (no database write; see the module docstring).

    ``person_email`` is given for a known person (registered in the campaign) so the funnel can say who
    visited the hub; it is written once per person by the flush. Best effort: with Redis down the visit
    is not counted and the page is served (``_counted``).
    """
    counter = get_counter()
    day = hub_day()

    def count() -> None:
        counter.record(
            resource_id=resource.pk,
            day=day,
            client_hash=visitor_hash(client_ip=client_ip, user_agent=user_agent, day=day),
        )
        if person_email:
            counter.person_seen(campaign_id=resource.campaign_id, email=person_email.lower())

    _counted(count)
    _flush_if_due(counter)


def hub_person_seen(*, campaign: Campaign, person_email: str) -> None:
    """A known person opened the hub's index page (counted for the funnel, not as a resource visit)."""
    counter = get_counter()
    _counted(lambda: counter.person_seen(campaign_id=campaign.pk, email=person_email.lower()))
    _flush_if_due(counter)


def _counted(count: Callable[[], None]) -> None:
    """Run ``count`` (counter writes on a page view's path); a failure loses that count, never the page.

    While Redis is presumed down the counter skips it at once (``RedisSuspended``, realtime/redis_health.py),
    so a hung Redis costs the process's shared thread for sync views at most the one timeout that starts
    the pause, not one per visit (docs/reliability.md, "Redis hung").
    """
    try:
        count()
    except RedisSuspended:
        pass
    except Exception:
        log.warning("hub visit not counted", exc_info=True)


def _flush_if_due(counter) -> None:
    if counter.flushes_itself and counter.flush_due(interval=settings.DEWAN_HUB_FLUSH_SECONDS):
        hub_counts_flush()


def hub_counts_flush() -> dict:
    """Write what the counters gathered since the last flush: visits added, uniques raised to the day's count.

    Returns ``{"rows": resource-days written, "visits": visits added, "people": known visitors offered}``.
    Safe to run concurrently and twice: each count is drained by exactly one flush; a failed write puts
    the batch back into the counter for the next flush. Resources deleted meanwhile are skipped.
    """
    counter = get_counter()
    tallies, people = counter.drain()
    if not tallies and not people:
        return {"rows": 0, "visits": 0, "people": 0}
    try:
        with transaction.atomic():
            existing = set(
                Resource.objects.filter(pk__in={t.resource_id for t in tallies}).values_list("pk", flat=True)
            )
            written = 0
            for tally in tallies:
                if tally.resource_id not in existing:
                    continue
                day = date.fromisoformat(tally.day)
                stats, created = ResourceDailyStats.objects.get_or_create(
                    resource_id=tally.resource_id,
                    day=day,
                    defaults={"visits": tally.visits, "uniques": tally.uniques},
                )
                if not created:
                    ResourceDailyStats.objects.filter(pk=stats.pk).update(
                        visits=F("visits") + tally.visits, uniques=Greatest(F("uniques"), tally.uniques)
                    )
                written += 1
            campaigns = set(
                Campaign.objects.filter(pk__in={c for c, _e in people}).values_list("pk", flat=True)
            )
            HubVisitor.objects.bulk_create(
                [HubVisitor(campaign_id=c, email=e) for c, e in people if c in campaigns],
                ignore_conflicts=True,
            )
    except Exception:
        counter.restore(tallies, people)
        log.exception("hub flush failed; the counts were put back for the next flush")
        raise
    return {
        "rows": written,
        "visits": sum(t.visits for t in tallies if t.resource_id in existing),
        "people": len(people),
    }


# --- Organisers ---------------------------------------------------------------------------------


def _clean_resource(fields: dict) -> dict:
    fields = dict(fields)
    if fields.get("kind") not in Resource.Kind.values:
        raise ValidationFailed(_("Please choose a kind of resource."), code="invalid_kind")
    for name in ("title_en", "title_ms", "body_en", "body_ms", "url"):
        fields[name] = (fields.get(name) or "").strip()
    if not (fields["title_en"] or fields["title_ms"]):
        raise ValidationFailed(
            _("Please give the resource a title in English or Bahasa Malaysia."), code="missing_title"
        )
    if fields["url"]:
        try:
            _url(fields["url"])
        except ValidationError as exc:
            raise ValidationFailed(_("The link must be a web address."), code="invalid_url") from exc
    topics = list(dict.fromkeys(fields.get("topics") or []))
    if any(topic not in Resource.Topic.values for topic in topics):
        raise ValidationFailed(_("Unknown topic."), code="invalid_topic")
    fields["topics"] = topics
    fields["position"] = max(0, int(fields.get("position") or 0))
    return fields


def resource_create(*, campaign: Campaign, actor, **fields) -> Resource:
    """Add a resource to the hub. Fields: ``RESOURCE_FIELDS`` (``topics`` from ``Resource.Topic``).

    A resource without a position goes last. Raises ``PermissionDenied``; ``ValidationFailed`` codes
    ``invalid_kind``, ``missing_title``, ``invalid_url``, ``invalid_topic``.
    """
    if not can_manage_campaign(user=actor, campaign=campaign):
        raise PermissionDenied(code="forbidden")
    cleaned = _clean_resource({name: fields.get(name) for name in RESOURCE_FIELDS})
    if not cleaned["position"]:
        last = (
            Resource.objects.filter(campaign=campaign)
            .order_by("-position")
            .values_list("position", flat=True)
            .first()
        )
        cleaned["position"] = (last or 0) + 1
    return Resource.objects.create(campaign=campaign, **cleaned)


def resource_update(*, resource: Resource, actor, **fields) -> Resource:
    """Change a resource (same fields and errors as ``resource_create``)."""
    if not can_manage_campaign(user=actor, campaign=resource.campaign):
        raise PermissionDenied(code="forbidden")
    cleaned = _clean_resource({name: fields.get(name, getattr(resource, name)) for name in RESOURCE_FIELDS})
    for name, value in cleaned.items():
        setattr(resource, name, value)
    resource.save()
    hub_pages_forget(campaign=resource.campaign, resource_ids=[resource.pk])
    return resource


def resource_delete(*, resource: Resource, actor) -> None:
    if not can_manage_campaign(user=actor, campaign=resource.campaign):
        raise PermissionDenied(code="forbidden")
    resource_id = resource.pk
    resource.delete()
    hub_pages_forget(campaign=resource.campaign, resource_ids=[resource_id])


def hub_pages_forget(*, campaign: Campaign, resource_ids: list[int] | None = None) -> None:
    """Drop cached public resource pages (all of the campaign's by default) after a change.

    With Redis down it is skipped at once (realtime/redis_health.py): what Redis still holds expires
    within ``HUB_PAGE_CACHE_SECONDS`` (60 s)."""
    from realtime.redis_health import cache_call
    from webinar.campaigns.selectors import hub_page_cache_key

    if resource_ids is None:
        resource_ids = list(Resource.objects.filter(campaign=campaign).values_list("pk", flat=True))
    keys = [hub_page_cache_key(slug=campaign.slug, resource_id=pk) for pk in resource_ids]
    cache_call("hub page cache", "delete_many", keys)
