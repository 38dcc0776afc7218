"""Replies on the websocket speak the viewer's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import make_registration
from tests.live.helpers import db
from webinar.models import Webinar

pytestmark = pytest.mark.django_db(transaction=True)


async def test_malay_attendee_is_told_in_malay_that_questions_are_paused(room, sockets):
    await db(Webinar.objects.filter(pk=room.webinar.pk).update)(questions_paused=True)
    siti = await db(make_registration)(room.webinar, "Siti", "siti@example.com", language="ms")
    malay = await sockets.attendee(siti)
    english = await sockets.attendee(room.aisyah)
    frame = {"type": "ask", "client_key": "k1", "text": "Boleh tanya?"}
    assert (await malay.request(frame))["message"] == "Hos telah menjeda soalan buat masa ini."
    assert (await english.request(frame))["message"] == "The hosts have paused questions for now."


async def test_the_anonymous_label_in_live_events_and_replays_follows_each_viewers_language(
    room, sockets, publish_everything
):
    """Issue 11 item 8 (the wire): events say what snapshots say, per viewer."""
    siti = await db(make_registration)(room.webinar, "Siti", "siti@example.com", language="ms")
    malay, english = await sockets.attendee(siti), await sockets.attendee(room.ben)
    asker = await sockets.attendee(room.aisyah)
    await asker.request(
        {"type": "ask", "client_key": "anon", "text": "Who pays for this?", "anonymous": True}
    )

    live_ms = (await malay.receive_until("question.published"))["data"]["question"]
    live_en = (await english.receive_until("question.published"))["data"]["question"]
    assert (live_ms["author"], live_en["author"]) == ("Tanpa nama", "Anonymous")
    snapshot_ms = await malay.sync(since=None)
    assert snapshot_ms["questions"][0]["author"] == live_ms["author"]
    replay = await malay.sync(since=0)
    assert replay["type"] == "synced"
    replayed = [m for m in malay.seen if m.get("type") == "question.published"]
    assert {m["data"]["question"]["author"] for m in replayed} == {"Tanpa nama"}


async def test_each_host_reads_screening_reasons_in_their_own_language_live_in_replays_and_snapshots(
    room, sockets
):
    """A Malay host's console is Malay down to why a question was held; the support message once."""
    from tests.factories import make_host, make_user
    from tests.live.trust import CARE_TEXT
    from webinar.screening import messages

    farah = await db(make_user)("farah@example.com", "Farah", language="ms")
    await db(make_host)(room.webinar, farah)
    malay, english = await sockets.host(room.webinar, farah), await sockets.host(room.webinar, room.host)
    asker = await sockets.attendee(room.aisyah)
    await asker.request({"type": "ask", "client_key": "care", "text": CARE_TEXT})

    def expected(screening, language):
        with translation.override(language):
            support = translation.gettext(messages.SUPPORT)
        heads = screening["heads"]
        texts = [
            messages.render_in(r["code"], language, r["matched"], heads.get(r["code"].removeprefix("model.")))
            for r in screening["reasons"]
        ]
        return [f"{texts[0]} {support}", *texts[1:]]

    live = {}
    for language, host in (("ms", malay), ("en", english)):
        question = (await host.receive_until("staff.question"))["data"]["question"]
        reasons = question["screening"]["reasons"]
        assert question["care"] and reasons[0]["code"] == "self_harm.phrase", reasons
        assert [r["message"] for r in reasons] == expected(question["screening"], language)
        live[language] = reasons
    assert live["ms"][0]["message"] != live["en"][0]["message"]
    snapshot = await malay.sync(since=None)
    assert snapshot["queue"][0]["screening"]["reasons"] == live["ms"]
    replay = await malay.sync(since=0, staff_since=0)
    assert replay["type"] == "synced"
    replayed = [m for m in malay.seen if m.get("type") == "staff.question"][-1]
    assert replayed["data"]["question"]["screening"]["reasons"] == live["ms"]


async def test_the_stage_view_speaks_its_pages_language(room, sockets, publish_everything):
    """The stage has no account or registration: its page's language comes with the socket (``lang``)."""
    from tests.live.helpers import Live
    from webinar.live_state import stage_key

    key = await db(stage_key)(room.webinar)
    malay = Live((await sockets.open(room.webinar.slug, mode="stage", key=f"{key}&lang=ms"))[1])
    default = Live((await sockets.open(room.webinar.slug, mode="stage", key=f"{key}&lang=xx"))[1])
    for stage in (malay, default):
        assert (await stage.receive())["type"] == "welcome"
        await stage.sync()
    asker = await sockets.attendee(room.aisyah)
    await asker.request({"type": "ask", "client_key": "anon", "text": "Siapa bayar?", "anonymous": True})
    shown_ms = (await malay.receive_until("question.published"))["data"]["question"]["author"]
    shown_default = (await default.receive_until("question.published"))["data"]["question"]["author"]
    assert (shown_ms, shown_default) == ("Tanpa nama", "Anonymous")
    assert (await malay.sync(since=None))["questions"][0]["author"] == "Tanpa nama"


async def test_the_stage_views_lang_also_sets_the_language_of_its_error_messages(room, sockets):
    """docs/protocol.md, *Connecting*: ``lang`` is the language of every word the server gives the stage,
    its refusals included; a value other than exactly ``en`` or ``ms`` is the site's default."""
    from tests.live.helpers import Live
    from webinar.live_state import stage_key

    key = await db(stage_key)(room.webinar)
    refusals = {}
    for lang in ("ms", "en", "MS", "ms-MY"):
        stage = Live((await sockets.open(room.webinar.slug, mode="stage", key=f"{key}&lang={lang}"))[1])
        assert (await stage.receive())["type"] == "welcome"
        refusals[lang] = await stage.request({"type": "ask", "client_key": "k1", "text": "Boleh?"})
    assert {lang: (reply["code"], reply["message"]) for lang, reply in refusals.items()} == {
        "ms": ("forbidden", "Hanya peserta berdaftar boleh berbuat demikian."),
        "en": ("forbidden", "Only registered attendees can do that."),
        "MS": ("forbidden", "Only registered attendees can do that."),
        "ms-MY": ("forbidden", "Only registered attendees can do that."),
    }


async def test_welcome_and_snapshot_give_each_viewer_the_title_its_pages_show(room, sockets):
    """A Malay attendee reads the Malay title the organiser gave; an English one the main title; a
    webinar without a Malay title shows its main title to both (the shared state is kept per language)."""
    await db(Webinar.objects.filter(pk=room.webinar.pk).update)(title_ms="Tajuk dalam Bahasa Melayu")
    siti = await db(make_registration)(room.webinar, "Siti", "siti@example.com", language="ms")
    malay, english = await sockets.attendee(siti), await sockets.attendee(room.ben)
    assert malay.welcome["webinar"]["title"] == "Tajuk dalam Bahasa Melayu"
    assert english.welcome["webinar"]["title"] == room.webinar.title
    assert (await malay.sync(since=None))["webinar"]["title"] == "Tajuk dalam Bahasa Melayu"
    assert (await english.sync(since=None))["webinar"]["title"] == room.webinar.title
