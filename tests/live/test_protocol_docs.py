"""docs/protocol.md documents exactly the messages realtime/protocol.py defines, and its examples are valid.

The message reference in docs/protocol.md is generated from the models' ``model_json_schema()``
(``protocol.reference_markdown()``); regenerate it with
``DEWAN_WRITE_PROTOCOL_DOCS=1 pytest tests/live/test_protocol_docs.py``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from realtime import protocol

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
BEGIN = "<!-- BEGIN GENERATED: realtime.protocol.reference_markdown() -->"
END = "<!-- END GENERATED -->"
STATIC = Path(__file__).resolve().parents[2] / "static" / "dewan"


def _generated_section(text: str) -> str:
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[start:end].strip("\n") + "\n"


def test_the_message_reference_in_the_docs_is_the_one_the_models_define():
    text = DOC.read_text(encoding="utf-8")
    expected = protocol.reference_markdown()
    if os.environ.get("DEWAN_WRITE_PROTOCOL_DOCS"):
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        DOC.write_text(text[:start] + "\n" + expected + text[end:], encoding="utf-8")
        text = DOC.read_text(encoding="utf-8")
    assert _generated_section(text) == expected, (
        "docs/protocol.md is out of date with realtime/protocol.py: "
        "run DEWAN_WRITE_PROTOCOL_DOCS=1 pytest tests/live/test_protocol_docs.py"
    )


def test_every_message_type_and_field_of_the_models_appears_in_the_reference():
    section = _generated_section(DOC.read_text(encoding="utf-8"))
    for model in (*protocol.OUTBOUND, *protocol.INBOUND, *protocol.REPRESENTATIONS):
        schema = model.model_json_schema(by_alias=True)
        for name in schema["properties"]:
            assert f"| `{name}` |" in section, f"{model.__name__}.{name} is not documented"
    documented = set(re.findall(r'^#### `"?([a-z_.]+)"?`', section, flags=re.M))
    defined = set(protocol.MESSAGE_TYPES.values())
    assert defined <= documented, defined - documented


def _json_examples() -> list[dict]:
    """Every JSON object in the docs' examples that is complete (not elided with ``...`` or ``<...>``)."""
    text = DOC.read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        candidate = line.strip().removeprefix("← ").removeprefix("→ ").strip("` ")
        if not candidate.startswith("{") or "..." in candidate or "<" in candidate:
            continue
        try:
            found.append(json.loads(candidate))
        except ValueError:
            continue
    return [message for message in found if isinstance(message, dict) and "type" in message]


@pytest.mark.parametrize("example", _json_examples(), ids=lambda m: m["type"])
def test_every_complete_example_in_the_docs_is_a_valid_message(example):
    if example["type"] in protocol.MESSAGE_TYPES.values():
        protocol.validate_outgoing(example)
    else:
        protocol.parse_command(json.dumps(example), max_bytes=65536)


def test_the_live_scripts_take_message_type_names_from_the_server():
    """Type names live in realtime/protocol.py; the pages receive them as ``config.messages``."""
    dotted = {name for name in protocol.MESSAGE_TYPES.values() if "." in name}
    for script in STATIC.glob("live-*.js"):
        text = script.read_text(encoding="utf-8")
        spelled = {name for name in dotted if f'"{name}"' in text or f"'{name}'" in text}
        assert not spelled, f"{script.name} spells {spelled}; use cfg.messages"
    client = (STATIC / "live-client.js").read_text(encoding="utf-8")
    assert not re.findall(r'case "[a-z_.]+":', client), "live-client.js dispatches on literal type names"


def _error_table_codes() -> set[str]:
    """The codes in the `error` section's code table (rows like ``| `bad_json` | ... |``)."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("| code | when |") : text.index("## Message reference")]
    rows = re.findall(r"^\| ((?:`[a-z_]+`(?:, )?)+) \|", section, flags=re.M)
    return {code for row in rows for code in re.findall(r"`([a-z_]+)`", row)}


def test_every_code_a_socket_can_send_has_a_row_in_the_error_table_and_no_other():
    socket_codes = {code.value for code in protocol.ErrorCode if code not in protocol.HTTP_ONLY_CODES}
    assert _error_table_codes() == socket_codes


def test_the_realtime_package_sends_no_http_only_code():
    """The consumers (live and campaign), the parser and the budgets send only documented socket codes."""
    used = set()
    for path in (Path(__file__).resolve().parents[2] / "realtime").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "HTTP_ONLY_CODES = frozenset(" in text:  # the list itself is not a use
            start = text.index("HTTP_ONLY_CODES = frozenset(")
            text = text[:start] + text[text.index("\n)\n", start) :]
        used |= set(re.findall(r"ErrorCode\.([A-Z_]+)", text))
    http_only = {code.name for code in protocol.HTTP_ONLY_CODES}
    assert used and not (used & http_only), used & http_only


def test_the_error_code_shape_is_defined_under_nested_shapes():
    section = _generated_section(DOC.read_text(encoding="utf-8"))
    assert "#### <ErrorCode>" in section
    assert "| `code` | <ErrorCode> |" in section
