"""The written summary, in English and Bahasa Malaysia, generated from the report figures.

Every statement carries the citations behind it: ``Q<id>`` for a question, a figure key for a number. Only
published questions are ever quoted (the figures hold no other text); held, blocked and rejected questions
appear as counts only.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import dateformat

QUOTE_CHARS = 140


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def percent(ratio: float | None) -> str:
    return "–" if ratio is None else f"{ratio * 100:.1f}%"


def _quote(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _fig(key: str, value) -> dict:
    return {"ref": f"{key}: {value}", "anchor": f"fig-{key.replace('_', '-')}"}


def _question(question_id: int) -> dict:
    return {"ref": f"Q{question_id}", "anchor": f"q-{question_id}"}


def clock(value, tz: str) -> str:
    """``HH:MM`` (24-hour, so no am/pm word can be wrong in any language) in the zone ``tz``."""
    if not value:
        return "–"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.astimezone(ZoneInfo(tz)).strftime("%H:%M")


def local_datetime(value, tz: str) -> str:
    """A moment as a date and 24-hour time in the zone ``tz``, with the zone named: for people, not logs.

    ``value`` is an aware datetime or an ISO 8601 string; the month name is in the active language
    (``4 Mac 2025, 15:39 (Asia/Kuala_Lumpur)``).
    """
    if not value:
        return "–"
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    local = moment.astimezone(ZoneInfo(tz))
    return f"{dateformat.format(local, 'j F Y, H:i')} ({tz})"


def summary_build(data: dict, *, tz: str) -> list[dict]:
    """Statements ``{"en": ..., "ms": ..., "cites": [{"ref", "anchor"}]}`` in reading order."""
    a, q, t = data["attendance"], data["questions"], data["themes"]
    out: list[dict] = []

    def say(en: str, ms: str, *cites: dict) -> None:
        out.append({"en": en, "ms": ms, "cites": list(cites)})

    conversion = percent(a["conversion"])
    say(
        f"{a['attended']} of {a['registered']} registered people attended ({conversion}).",
        f"{a['attended']} daripada {a['registered']} pendaftar hadir ({conversion}).",
        _fig("attended", a["attended"]),
        _fig("registered", a["registered"]),
        _fig("conversion", conversion),
    )
    peak_at = clock(a["peak_at"], tz)
    say(
        f"{a['unique_attendees']} unique viewers watched; concurrency peaked at {a['peak_concurrency']} "
        f"viewers at {peak_at}.",
        f"{a['unique_attendees']} penonton unik menonton; penonton serentak memuncak pada "
        f"{a['peak_concurrency']} orang pada pukul {peak_at}.",
        _fig("unique_attendees", a["unique_attendees"]),
        _fig("peak_concurrency", f"{a['peak_concurrency']} @ {peak_at}"),
    )
    if a["watch_median_seconds"] is not None:
        median, mean = duration(a["watch_median_seconds"]), duration(a["watch_mean_seconds"])
        say(
            f"The median viewer watched for {median} (average {mean}).",
            f"Median masa tontonan ialah {median} (purata {mean}).",
            _fig("watch_median", median),
            _fig("watch_mean", mean),
        )
    say(
        f"{q['asked']} questions were asked: {q['published']} published, {q['held']} held by screening, "
        f"{q['rejected']} rejected and {q['answered']} answered.",
        f"{q['asked']} soalan dikemukakan: {q['published']} diterbitkan, {q['held']} ditahan oleh saringan, "
        f"{q['rejected']} ditolak dan {q['answered']} dijawab.",
        _fig("asked", q["asked"]),
        _fig("published", q["published"]),
        _fig("held", q["held"]),
        _fig("rejected", q["rejected"]),
        _fig("answered", q["answered"]),
    )
    if q["moderation_median_seconds"] is not None or q["answer_median_seconds"] is not None:
        moderation, answer = duration(q["moderation_median_seconds"]), duration(q["answer_median_seconds"])
        say(
            f"The median question was moderated {moderation} after it was sent, and answered after {answer}.",
            f"Median masa dari soalan dihantar hingga disemak ialah {moderation}, "
            f"dan hingga dijawab {answer}.",
            _fig("moderation_median", moderation),
            _fig("answer_median", answer),
        )
    if q["top"]:
        top = q["top"][0]
        say(
            f"The most-voted question ({top['vote_count']} votes) was: “{_quote(top['text'])}”",
            f"Soalan dengan undian tertinggi ({top['vote_count']} undi) ialah: “{_quote(top['text'])}”",
            _question(top["id"]),
        )
    if q["top_unanswered"]:
        open_question = q["top_unanswered"][0]
        say(
            f"The most-voted question left unanswered ({open_question['vote_count']} votes) was: "
            f"“{_quote(open_question['text'])}”",
            f"Soalan paling banyak diundi yang belum dijawab ({open_question['vote_count']} undi) ialah: "
            f"“{_quote(open_question['text'])}”",
            _question(open_question["id"]),
        )
    if t["themes"]:
        listed = t["themes"][:3]
        en = "; ".join(f"“{theme['phrase']}” ({theme['questions']} questions)" for theme in listed)
        ms = "; ".join(f"“{theme['phrase']}” ({theme['questions']} soalan)" for theme in listed)
        cites = [_question(qid) for theme in listed for qid in theme["examples"][:2]]
        say(f"Recurring themes: {en}.", f"Tema yang berulang: {ms}.", *cites)
    if q["merged"]:
        say(
            f"{q['merged']} duplicate questions were merged into others.",
            f"{q['merged']} soalan berulang telah digabungkan.",
            _fig("merged", q["merged"]),
            *[_question(row["question_id"]) for row in q["duplicates"][:2]],
        )
    if q["stopped"]:
        first = q["categories"][0] if q["categories"] else None
        reason = f", most often for {first['category']} ({percent(first['share'])})" if first else ""
        sebab = f", paling kerap kerana {first['category']} ({percent(first['share'])})" if first else ""
        say(
            f"Screening held or blocked {q['stopped']} questions{reason}; hosts overrode it {q['overrides']} "
            f"times ({q['override_hosts']} hosts).",
            f"Saringan menahan atau menyekat {q['stopped']} soalan{sebab}; hos mengatasinya {q['overrides']} "
            f"kali ({q['override_hosts']} hos).",
            _fig("stopped", q["stopped"]),
            _fig("overrides", q["overrides"]),
        )
    return out
