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
