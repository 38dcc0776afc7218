"""Template filters that format figures the way the reports do (one formatter each, in reports/text.py)."""

from django import template

from webinar.reports import text

register = template.Library()


@register.filter
def duration(seconds: float | None) -> str:
    """``3725`` -> ``"1 h 2 min"``, as in the report (``webinar.reports.text.duration``)."""
    return text.duration(seconds)
