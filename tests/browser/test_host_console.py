"""The host console a first-time host meets (issue 14): in-page dialogs, undo, selection, banners, badges,
empty queues and the end of the webinar. No native prompt() is ever opened."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import off_loop, question_asked
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]


_held = question_asked


def _published(room, registration, text, key):
    from webinar.services.moderation import question_approve

    question = _held(room, registration, text, key)
    return off_loop(question_approve, actor=room.host, webinar_id=room.webinar.pk, question_id=question.pk)


def _item(page, section, text):
    return page.locator(f"#list-{section} li.q", has_text=text)


def test_reject_in_a_dialog_showing_the_question_then_undo(pages, room):
    aisyah = room.registrations[0]
    _held(room, aisyah, "Is this a rejected question?", "k1")
    host = pages.host(room.host, room.webinar)
    _item(host, "incoming", "rejected question").locator("[data-action=reject]").click()
    dialog = host.locator("#host-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#host-dialog-question")).to_have_text("Is this a rejected question?")
    dialog.locator("#host-dialog-text").fill("Off topic")
    dialog.locator("#host-dialog-ok").click()
    expect(_item(host, "rejected", "rejected question")).to_be_visible()
    expect(host.locator("#undo-bar")).to_be_visible()
    host.click("#undo-button")
    expect(_item(host, "published", "rejected question")).to_be_visible()
    assert pages.dialogs == [], "no native prompt or alert"


def test_the_dialogs_text_box_holds_what_the_server_takes_and_edit_needs_a_text(pages, room):
    """A reason pasted longer than the server takes is cut at the limit the counter shows, so the reject
    goes through (it used to be refused as too_long after the dialog closed, the text lost, while the
    toast said it was rejected); an edit emptied of its text cannot be sent."""
    from realtime.protocol import REJECT_REASON_MAX_CHARS
    from webinar.models import Question

    aisyah = room.registrations[0]
    _held(room, aisyah, "Is this a long-winded question?", "k1")
    _published(room, aisyah, "When is the recording online?", "k2")
    host = pages.host(room.host, room.webinar)
    _item(host, "incoming", "long-winded").locator("[data-action=reject]").click()
    box = host.locator("#host-dialog-text")
    expect(box).to_have_attribute("maxlength", str(REJECT_REASON_MAX_CHARS))
    box.fill("")
    box.press_sequentially("Off topic. ")
    expect(host.locator("#host-dialog-counter")).to_have_text(f"11 / {REJECT_REASON_MAX_CHARS}")
    box.focus()
    host.keyboard.insert_text("x" * (REJECT_REASON_MAX_CHARS + 200))
    expect(host.locator("#host-dialog-counter")).to_have_text(
        f"{REJECT_REASON_MAX_CHARS} / {REJECT_REASON_MAX_CHARS}"
    )
    host.locator("#host-dialog-ok").click()
    expect(_item(host, "rejected", "long-winded")).to_be_visible()
    expect(host.locator("#host-error")).to_have_text("")
    reason = off_loop(lambda: Question.objects.get(client_key="k1").reject_reason)
    assert reason.startswith("Off topic. x") and len(reason) == REJECT_REASON_MAX_CHARS

    _item(host, "published", "recording").locator("[data-action=edit]").click()
    expect(host.locator("#host-dialog-ok")).to_be_enabled()
    host.locator("#host-dialog-text").fill("   ")
    expect(host.locator("#host-dialog-ok")).to_be_disabled()
    host.keyboard.press("Escape")
    assert pages.dialogs == []


def test_an_action_the_server_refuses_is_not_announced_as_done(pages, room):
    """The undo bar ("#n rejected. Undo") goes when the server answers that command with an error: the
    error line is the only word about it. The refusal is forced here by lifting the box's own limit."""
    from realtime.protocol import REJECT_REASON_MAX_CHARS

    _held(room, room.registrations[0], "Is this refused by the server?", "k1")
    host = pages.host(room.host, room.webinar)
    _item(host, "incoming", "refused by the server").locator("[data-action=reject]").click()
    host.evaluate(
        """(n) => { const box = document.getElementById('host-dialog-text');
        box.removeAttribute('maxlength'); box.oninput = null; box.value = 'x'.repeat(n); }""",
        REJECT_REASON_MAX_CHARS + 1,
    )
    host.locator("#host-dialog-ok").click()
    expect(host.locator("#host-error")).to_have_text("That text is too long.")
    # At once, not when the bar's own six seconds run out.
    assert host.locator("#undo-bar").is_hidden()
    expect(_item(host, "incoming", "refused by the server")).to_be_visible()


