"""``{{ obj|in_language:"description" }}``: the viewer's language's text, else the other language's."""

from django import template

from webinar.campaigns.models import in_language as _in_language

register = template.Library()


@register.filter
def in_language(obj, field: str) -> str:
    return _in_language(obj, field)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
