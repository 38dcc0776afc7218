"""R5 (unit): a hub whose group subscription fails while Redis is down subscribes on the next join."""

from __future__ import annotations

from realtime.broadcast import Hub, Listener


class FlakyLayer:
    """A channel layer whose first ``group_add`` fails, as channels-redis does with Redis down."""

    def __init__(self):
        self.failures_left = 1
        self.groups: dict[str, set[str]] = {}

    async def new_channel(self, prefix="specific."):
        return prefix + "1"

    async def receive(self, channel):
        import asyncio

        await asyncio.Event().wait()

    async def group_add(self, group, channel):
        if self.failures_left:
            self.failures_left -= 1
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        self.groups.setdefault(group, set()).add(channel)

    async def group_discard(self, group, channel):
        self.groups.get(group, set()).discard(channel)


async def _sink(_text):
    return None


async def test_r05_join_during_a_redis_outage_subscribes_once_redis_is_back():
    import asyncio

    hub = Hub(asyncio.get_running_loop())
    hub.layer = FlakyLayer()
    first = Listener(_sink, registration_id=1, staff=False)
    second = Listener(_sink, registration_id=2, staff=False)
    try:
        try:
            await hub.join(7, first)
        except ConnectionError:
            pass
        else:
            raise AssertionError("the first join should have failed with the layer")
        await hub.join(7, second)
        assert hub.layer.groups == {"dewan.webinar.7": {"dewan.hub.1"}}
        assert hub.rooms[7].everyone == {second}
    finally:
        await hub.close()
        first.close()