def test_merge_finds_its_target_by_searching_and_edit_is_tagged(pages, room):
    aisyah, ben, _ = room.registrations
    _published(room, aisyah, "When will the slides be shared?", "k1")
    _published(room, ben, "Can we get the slides afterwards?", "k2")
    host = pages.host(room.host, room.webinar)
    _item(host, "published", "afterwards").locator("[data-action=merge]").click()
    host.fill("#host-dialog-search", "slides be shared")
    targets = host.locator("#host-dialog-targets li[role=option]")
    expect(targets).to_have_count(1)
    expect(host.locator("#host-dialog-ok")).to_be_disabled()
    targets.first.click()
    host.click("#host-dialog-ok")
    expect(_item(host, "published", "afterwards")).to_have_count(0)
    _item(host, "published", "slides be shared").locator("[data-action=edit]").click()
    host.fill("#host-dialog-text", "When will the slides be shared with everyone?")
    host.click("#host-dialog-ok")
    expect(_item(host, "published", "with everyone").locator(".tag.edited")).to_be_visible()
    assert pages.dialogs == []


def test_selection_moves_to_the_next_held_question_and_empty_queues_say_so(pages, room):
    aisyah, ben, _ = room.registrations
    host = pages.host(room.host, room.webinar)
    expect(host.locator("#list-incoming li.empty")).to_be_visible()
    expect(host.locator("#list-published li.empty")).to_be_visible()
    first = _held(room, aisyah, "First held question?", "k1")
    second = _held(room, ben, "Second held question?", "k2")
    host.reload()
    _item(host, "incoming", "First held").click()
    expect(host.locator(f'#list-incoming li.q[data-id="{first.pk}"]')).to_have_class(re.compile("selected"))
    host.keyboard.press("a")
    expect(host.locator(f'#list-incoming li.q[data-id="{second.pk}"]')).to_have_class(re.compile("selected"))


def test_mute_shows_a_badge_and_can_be_undone_from_the_console(pages, room):
    aisyah = room.registrations[0]
    _published(room, aisyah, "A question from a noisy attendee?", "k1")
    host = pages.host(room.host, room.webinar)
    item = _item(host, "published", "noisy attendee")
    item.locator("[data-action=mute]").click()
    expect(item.locator(".tag.muted")).to_be_visible()
    host.reload()  # the badge comes from the server (author_muted), not only from this page's memory
    expect(item.locator(".tag.muted")).to_be_visible()
    item.locator("[data-action=unmute]").click()
    expect(item.locator(".tag.muted")).to_have_count(0)

    def muted():
        from webinar.models import Registration

        return Registration.objects.get(pk=aisyah.pk).muted_at

    for _ in range(50):
        if off_loop(muted) is None:
            break
        host.wait_for_timeout(100)
    assert off_loop(muted) is None


def test_the_care_banner_goes_when_the_care_queue_is_handled(pages, room):
    def care_item():
        from webinar.models import Question

        return Question.objects.create(
            webinar=room.webinar,
            author=room.registrations[0],
            text="I do not want to be here any more",
            client_key="care-1",
            status=Question.Status.CARE,
            care=True,
        )

    off_loop(care_item)
    host = pages.host(room.host, room.webinar)
    expect(host.locator("#care-alert")).to_be_visible()
    _item(host, "care", "any more").locator("[data-action=care_handled]").click()
    expect(host.locator("#care-alert")).to_be_hidden()


def test_after_the_end_the_console_hides_live_controls_and_says_ended(pages, room):
    from webinar.campaigns.services.polls import poll_create
    from webinar.live_state import stage_key

    aisyah, ben, _ = room.registrations
    _published(room, aisyah, "Will the recording be online?", "k1")
    _held(room, ben, "Is the quiz graded?", "k2")
    poll = off_loop(
        poll_create,
        actor=room.host,
        webinar_id=room.webinar.pk,
        kind="rating",
        question_en="Rate it",
        question_ms="",
    )
    host = pages.host(room.host, room.webinar)
    stage = pages.open("stage", f"/w/{room.webinar.slug}/stage/?key={off_loop(stage_key, room.webinar)}")
    expect(stage.locator("#stage-watching")).to_be_visible()
    published = _item(host, "published", "recording be online")
    expect(published.locator("[data-action=pin]")).to_be_visible()
    expect(host.locator("#conn")).to_have_text("Connected")  # the connection, not the event's state
    launch = host.locator(f"#host-polls button.poll-launch[data-poll='{poll.pk}']")
    expect(launch).to_be_visible()
    host.click("#btn-end")
    host.locator("#host-dialog-ok").click()
    expect(host.locator("#console-ended")).to_have_text("Questions are closed and the queue is read-only.")
    expect(host.locator("#webinar-status")).to_have_text("Ended")
    expect(host.locator("#watching-line")).to_be_hidden()  # nobody watches an ended webinar
    expect(stage.locator("#stage-watching")).to_be_hidden()  # the projector stops showing a count too
    # Nothing is offered that the server would refuse, and no empty box is left where the controls were.
    for control in ("#btn-pause", "#slow-form", "#shortcuts", "#btn-end", "#host-controls"):
        expect(host.locator(control)).to_be_hidden()
    expect(launch).to_be_hidden()
    # Per question only taking it down stays: no approve, pin, answer, edit, merge or mute after the end.
    held = _item(host, "incoming", "quiz graded")
    for item in (published, held):
        expect(item.locator("[data-action=reject]")).to_be_visible()
        expect(item.locator("[data-action]")).to_have_count(1)
    expect(host.locator("#conn")).not_to_have_text(re.compile("Live"))
    published.locator("[data-action=reject]").click()
    host.locator("#host-dialog-ok").click()
    expect(_item(host, "rejected", "recording be online")).to_be_visible()


