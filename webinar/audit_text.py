"""The audit log as sentences people read ("host@dewan.demo approved Q12"), in the reader's language.

Rows keep the machine form (``action``, ``before``/``after`` codes); this renders them at display time.
Only codes, numbers and the actor's label are used: a question's words never appear here.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from webinar.models import AuditEntry, Webinar

# action -> sentence with %(actor)s and %(target)s ("Q12", or the webinar's title)
_SENTENCES = {
    "question.approve": lambda: _("%(actor)s approved %(target)s."),
    "question.publish_anyway": lambda: _("%(actor)s published %(target)s despite screening."),
    "question.reject": lambda: _("%(actor)s rejected %(target)s."),
    "question.answer": lambda: _("%(actor)s marked %(target)s answered."),
    "question.unanswer": lambda: _("%(actor)s marked %(target)s not answered."),
    "question.pin": lambda: _("%(actor)s pinned %(target)s."),
    "question.unpin": lambda: _("%(actor)s unpinned %(target)s."),
    "question.edit": lambda: _("%(actor)s edited %(target)s."),
    "question.merge": lambda: _("%(actor)s merged %(target)s into %(into)s."),
    "question.care_handled": lambda: _("%(actor)s marked the care message %(target)s handled."),
    "question.care_reply": lambda: _("%(actor)s replied privately to the care message %(target)s."),
    "question.withdraw": lambda: _("%(actor)s withdrew %(target)s."),
    "attendee.mute": lambda: _("%(actor)s muted attendee %(target)s."),
    "attendee.unmute": lambda: _("%(actor)s unmuted attendee %(target)s."),
    "attendee.delete_data": lambda: _("%(actor)s deleted the personal data of attendee %(target)s."),
    "webinar.pause": lambda: _("%(actor)s paused questions."),
    "webinar.resume": lambda: _("%(actor)s resumed questions."),
    "webinar.create": lambda: _("%(actor)s created the webinar."),
    "webinar.update": lambda: _("%(actor)s changed %(fields)s."),
    "webinar.status": lambda: _("%(actor)s moved the webinar from %(from)s to %(to)s."),
    "webinar.host_add": lambda: _("%(actor)s made %(who)s a host."),
    "webinar.host_remove": lambda: _("%(actor)s removed %(who)s as a host."),
    "screening.update": lambda: _("%(actor)s changed the screening settings."),
    "report.request": lambda: _("%(actor)s asked for the report to be built."),
    "report.emailed": lambda: _("The report was e-mailed to the organiser."),
    "poll.create": lambda: _("%(actor)s prepared poll %(target)s."),
    "poll.update": lambda: _("%(actor)s edited poll %(target)s."),
    "poll.delete": lambda: _("%(actor)s deleted poll %(target)s."),
    "poll.launch": lambda: _("%(actor)s launched poll %(target)s."),
    "poll.close": lambda: _("%(actor)s closed poll %(target)s."),
    "campaign.create": lambda: _("%(actor)s created the campaign."),
    "campaign.update": lambda: _("%(actor)s changed the campaign."),
    "campaign.partners": lambda: _("%(actor)s changed the campaign's partners."),
    "campaign.webinars": lambda: _("%(actor)s changed the campaign's webinars."),
    "campaign.transparency": lambda: _("%(actor)s changed the campaign's transparency report."),
}


def _field_label(name: str) -> str:
    try:
        return str(Webinar._meta.get_field(name).verbose_name)
    except Exception:  # a field renamed since the row was written
        return name


def _status_label(code) -> str:
    return str(dict(Webinar.Status.choices).get(code, code or "–"))


def audit_sentence(entry: AuditEntry) -> str:
    """One audit row as a sentence in the active language; unknown actions still read as words."""
    actor = entry.actor_label or _("The system")
    if entry.actor_label == "system":
        actor = _("The system")
    target = f"Q{entry.target_id}" if entry.target_type == "question" else f"#{entry.target_id}"
    before, after = entry.before or {}, entry.after or {}
    values = {"actor": actor, "target": target}
    if entry.action == "question.merge":
        values["into"] = f"Q{after.get('merged_into')}" if after.get("merged_into") else "–"
    elif entry.action == "webinar.status":
        values.update({"from": _status_label(before.get("status")), "to": _status_label(after.get("status"))})
    elif entry.action == "webinar.update":
        changed = sorted(name for name in after if str(after.get(name)) != str(before.get(name)))
        values["fields"] = ", ".join(_field_label(name) for name in changed) or _("nothing")
    elif entry.action in {"webinar.host_add", "webinar.host_remove"}:
        values["who"] = after.get("email") or before.get("email") or "–"
    elif entry.action == "webinar.slow_mode":
        seconds = int(after.get("slow_mode_seconds") or 0)
        if not seconds:
            return _("%(actor)s turned slow mode off.") % values
        return ngettext(
            "%(actor)s set slow mode to one question every %(seconds)s second.",
            "%(actor)s set slow mode to one question every %(seconds)s seconds.",
            seconds,
        ) % {**values, "seconds": seconds}
    sentence = _SENTENCES.get(entry.action)
    if sentence is None:
        return _("%(actor)s: %(action)s on %(target)s.") % {**values, "action": entry.action}
    text = sentence() % values
    reason = after.get("reject_reason") if entry.action == "question.reject" else None
    if reason:
        text = f"{text} {_('Reason given: %(reason)s') % {'reason': reason}}"
    return text


def audit_lines(*, webinar: Webinar, limit: int = 100) -> list[dict]:
    """The newest audit rows of a webinar as ``[{"at": datetime, "sentence": str}]``, newest first."""
    entries = AuditEntry.objects.filter(webinar=webinar).order_by("-created_at", "-id")[:limit]
    return [{"at": entry.created_at, "sentence": audit_sentence(entry)} for entry in entries]
