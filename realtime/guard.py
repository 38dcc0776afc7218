"""What every Dewan websocket pays before it costs the process anything, shared by the live socket
(realtime/consumers.py) and the campaign socket (realtime/campaign_consumer.py).

- **Admission** (``realtime.admission``): over the process's bound on connects served at once, or with
  too many reads waiting for the connect pool, a new socket is accepted only to say ``unavailable``
  (with ``retry_after``, seconds) and closed **1013** with the reason ``retry_after_ms=<n>``
  (``refuse_busy``), before anything is read for it.
- **The address** (``realtime.budget``): a socket counts against its client address's connect rate
  (``DEWAN_WS_CONNECT_RATE``) and open sockets (``DEWAN_WS_MAX_SOCKETS_PER_ADDRESS``), the same counts for
  both sockets; over either it is told ``rate_limited`` (with ``retry_after``) and closed **4429**
  (``address_open``). The same counts refuse the next upgrade request with HTTP 429 and ``Retry-After``
  before the upgrade (``realtime.httpprotocol``: every ``/ws/`` path passes the gate).
- **Frames**: each socket has its own budget (``DEWAN_WS_SOCKET_BUDGET``), charged per frame before any
  work (``budget.COSTS``); over it the socket is told ``rate_limited`` and closed 4429.

docs/protocol.md, "Connecting" and "Budgets and close codes".
"""

from __future__ import annotations

from channels.generic.websocket import AsyncWebsocketConsumer

from realtime import budget, protocol
from realtime.admission import CLOSE_TRY_AGAIN_LATER, RETRY_REASON
from realtime.protocol import ErrorCode
from webinar.http import scope_client_ip


class GuardedConsumer(AsyncWebsocketConsumer):
    """A consumer that refuses a socket before it costs anything (admission, its address's budget)."""

    _address: str | None = None  # counted in the process's open sockets per address (``address_open``)

    async def refuse_busy(self, hint_ms: int, message: str) -> None:
        """Accept only to say ``unavailable`` (with ``retry_after``), close 1013 ``retry_after_ms=<n>``."""
        await self.accept()
        error = protocol.error_message(ErrorCode.UNAVAILABLE, message, retry_after=round(hint_ms / 1000, 3))
        await self.send(text_data=protocol.dumps(error))
        await self.close(code=CLOSE_TRY_AGAIN_LATER, reason=RETRY_REASON.format(hint_ms))

    async def refuse_over_budget(self, retry_after: float, message: str) -> None:
        """Accept, say why (``rate_limited`` with ``retry_after``), close with 4429: no database work."""
        await self.accept()
        error = protocol.error_message(ErrorCode.RATE_LIMITED, message, retry_after=round(retry_after, 1))
        await self.send(text_data=protocol.dumps(error))
        await self.close(code=budget.CLOSE_OVER_BUDGET)

    async def _close_with(self, code: int) -> None:
        """Close with ``code``: a listener's ``closer`` (its ``refuse``, ``finish`` and ``abort``)."""
        await self.close(code=code)

    async def address_open(self, message: str) -> bool:
        """Count this socket against its client address (connect rate, open sockets); False when it was
        refused over either (told ``message``, closed 4429). Pair with ``address_close``."""
        address = scope_client_ip(self.scope)
        wait = budget.process_budgets().connect_allowed(address)
        if wait:
            await self.refuse_over_budget(wait, message)
            return False
        budget.process_budgets().open(address)
        self._address = address
        return True

    def address_close(self) -> None:
        """This socket no longer counts among its address's open sockets (safe to call twice)."""
        if self._address is not None:
            budget.process_budgets().close(self._address)
            self._address = None
