"""CSV exports for campaign organisers, streamed row by row (formula-looking cells are neutralised)."""

from __future__ import annotations

from collections.abc import Iterator

from webinar.campaigns.models import Pledge, PledgeTaker
from webinar.reports.exports import _rows as csv_rows


def pledge_csv(*, pledge: Pledge) -> Iterator[str]:
    """One row per taker: name, e-mail, institution, how the address was verified, language, time (UTC)."""
    takers = PledgeTaker.objects.filter(pledge=pledge).order_by("created_at", "id")
    return csv_rows(
        ["name", "email", "institution", "verified_by", "language", "taken_at"],
        ((t.name, t.email, t.institution, t.method, t.language, t.created_at) for t in takers.iterator()),
    )


def polls_csv(*, webinar_id: int) -> Iterator[str]:
    """One row per poll and answer: the poll (its position, kind, question EN/BM, status), the answer (a
    choice in English and Malay, a rating 1-5 or a published word), its votes, and the poll's voters and
    average rating. Held and blocked words are left out; a poll without answers has one row with 0 votes.
    Figures from ``selectors.poll_results``."""
    from webinar.campaigns.selectors import poll_results, polls_for_webinar

    def rows():
        for poll in polls_for_webinar(webinar_id=webinar_id):
            results = poll_results(poll=poll)
            head = (poll.position + 1, poll.kind, poll.question_en, poll.question_ms, poll.status)
            tail = (results["voters"], "" if results["average"] is None else results["average"])
            if poll.kind in ("single", "multiple"):
                answers = [
                    (option.get("en", ""), option.get("ms", ""), n)
                    for option, n in zip(poll.options, results["counts"], strict=False)
                ]
            elif poll.kind == "rating":
                answers = [(str(value), "", n) for value, n in enumerate(results["counts"], start=1)]
            else:
                answers = [(w["word"], "", w["count"]) for w in results["words"]]
            if not answers:
                yield (*head, "", "", 0, *tail)
            for answer_en, answer_ms, count in answers:
                yield (*head, answer_en, answer_ms, count, *tail)

    return csv_rows(
        [
            "poll",
            "kind",
            "question_en",
            "question_ms",
            "status",
            "answer",
            "answer_ms",
            "votes",
            "voters",
            "average",
        ],
        rows(),
    )
