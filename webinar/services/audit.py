"""The append-only audit log (RELIABILITY R20): written inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from webinar.models import AuditEntry, Webinar


def audit_record(
    *,
    webinar: Webinar | None,
    actor,
    action: str,
    target: Any = None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        webinar=webinar,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=str(actor) if actor is not None else "system",
        action=action,
        target_type=type(target).__name__.lower() if target is not None else "",
        target_id=str(getattr(target, "pk", "") or "") if target is not None else "",
        before=before or {},
        after=after or {},
    )


REDACTED = "[removed]"
# Values under these keys are codes and states (who/what/when), never a person's words.
_CODE_KEYS = frozenset({"status", "screening_action", "categories", "action", "language"})


def _without_words(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: _without_words(v, k) for k, v in value.items()}
    if key in _CODE_KEYS:
        return value
    if isinstance(value, str):
        return REDACTED if value else value
    if isinstance(value, list):
        return [_without_words(v) for v in value]
    return value  # numbers, booleans, None: ids, flags, counts


def audit_redact_words(*, entries) -> int:
    """Replace the free text in ``before``/``after`` of ``entries`` (a queryset) with ``[removed]``.

    The one sanctioned change to the append-only log: the person's words go, the actor, action,
    target and time stay. Returns how many entries were rewritten.
    """
    changed = 0
    for pk, before, after in entries.values_list("pk", "before", "after"):
        clean_before, clean_after = _without_words(before), _without_words(after)
        if (clean_before, clean_after) != (before, after):
            AuditEntry.objects.filter(pk=pk).update(before=clean_before, after=clean_after)
            changed += 1
    return changed
