"""R12: generated garbage at the registration form and the websocket protocol: no crash, a clear
error, nothing stored. (The websocket side is also fuzzed in tests/live/test_protocol_fuzz.py.)"""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realtime import protocol
from tests.factories import make_webinar

pytestmark = pytest.mark.django_db

edge_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["\x00", "\ud800", "\u202e", "a" * 100_000, "<script>x</script>", "NaN", "🙂" * 50, " "]),
)
field = st.one_of(edge_text, st.none(), st.lists(edge_text, max_size=3))


@override_settings(DEWAN_REGISTRATION_RATE="100000/m")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    form=st.fixed_dictionaries(
        {},
        optional={
            "name": field,
            "email": field,
            "language": field,
            "consent": field,
            "unexpected": field,
        },
    )
)
def test_r12_generated_registration_posts_never_crash_and_store_nothing_invalid(form, organiser):
    from webinar.models import Registration

    webinar = getattr(test_r12_generated_registration_posts_never_crash_and_store_nothing_invalid, "_w", None)
    if webinar is None or not type(webinar).objects.filter(pk=webinar.pk).exists():
        webinar = make_webinar(organiser=organiser)
        test_r12_generated_registration_posts_never_crash_and_store_nothing_invalid._w = webinar
    data = {}
    for key, value in form.items():
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        data[key] = values
    before = Registration.objects.count()
    try:
        response = Client().post(f"/w/{webinar.slug}/", data)
    except UnicodeEncodeError:
        return  # the test client cannot even encode a lone surrogate; a browser cannot send one either
    assert response.status_code in {200, 302, 400, 409, 429}, response.status_code
    created = Registration.objects.count() - before
    if response.status_code == 302:
        assert created == 1
        registration = Registration.objects.latest("pk")
        assert registration.email and "@" in registration.email and "\x00" not in registration.name
        registration.delete()
    else:
        assert created == 0


@pytest.mark.parametrize("data", [{}, {"name": "x"}])
def test_r12_rate_limited_post_even_an_empty_one_is_a_429_not_a_crash(organiser, data):
    webinar = make_webinar(organiser=organiser)
    client = Client()
    with override_settings(DEWAN_REGISTRATION_RATE="1/m"):
        client.post(f"/w/{webinar.slug}/", {"name": "first"})
        response = client.post(f"/w/{webinar.slug}/", data)
    assert response.status_code == 429


@settings(max_examples=200, deadline=None)
@given(
    frame=st.dictionaries(
        st.one_of(
            st.sampled_from(["type", "client_key", "text", "question_id", "since", "value"]), st.text()
        ),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
            lambda inner: (
                st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
            ),
            max_leaves=20,
        ),
        max_size=6,
    )
)
def test_r12_generated_frames_parse_or_give_one_protocol_error(frame):
    text = json.dumps(frame, allow_nan=True)
    try:
        command = protocol.parse_command(text, max_bytes=65536)
    except protocol.ProtocolError as exc:
        assert exc.code and exc.message
        return
    assert isinstance(command.type, str)
    assert frame.get("type") == command.type
