"""CSV exports of attendance and questions, streamed row by row (``iterator``), never held in memory.

Only published (or merged) question text is exported: held, blocked and rejected text stays out of files that
get shared, as it stays out of the written summary. Cells that a spreadsheet would run as a formula are
prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from webinar.models import Question, Webinar
from webinar.selectors.attendance import audience_sessions

QUOTABLE = {Question.Status.PUBLISHED, Question.Status.MERGED}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value) -> str:
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _rows(header: list[str], rows) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell(value) for value in row])


def attendance_csv(*, webinar: Webinar) -> Iterator[str]:
    """One row per audience session (hosts and organisers are not audience), oldest first."""
    sessions = (
        audience_sessions(webinar=webinar)
        .order_by("joined_at", "id")
        .values_list(
            "id",
            "registration_id",
            "registration__name",
            "viewer_key",
            "language",
            "joined_at",
            "left_at",
            "last_seen_at",
        )
        .iterator(chunk_size=5000)
    )

    def rows():
        for sid, reg_id, name, viewer, language, joined, left, seen in sessions:
            end = left or seen
            watched = max(0.0, (end - joined).total_seconds()) if end else 0.0
            yield [sid, reg_id, name, viewer, language, joined, left, round(watched, 1)]

    header = [
        "session",
        "registration",
        "name",
        "viewer",
        "language",
        "joined_at",
        "left_at",
        "watch_seconds",
    ]
    return _rows(header, rows())


def questions_csv(*, webinar: Webinar) -> Iterator[str]:
    questions = (
        Question.objects.filter(webinar=webinar)
        .order_by("id")
        .values_list(
            "id",
            "status",
            "language",
            "vote_count",
            "screening_action",
            "screening_categories",
            "merged_into_id",
            "created_at",
            "moderated_at",
            "answered_at",
            "text",
        )
        .iterator(chunk_size=5000)
    )

    def rows():
        for *fields, text in questions:
            status = fields[1]
            fields[5] = " ".join(fields[5] or [])
            yield [*fields, text if status in QUOTABLE else ""]

    header = [
        "question",
        "status",
        "language",
        "votes",
        "screening",
        "categories",
        "merged_into",
        "created_at",
        "moderated_at",
        "answered_at",
        "text",
    ]
    return _rows(header, rows())
