"""Template filters that format figures the way the reports do (one formatter each, in reports/text.py),
and the one way a page shows when something happens (``event_when``)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import template

from webinar.reports import text

register = template.Library()


@register.filter
def duration(seconds: float | None) -> str:
    """``3725`` -> ``"1 h 2 min"``, as in the report (``webinar.reports.text.duration``)."""
    return text.duration(seconds)


# Server-side formats of ``event_when`` (Django's date syntax); localtime.js uses the same two styles.
_WHEN_FORMATS = {"long": "l, j F Y, H:i", "short": "j M Y, H:i"}


@register.filter
def zone_label(zone: str) -> str:
    """An IANA zone as people read it: ``"Asia/Kuala_Lumpur"`` -> ``"Asia/Kuala Lumpur"``
    (``reports.text.zone_label``)."""
    return text.zone_label(zone)


@register.inclusion_tag("webinar/_when.html")
def event_when(starts_at: datetime, zone: str, ends_at: datetime | None = None, style: str = "long") -> dict:
    """A moment (``starts_at``) or a span (``starts_at`` to ``ends_at``, aware datetimes) shown once, in
    the event's own ``zone`` with the zone named; ``style`` ``"long"`` (weekday, full month) or
    ``"short"``. The end shows only its time when it falls on the start's day in that zone.

    localtime.js keeps these times in the event's zone (in the page language's clock) and adds the
    viewer's local time beside them, with the viewer's zone named, only when it differs. The calendar
    file and the e-mails do not use this: they state the event's zone.
    """
    tz = ZoneInfo(zone)
    fmt = _WHEN_FORMATS[style]
    same_day = ends_at is not None and ends_at.astimezone(tz).date() == starts_at.astimezone(tz).date()
    return {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "zone": zone,
        "style": style,
        "start_format": fmt,
        "end_format": "H:i" if same_day else fmt,
    }


@register.filter
def language_own_name(code: str) -> str:
    """The site language ``code`` named in itself, as ``settings.LANGUAGES`` has it (``"Bahasa Malaysia"``),
    whatever the page's language: the language switcher's buttons (marked with ``lang``) read so."""
    from django.conf import settings

    return dict(settings.LANGUAGES).get(code, code)


@register.filter
def language_name(code: str | None) -> str:
    """A language code of a row (``en``, ``ms``, ``mixed``, ``""``) in words, in the page's language
    (``labels.language_label``)."""
    from webinar.labels import language_label

    return language_label(code or "")


@register.filter
def category_name(code: str | None) -> str:
    """A screening category code of a row (``self_harm``, ``personal_data``) in words, in the page's
    language (``labels.category_label``; an unknown code, such as an organiser's own, as it is)."""
    from webinar.labels import category_label

    return category_label(code or "")
