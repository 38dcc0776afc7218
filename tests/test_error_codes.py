"""Error codes have one home: realtime.protocol.ErrorCode, for domain and protocol errors alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from realtime.protocol import ErrorCode
from webinar.exceptions import DewanError

ROOT = Path(__file__).resolve().parents[1]
LITERAL = re.compile(r"""\bcode\s*=\s*["']([a-z_]+)["']""")


def test_every_error_code_written_in_the_code_is_an_error_code_member():
    unknown = {}
    for package in ("webinar", "accounts", "realtime"):
        for path in (ROOT / package).rglob("*.py"):
            if "screening" in path.parts or "migrations" in path.parts:
                continue  # screening reason codes are another vocabulary (``pii.phone``)
            for code in LITERAL.findall(path.read_text(encoding="utf-8")):
                if code not in ErrorCode._value2member_map_:
                    unknown.setdefault(code, str(path.relative_to(ROOT)))
    assert not unknown, f"add these to realtime.protocol.ErrorCode: {unknown}"


def test_a_domain_error_with_a_code_outside_the_list_fails_where_it_is_raised():
    with pytest.raises(ValueError):
        DewanError("x", code="made_up_code")
    assert DewanError("x", code="forbidden").code is ErrorCode.FORBIDDEN
