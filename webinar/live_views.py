"""The live pages: attendee, host console, stage view. Their data arrives over the websocket."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from realtime import protocol
from realtime.protocol import ErrorCode
from webinar import labels, live_state, selectors
from webinar.exceptions import DewanError, NotFound, PermissionDenied
from webinar.http import query_language
from webinar.models import Question, Webinar
from webinar.services import moderation


def _stream_embed(url: str) -> str | None:
    """A privacy-friendly embed URL for YouTube links; other hosts are linked, not embedded."""
    from urllib.parse import parse_qs, urlparse

    if not url:
        return None
    parsed = urlparse(url)
    host = parsed.netloc.lower().removeprefix("www.").removeprefix("m.")
    video = None
    if host == "youtu.be":
        video = parsed.path.strip("/")
    elif host == "youtube.com":
        if parsed.path == "/watch":
            video = (parse_qs(parsed.query).get("v") or [None])[0]
        elif parsed.path.startswith(("/live/", "/embed/")):
            video = parsed.path.split("/")[2]
    if video and video.replace("-", "").replace("_", "").isalnum():
        return f"https://www.youtube-nocookie.com/embed/{video}"
    return None


def _labels() -> dict:
    """Every string the live scripts show, translated on the server (no strings baked into JS)."""
    return {
        "connection": {
            "connecting": _("Connecting…"),
            # The socket's state, not the event's (that is the status badge): never "Live".
            "open": _("Connected"),
            "closed": _("Reconnecting…"),
            "forbidden": _("Not allowed: register or sign in"),
            # Closed with 4403 after joining: this browser's registration stopped working mid-session.
            "access_ended": _("Disconnected"),
        },
        "status": {str(value): str(label) for value, label in Webinar.Status.choices},
        # The host console's tags: a question's status, screening categories and model heads, in words.
        "question_status": {str(value): str(label) for value, label in Question.Status.choices},
        "categories": {
            code: str(label) for code, label in {**labels.CATEGORY_LABELS, **labels.MODEL_HEAD_LABELS}.items()
        },
        "score": _("score"),
        "paused": _("The hosts have paused questions for now."),
        # Only the status badge says "ended" (it is the one status): the notice says what that means here.
        "ended": _("Questions and votes are closed."),
        # Shown in place of "Joined as ..." when the registration is cancelled or removed mid-session.
        "access_ended": _("No longer joined: this registration was cancelled or removed."),
        "access_ended_notice": _(
            "You can no longer ask or vote from this browser. "
            "To take part again, register on the webinar's page."
        ),
        # The page fills in the number, so it gets both forms (English and Malay need no more).
        "slow_mode_one": ngettext(
            "Slow mode: one question every %s second.", "Slow mode: one question every %s seconds.", 1
        ),
        "slow_mode": ngettext(
            "Slow mode: one question every %s second.", "Slow mode: one question every %s seconds.", 2
        ),
        "retry_after": _("try again in %s s"),
        "upvote": _("Upvote"),
        "pinned": _("Pinned"),
        "answered": _("Answered"),
        "edited": _("Edited by a host"),
        "host_reason": _("Reason from the host"),
        "request_review": _("Ask a host to review"),
        "review_requested": _("A host will review it."),
        "approve": _("Approve"),
        "publish_anyway": _("Publish anyway"),
        "reject": _("Reject"),
        "answer": _("Mark answered"),
        "unanswer": _("Not answered"),
        "pin": _("Pin"),
        "unpin": _("Unpin"),
        "edit": _("Edit"),
        "merge": _("Merge into…"),
        "mute": _("Mute author"),
        "reject_reason_prompt": _("Reason for rejecting (the author sees it):"),
        "edit_prompt": _("Edit the question:"),
        "merge_prompt": _("Merge into which question number?"),
        "end_confirm": _("End the webinar for everyone?"),
        "end_explain": _(
            "Attendees can no longer ask or vote, and the report is prepared. A webinar cannot be restarted."
        ),
        "end_ok": _("End webinar"),
        "no_pinned": _("No question pinned yet"),
        "votes": _("votes"),
        "review_flag": _("Author asked for review"),
        "heads_fired": _("Screening model heads that held this question, with their scores"),
        "anonymous": _("Anonymous"),
        "masked": _("Hidden before publishing"),
        "care_reply": _("Reply privately"),
        "care_reply_prompt": _(
            "Private reply to the author (only they see it, with the webinar's support resources):"
        ),
        "care_reply_from_host": _("A host replied"),
        "care_handled": _("Mark handled"),
        "care_handled_tag": _("Handled"),
        "care_replied_tag": _("Replied privately"),
        "registered": _("registered"),
        "guests": _("guests"),
        "sending": _("Sending…"),
        "queued_offline": _("Waiting for the connection: your question will be sent once it is back."),
        "yours": _("Yours"),
        "filter_all": _("All"),
        "filter_open": _("Open"),
        "filter_answered": _("Answered"),
        "filter_empty": _("No questions match this filter."),
        "voting_closed": _("Voting has closed."),
        # {text} and {n} are filled in by the page.
        "upvote_named": _("Upvote: {text}, {n} votes"),
        "upvote_named_one": _("Upvote: {text}, 1 vote"),
        "new_question": _("New question: {text}"),
        "status_announce": _("The webinar is now: {status}"),
        "counter": _("{n} of {max} characters"),
        "withdraw": _("Withdraw"),
        "withdraw_confirm": _("Withdraw: sure?"),
        "withdraw_named": _("Withdraw your question: {text}"),
        # Host console dialogs, undo and empty states.
        "cancel": _("Cancel"),
        "reject_title": _("Reject this question?"),
        "reject_reason_label": _("Reason (the author sees it; optional)"),
        "edit_title": _("Edit the question"),
        "merge_title": _("Merge into another published question"),
        "merge_search": _("Search published questions by words or number"),
        "merge_none": _("No published question matches."),
        "care_reply_title": _("Reply privately to the author"),
        "undo": _("Undo"),
        "done": {
            "approve": _("Approved {q}."),
            "publish_anyway": _("Published {q} anyway."),
            "reject": _("Rejected {q}."),
            "answer": _("Marked {q} answered."),
            "unanswer": _("Marked {q} not answered."),
            "pin": _("Pinned {q}."),
            "unpin": _("Unpinned {q}."),
            "edit": _("Edited {q}."),
            "merge": _("Merged {q}."),
            "mute": _("Muted the author of {q}."),
            "unmute": _("Unmuted the author of {q}."),
        },
        "empty": {
            "care": _("No care messages."),
            "incoming": _("Nothing waiting: new questions appear here."),
            "published": _("No published questions yet."),
            "rejected": _("No rejected questions."),
        },
        "edited_tag": _("Edited"),
        "muted_badge": _("muted"),
        "unmute": _("Unmute author"),
        # The status badge says "ended": the banner says what that means for the queue.
        "console_ended": _("Questions are closed and the queue is read-only."),
    }


def _page_config(webinar: Webinar, mode: str, **extra) -> dict:
    return {
        "slug": webinar.slug,
        "mode": mode,
        "ws_path": f"/ws/w/{webinar.slug}/",
        "max_chars": settings.DEWAN_QUESTION_MAX_CHARS,
        "labels": _labels(),
        "messages": protocol.MESSAGE_TYPES,
        **extra,
    }


def live(request, slug: str):
    webinar = get_object_or_404(Webinar, slug=slug)
    if webinar.status == Webinar.Status.DRAFT:
        raise Http404
    registration = selectors.registration_for_browser(
        webinar=webinar, session=request.session, user=request.user
    )
    role = selectors.staff_role(user=request.user, webinar=webinar)
    if registration is None and role is None:
        messages.info(request, _("Register (or open your personal join link) to join the live page."))
        return redirect("webinar:detail", slug=slug)
    context = {
        "webinar": webinar,
        "registration": registration,
        "role": role,
        "embed_url": _stream_embed(webinar.stream_url),
        "config": _page_config(webinar, "attendee", can_ask=registration is not None),
    }
    return render(request, "webinar/live/attendee.html", context)


@login_required
def host_console(request, slug: str):
    webinar = get_object_or_404(Webinar, slug=slug)
    if not selectors.can_moderate(user=request.user, webinar=webinar):
        # Signed in but not a host of this one (perhaps of another webinar): say so, clearly.
        return render(request, "webinar/not_host.html", {"webinar": webinar}, status=403)
    stage_url = request.build_absolute_uri(live_state.stage_path(webinar, language=get_language()))
    context = {
        "webinar": webinar,
        "stage_url": stage_url,
        # The dialog's text box holds at most what the server takes, so a host never loses a long
        # reason, edit or reply to a ``too_long`` refusal after the dialog closed.
        "config": _page_config(
            webinar,
            "host",
            text_limits={
                "reject": protocol.REJECT_REASON_MAX_CHARS,
                "edit": settings.DEWAN_QUESTION_MAX_CHARS,
                "care_reply": protocol.CARE_REPLY_MAX_CHARS,
            },
        ),
    }
    return render(request, "webinar/live/host.html", context)


@query_language
def stage(request, slug: str):
    webinar = get_object_or_404(Webinar, slug=slug)
    key = request.GET.get("key")
    if not live_state.stage_key_valid(webinar, key):
        raise Http404
    return render(
        request,
        "webinar/live/stage.html",
        # The stage's socket speaks the page's language (anonymous authors), passed as ``lang``.
        {"webinar": webinar, "config": _page_config(webinar, "stage", key=key, lang=get_language())},
    )


_csrf_check = CsrfViewMiddleware(lambda request: None)


@csrf_exempt  # checked inside, so that a refusal is a JSON ``error`` like every other answer here
@require_POST
def host_command(request, slug: str):
    """The host commands over HTTP: the same JSON frame as on the websocket, the same reply.

    Body: one host command (``{"type": "approve", "question_id": 12}``), parsed by the websocket's
    strict parser. Answers ``ack`` (200) or ``error`` (4xx/503) exactly as the websocket does, echoing
    the command's ``client_key``; the services decide everything (webinar/services/moderation.py).
    CSRF-protected like any form, but a missing or wrong token is answered as JSON too (``csrf``, 403).
    """
    if _csrf_check.process_view(request, None, (), {}) is not None:
        refused = protocol.ProtocolError(
            ErrorCode.CSRF, _("The CSRF token is missing or incorrect: reload the page and send it again.")
        )
        return JsonResponse(refused.as_message(), status=403)
    webinar = selectors.webinar_get(slug=slug)
    command = None
    try:
        if webinar is None:
            raise NotFound(_("No such webinar."), code=ErrorCode.UNKNOWN_WEBINAR)
        try:
            command = protocol.parse_command(
                request.body.decode("utf-8", "replace"), max_bytes=settings.DEWAN_WS_MAX_FRAME_BYTES
            )
        except protocol.ProtocolError as exc:
            return JsonResponse(exc.as_message(), status=400)
        if command.type not in protocol.HOST_COMMANDS:
            raise PermissionDenied(_("Only host commands can be sent here."), code=ErrorCode.UNKNOWN_TYPE)
        if not request.user.is_authenticated:
            raise PermissionDenied(_("Only this webinar's hosts can do that."), code=ErrorCode.FORBIDDEN)
        fields = moderation.host_command_run(actor=request.user, webinar_id=webinar.pk, command=command)
    except DewanError as exc:
        extra = {k: v for k, v in exc.extra.items() if k in {"retry_after", "limit"}}
        if command is not None:
            extra["for_type"] = command.type
            if getattr(command, "client_key", None):
                extra["client_key"] = command.client_key
        return JsonResponse(protocol.error_message(exc.code, exc.message, **extra), status=exc.status)
    fields.pop("client_key", None)
    return JsonResponse(
        protocol.ack_message(for_type=command.type, client_key=getattr(command, "client_key", None), **fields)
    )
