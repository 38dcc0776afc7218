"""Screening tweets as the bench does: tweets carry links, so their words are judged with links allowed
(the Indonesian tests of rounds 14 and 16)."""

from __future__ import annotations

from webinar.screening import Policy, screen


def tweet_verdict(text: str, strictness: str = "standard"):
    """``screen(text)`` at ``strictness`` with links allowed."""
    return screen(text, policy=Policy(strictness=strictness, link_policy="allow"))


def reasons(verdict) -> list:
    """(code, matched words) of each reason: what an assertion message shows."""
    return [(r.code, r.matched) for r in verdict.reasons]