def test_end_is_asked_in_the_consoles_own_dialog_from_the_keyboard_and_escape_keeps_it_live(pages, room):
    host = pages.host(room.host, room.webinar)
    end = host.locator("#btn-end")
    end.focus()
    host.keyboard.press("Enter")
    dialog = host.locator("#host-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#host-dialog-title")).to_have_text("End the webinar for everyone?")
    expect(dialog.locator("#host-dialog-body")).to_contain_text("cannot be restarted")
    expect(dialog.locator("#host-dialog-question")).to_be_hidden()
    expect(dialog.locator("#host-dialog-ok")).to_have_text("End webinar")
    # Ending cannot be undone: the focus starts on Cancel, and Escape closes without ending.
    expect(dialog.locator("#host-dialog-cancel")).to_be_focused()
    host.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(end).to_be_visible()
    expect(host.locator("#console-ended")).to_be_hidden()
    end.focus()
    host.keyboard.press("Enter")
    expect(dialog.locator("#host-dialog-cancel")).to_be_focused()
    host.keyboard.press("Shift+Tab")
    expect(dialog.locator("#host-dialog-ok")).to_be_focused()
    host.keyboard.press("Enter")
    expect(host.locator("#console-ended")).to_be_visible()
    expect(end).to_be_hidden()
    assert pages.dialogs == [], "no browser dialog was opened"


def test_a_malay_host_reads_every_tag_and_reason_of_a_held_question_in_malay(pages, room):
    """Status, categories, the model's score and the reasons: no code or English left on the card."""
    from webinar.models import Question

    def speaks_malay():
        room.host.language = "ms"
        room.host.save(update_fields=["language"])

    off_loop(speaks_malay)
    _held(room, room.registrations[0], "I want to kill myself, nobody cares", "care-ms")
    _held(room, room.registrations[1], "Boleh kongsi slaid?", "k-ms")
    host = pages.open("host-ms", "/", viewport={"width": 1280, "height": 900})
    host.context.add_cookies([{"name": "django_language", "value": "ms", "url": pages.server.url}])
    host.goto(f"/accounts/login/?next=/w/{room.webinar.slug}/host/")
    host.fill("#id_username", room.host.email)
    host.fill("#id_password", PASSWORD)
    host.locator("#id_password").press("Enter")
    host.wait_for_url(re.compile(r"/host/$"))
    care = _item(host, "care", "kill myself")
    expect(care.locator(f".tag.{Question.Status.CARE}")).to_have_text("Ditahan atas sebab kebajikan")
    expect(care.locator(".tag", has_text=re.compile(r"^Mencederakan diri$"))).to_be_visible()
    expect(care.locator(".tag.held", has_text=re.compile(r"^Mencederakan diri \d\.\d\d$"))).to_be_visible()
    expect(care.locator(".tag", has_text="skor")).to_be_visible()
    reasons = care.locator("ul.reasons li")
    expect(reasons.first).to_contain_text("Anda tidak keseorangan")
    assert "You are not alone" not in care.inner_text() and "self_harm" not in care.inner_text()
    assert care.inner_text().count("Anda tidak keseorangan") == 1, "the support message once"
    assert care.inner_text().count("«") == 0, "the matched words are quoted once, inside the reason"
    held = _item(host, "incoming", "slaid")
    expect(held.locator(".tag.held")).to_have_text("Ditahan untuk semakan hos")
    # Its age in Malay units ("12 s", "3 min"), not English abbreviations.
    expect(held.locator(".body > .meta")).to_contain_text(
        re.compile(r"· \d+ (s|min|j) Ditahan untuk semakan hos skor")
    )
    expect(held.locator("ul.reasons")).to_contain_text("Penganjur menyemak setiap soalan sebelum dipaparkan.")
