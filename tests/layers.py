"""Channel layers for tests, installed through the ``CHANNEL_LAYERS`` setting (Channels resets its
layers when that setting changes), so the code under test runs unpatched.

``BroadcastDownLayer`` refuses every broadcast the way channels-redis does when Redis is gone, and
keeps each refused message so a test can assert the fault fired. ``RecordingLayer`` delivers as the
in-memory layer does and keeps what was broadcast, with the moment of sending.
"""

from __future__ import annotations

import pytest
from channels.layers import InMemoryChannelLayer, get_channel_layer

REFUSED = "Error 111 connecting to 127.0.0.1:6379. Connection refused."


class BroadcastDownLayer(InMemoryChannelLayer):
    """Subscriptions work, every ``group_send`` raises ``ConnectionError``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.refused: list[dict] = []

    async def group_send(self, group, message):
        self.refused.append(message)
        raise ConnectionError(REFUSED)


class RecordingLayer(InMemoryChannelLayer):
    """The in-memory layer, keeping every broadcast message in ``sent``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sent: list[dict] = []

    async def group_send(self, group, message):
        self.sent.append(message)
        await super().group_send(group, message)


def install_layer(settings, backend: type[InMemoryChannelLayer]) -> InMemoryChannelLayer:
    """Make ``backend`` the default layer for this test (``settings`` is pytest-django's fixture)."""
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": f"{backend.__module__}.{backend.__qualname__}", "CONFIG": {"capacity": 10_000}}
    }
    layer = get_channel_layer()
    if not isinstance(layer, backend):  # pragma: no cover - guards the fixture itself
        pytest.fail(f"the default layer is {type(layer).__name__}, not {backend.__name__}")
    return layer


class SubscribeDownLayer(InMemoryChannelLayer):
    """Every ``group_add`` raises ``ConnectionError``: no process can subscribe to a webinar's broadcasts."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.refused: list[tuple[str, str]] = []

    async def group_add(self, group, channel):
        self.refused.append((group, channel))
        raise ConnectionError(REFUSED)
