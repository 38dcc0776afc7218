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
