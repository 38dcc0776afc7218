"""R8: authorised before joining any group; privileged messages re-check the role in the database."""

from __future__ import annotations

import pytest

from tests.factories import make_host, make_live_webinar, make_user
from tests.live.helpers import db, host_session, refusal

pytestmark = pytest.mark.django_db(transaction=True)


async def test_r08_unregistered_visitor_and_host_of_another_webinar_are_refused_with_4403(room, sockets):
    def outsiders():
        other = make_live_webinar(organiser=make_user())
        return host_session(make_user()), host_session(make_host(other, make_user()))

    visitor_key, other_host_key = await db(outsiders)()
    for key, mode in ((visitor_key, "attendee"), (other_host_key, "host"), (None, "attendee")):
        connected, comm = await sockets.open(room.webinar.slug, session_key=key, mode=mode)
        assert connected  # accepted only to say why
        error, code = await refusal(comm)
        assert (error["code"], code) == ("forbidden", 4403)


async def test_r08_host_demoted_mid_session_cannot_moderate_on_the_same_socket(
    room, sockets, publish_everything
):
    from webinar.models import Question, WebinarRole

    host = await sockets.host(room.webinar, room.host)
    aisyah = await sockets.attendee(room.aisyah)
    ack = await aisyah.request({"type": "ask", "client_key": "a", "text": "Pin me?"})
    await db(WebinarRole.objects.filter(webinar=room.webinar, user=room.host).delete)()

    reply = await host.request({"type": "pin", "question_id": ack["question"]["id"]})

    assert (reply["type"], reply["code"]) == ("error", "forbidden")
    assert not await db(Question.objects.filter(pk=ack["question"]["id"], pinned=True).exists)()
