"""Reads behind the live websocket: who is connecting, and the state a client syncs to."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import orjson
from django.conf import settings
from django.core import signing
from django.db.models import Count, Sum
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation

from accounts.languages import language_supported
from realtime.redis_health import cache_call
from webinar import representations, selectors
from webinar.models import Question, Registration, Vote, Webinar
from webinar.plain_cursor import plain_rows
from webinar.services.events import Stream, events_since
from webinar.services.questions import own_question_for

STAGE_SALT = "dewan.stage"
LIVE_ORDER = ("-pinned", "-vote_count", "created_at")


@dataclass(frozen=True)
class Viewer:
    webinar_id: int
    slug: str
    role: str  # attendee | host | organiser | stage
    staff: bool  # receives the staff stream and may moderate (re-checked on every command)
    registration_id: int | None
    user_id: int | None
    viewer_key: str | None  # presence identity: one per person, whatever the number of tabs
    language: str
    name: str


def stage_key(webinar: Webinar) -> str:
    return signing.dumps({"w": webinar.pk}, salt=STAGE_SALT)


def stage_path(webinar: Webinar, *, language: str | None = None) -> str:
    """The stage view's site-relative URL with its key: the page is 404 without one, whoever opens it.
    ``language``: the page's language (``&lang=``; webinar.http.query_language), for a projector or OBS."""
    path = f"{reverse('webinar:stage', args=[webinar.slug])}?key={stage_key(webinar)}"
    return f"{path}&lang={language}" if language else path


def stage_key_valid(webinar: Webinar, key: str | None) -> bool:
    if not key:
        return False
    try:
        return signing.loads(key, salt=STAGE_SALT).get("w") == webinar.pk
    except (signing.BadSignature, AttributeError):
        return False


# Webinars behind live URLs, per process: slug -> (monotonic time read, webinar or None).
_live_webinars: dict[str, tuple[float, Webinar | None]] = {}
LIVE_WEBINAR_SECONDS = 1.0
_LIVE_WEBINARS_MAX = 10_000


def live_webinar(*, slug: str) -> Webinar | None:
    """The webinar a live URL names, read from the database at most once a second per process.

    Every viewer of a webinar connects to the same slug: in a reconnect storm this is the same row
    thousands of times a second. Only identity and access fields are used from it (id, slug,
    status, organiser); a change made in this process is seen at once (the signals below), one
    made in another process within ``LIVE_WEBINAR_SECONDS``. Sequence numbers are never read here.
    """
    now = time.monotonic()
    hit = _live_webinars.get(slug)
    if hit is not None and now - hit[0] < LIVE_WEBINAR_SECONDS:
        return hit[1]
    webinar = selectors.webinar_get(slug=slug)
    if len(_live_webinars) >= _LIVE_WEBINARS_MAX:
        _live_webinars.clear()
    _live_webinars[slug] = (now, webinar)
    return webinar


@receiver([post_save, post_delete], sender=Webinar, dispatch_uid="dewan.live_webinar_forget")
def _live_webinar_forget(sender, instance: Webinar, **kwargs) -> None:
    _live_webinars.clear()  # slugs can change too: forget them all (a rare, host-driven event)


@dataclass(frozen=True)
class Personal:
    """A viewer's own part of its ``snapshot`` (``mine``, ``my_votes``), read at connect.

    ``mine``: its own questions as ``own_question_for`` dicts (all of them but merged ones, newest
    first: never more than ``DEWAN_QUESTIONS_PER_ATTENDEE``, the most an attendee may ask,
    ``questions.question_submit``);
    ``my_votes``: the ids of the questions it upvoted. Read in the same round trip as the
    registration row that proved its access, so both describe one moment.
    """

    mine: list[dict]
    my_votes: list[int]


def viewer_identify(*, slug: str, mode: str, session, user, stage: str | None = None) -> Viewer | None:
    """Authorise a connection before it joins anything (RELIABILITY R8); None means refuse."""
    return _identify(slug=slug, mode=mode, session=session, user=user, stage=stage, personal=False)[0]


def viewer_connect(
    *, slug: str, mode: str, session, user, stage: str | None = None, stage_language: str | None = None
) -> tuple[Viewer | None, Personal | None]:
    """``viewer_identify``, and for the common viewer (a join link's session binding) its own
    questions and votes, read in the **same** round trip as its registration row.

    Returns ``(viewer, personal)``; ``viewer`` None means refuse; ``personal`` is None for hosts,
    stage views, guests and an account's e-mail way in (their snapshot is read at ``sync``). The
    consumer answers ``sync`` with ``personal`` only when its hub proves nothing for the webinar
    arrived since before this read (``Hub.quiet_since``); otherwise it reads them again.
    Queries: the registration row with the viewer's vote ids and own question ids (one); its own
    questions only when it has some (one more). ``stage_language``: the stage view's page language
    (the stage has no account or registration to take one from); the default language otherwise.
    """
    return _connect(
        slug=slug, mode=mode, session=session, user=user, stage=stage, stage_language=stage_language
    )


@dataclass(frozen=True)
class ConnectRequest:
    """One connecting socket's part of ``viewers_connect_many`` (the arguments of ``viewer_connect``)."""

    slug: str
    mode: str
    session: object
    user: object
    stage: str | None = None
    stage_language: str | None = None
    language: str | None = None  # the active language to identify it in (None: the current one)


def viewers_connect_many(
    requests: Sequence[ConnectRequest],
) -> list[tuple[Viewer | None, Personal | None] | Exception]:
    """``viewer_connect`` for sockets connecting together, in their order: the registration rows
    their session bindings name, with those viewers' own question ids and vote ids, are read with
    **one** statement per webinar among them (``bound_rows_many``), not one per viewer.

    Each answer is what ``viewer_connect`` would have returned for that request alone, or the
    exception it would have raised (only that request fails). The sessions are read by the caller
    first (``realtime.sessions.sessions_load``). Queries: one for all the bound registrations of a
    webinar; then, per viewer, only what ``viewer_connect`` reads besides (its own questions when it
    has some; an account's e-mail way in; a host's role).
    """
    wanted: dict[int, set[int]] = {}
    for request in requests:
        claim = _binding_claim(request)
        if claim is not None:
            wanted.setdefault(claim[0], set()).add(claim[1])
    read: dict[tuple[int, int], list[tuple]] = {}
    for webinar_id, registration_ids in wanted.items():
        read.update(bound_rows_many(webinar_id, sorted(registration_ids)))

    def bound_rows(webinar_id: int, registration_id: int) -> list[tuple]:
        rows = read.get((webinar_id, registration_id))
        return _bound_rows(webinar_id, registration_id) if rows is None else rows

    answers: list[tuple[Viewer | None, Personal | None] | Exception] = []
    for request in requests:
        try:
            with _language(request.language):
                answer = _connect(
                    slug=request.slug,
                    mode=request.mode,
                    session=request.session,
                    user=request.user,
                    stage=request.stage,
                    stage_language=request.stage_language,
                    bound_rows=bound_rows,
                )
            answers.append(answer)
        except Exception as exc:  # this request's alone, as viewer_connect would have raised it
            answers.append(exc)
    return answers


def _language(language: str | None):
    if language is None or language == translation.get_language():
        return contextlib.nullcontext()
    return translation.override(language)


def _binding_claim(request: ConnectRequest) -> tuple[int, int] | None:
    """``(webinar id, registration id)`` whose rows ``_identify`` reads for this request, or None."""
    if request.mode in ("stage", "host"):
        return None
    webinar = live_webinar(slug=request.slug)
    if webinar is None or webinar.status == Webinar.Status.DRAFT:
        return None
    binding = selectors.session_binding(session=request.session, webinar_id=webinar.pk)
    return None if binding is None else (webinar.pk, binding[0])


def _connect(
    *,
    slug: str,
    mode: str,
    session,
    user,
    stage: str | None,
    stage_language: str | None,
    bound_rows: Callable[[int, int], list[tuple]] | None = None,
) -> tuple[Viewer | None, Personal | None]:
    viewer, personal = _identify(
        slug=slug, mode=mode, session=session, user=user, stage=stage, personal=True, bound_rows=bound_rows
    )
    if viewer is not None and viewer.role == "stage" and language_supported(stage_language):
        viewer = replace(viewer, language=stage_language)
    return viewer, personal


def _identify(
    *,
    slug: str,
    mode: str,
    session,
    user,
    stage: str | None,
    personal: bool,
    bound_rows: Callable[[int, int], list[tuple]] | None = None,
) -> tuple[Viewer | None, Personal | None]:
    webinar = live_webinar(slug=slug)
    if webinar is None or (webinar.status == Webinar.Status.DRAFT and mode != "host"):
        return None, None
    user_id = user.pk if getattr(user, "is_authenticated", False) else None
    if mode == "stage":
        if not stage_key_valid(webinar, stage):
            return None, None
        # English; viewer_connect gives the stage its page's language when the socket says it (lang).
        return Viewer(webinar.pk, webinar.slug, "stage", False, None, None, None, "en", "stage"), None
    role = selectors.staff_role(user=user, webinar=webinar)
    if mode == "host":
        if role is None:
            return None, None
        viewer = Viewer(
            webinar.pk,
            webinar.slug,
            role,
            True,
            None,
            user_id,
            f"u:{user_id}",
            user.language,
            user.shown_name,
        )
        return viewer, None
    # The common viewer came through a join link: one primary-key read (the account's e-mail is
    # the rarer way in, and only a verified account can take it).
    rows: list[tuple] | None = None
    binding = selectors.session_binding(session=session, webinar_id=webinar.pk)
    if binding is None:
        registration = None
    elif personal:
        rows = (bound_rows or _bound_rows)(webinar.pk, binding[0])
        row = next((row[1:] for row in rows if row[0] == "r"), None)
        registration = selectors.registration_bound_in_row(webinar_id=webinar.pk, binding=binding, row=row)
    else:
        registration = selectors.registration_bound_to_session(webinar_id=webinar.pk, session=session)
    if registration is None:
        rows = None
        if selectors.account_email_verified(user):
            registration = selectors.registration_for_browser(webinar=webinar, session=session, user=user)
    if registration is not None:
        viewer = Viewer(
            webinar.pk,
            webinar.slug,
            "attendee",
            False,
            registration.pk,
            user_id,
            f"r:{registration.pk}",
            registration.language,
            registration.name,
        )
        return viewer, (None if rows is None else Personal(*_mine_from(viewer, rows)))
    if role is not None:  # a host looking at the attendee page: sees it, cannot ask
        viewer = Viewer(
            webinar.pk,
            webinar.slug,
            role,
            False,
            None,
            user_id,
            f"u:{user_id}",
            user.language,
            user.shown_name,
        )
        return viewer, None
    return None, None


def still_attendee(viewer: Viewer, *, session, user) -> bool:
    """Whether this socket's browser still reaches its registration (re-checked before every
    attendee command): false once the registration was cancelled, renewed or its data deleted."""
    return viewer.registration_id is not None and selectors.registration_access_current(
        webinar_id=viewer.webinar_id, registration_id=viewer.registration_id, session=session, user=user
    )


def still_staff(viewer: Viewer, user) -> bool:
    """Re-read the role from the database (RELIABILITY R8)."""
    webinar = Webinar.objects.filter(pk=viewer.webinar_id).first()
    return webinar is not None and selectors.can_moderate(user=user, webinar=webinar)


def webinar_state(webinar: Webinar) -> dict:
    return {
        "id": webinar.pk,
        "slug": webinar.slug,
        "title": webinar.shown_title,  # the active language: the viewer's (shared state is kept per language)
        "status": webinar.status,
        "questions_paused": webinar.questions_paused,
        "slow_mode_seconds": webinar.slow_mode_seconds,
    }


# ``{pad}``: the NULL columns that match the row put before it (the access row, the bound row).
_MINE_SQL = (
    "SELECT 'v', v.question_id{pad} FROM {vote} v JOIN {question} q ON q.id = v.question_id"
    " WHERE v.registration_id = %s AND q.webinar_id = %s"
    " UNION ALL SELECT 'q', id{pad} FROM {question}"
    " WHERE webinar_id = %s AND author_id = %s AND status <> %s"
)
# ``_MINE_SQL`` for many registrations of one webinar (``{ids}``: their placeholders), each row with its
# registration (the owner) after the kind.
_MINE_MANY_SQL = (
    "SELECT 'v', v.registration_id, v.question_id{pad}"
    " FROM {vote} v JOIN {question} q ON q.id = v.question_id"
    " WHERE v.registration_id IN ({ids}) AND q.webinar_id = %s"
    " UNION ALL SELECT 'q', author_id, id{pad} FROM {question}"
    " WHERE webinar_id = %s AND author_id IN ({ids}) AND status <> %s"
)
# Put before _MINE_SQL (its column types lead): the access re-check's row, read with the viewer's own.
# Kind ``r`` when the registration is this webinar's and confirmed, ``-`` otherwise: found by primary key
# alone, so no plan can scan the webinar's registrations (selectors._BOUND_SQL says why).
_ACCESS_SQL = (
    "SELECT CASE WHEN webinar_id = %s AND status = %s THEN 'r' ELSE '-' END, id, join_secret, email"
    " FROM {registration} WHERE id = %s"
)


def _mine(viewer: Viewer) -> tuple[list[dict], list[int]]:
    """The viewer's own questions (all but merged ones, newest first) and the ids it voted for.

    One plain SQL round trip answers both for the common viewer, who has asked nothing: the vote
    ids, plus the ids of its own questions; the questions themselves are read only when there are some.
    """
    if viewer.registration_id is None:
        return [], []
    return _mine_from(viewer, _mine_rows(viewer, with_access=False))


def _mine_sql(pad: int) -> str:
    return _MINE_SQL.format(question=Question._meta.db_table, vote=Vote._meta.db_table, pad=", NULL" * pad)


def _mine_params(webinar_id: int, registration_id: int) -> list:
    return [registration_id, webinar_id, webinar_id, registration_id, Question.Status.MERGED]


def _bound_rows(webinar_id: int, registration_id: int) -> list[tuple]:
    """The registration row a session binding names (kind ``r``, then ``selectors.bound_sql``'s
    columns) and the rows of ``_MINE_SQL`` for it in this webinar, in one round trip.

    The registration is found by primary key alone (``selectors._BOUND_SQL`` says why); nothing
    of the rows is used unless ``selectors.registration_bound_in_row`` accepts the ``r`` row.
    """
    sql = selectors.bound_sql().replace("SELECT ", "SELECT 'r', ", 1) + " UNION ALL " + _mine_sql(5)
    return plain_rows(sql, [registration_id, *_mine_params(webinar_id, registration_id)])


def bound_rows_many(webinar_id: int, registration_ids: Sequence[int]) -> dict[tuple[int, int], list[tuple]]:
    """``_bound_rows`` for many registrations of one webinar in one statement:
    ``{(webinar_id, registration_id): rows}``, each rows list exactly what ``_bound_rows`` returns for it
    (its ``r`` row, if it exists, first; then its vote and question ids). Every registration asked for
    has an entry (empty when it does not exist).

    The registrations are read by primary key alone (``id IN``: ``selectors._BOUND_SQL`` says why),
    the votes by registration and the questions by ``(webinar, author)``, as for one viewer.
    """
    if not registration_ids:
        return {}
    ids = ", ".join(["%s"] * len(registration_ids))
    registrations = selectors.bound_sql_many(len(registration_ids)).replace(
        "SELECT id,", "SELECT 'r', id, id,", 1
    )
    sql = f"{registrations} UNION ALL " + _MINE_MANY_SQL.format(
        question=Question._meta.db_table, vote=Vote._meta.db_table, ids=ids, pad=", NULL" * 5
    )
    params = [
        *registration_ids,
        *registration_ids,
        webinar_id,
        webinar_id,
        *registration_ids,
        Question.Status.MERGED,
    ]
    found: dict[tuple[int, int], list[tuple]] = {(webinar_id, pk): [] for pk in registration_ids}
    for kind, owner, *rest in sorted(plain_rows(sql, params), key=lambda row: row[0] != "r"):
        found[(webinar_id, owner)].append((kind, *rest))
    return found


def _mine_rows(viewer: Viewer, *, with_access: bool) -> list[tuple]:
    """The rows of ``_MINE_SQL`` (kind, id, join secret, e-mail); with ``with_access``, the
    registration's access row (kind ``r``) in the same round trip."""
    sql = _mine_sql(2)
    params: list = _mine_params(viewer.webinar_id, viewer.registration_id)
    if with_access:
        sql = _ACCESS_SQL.format(registration=Registration._meta.db_table) + " UNION ALL " + sql
        params = [viewer.webinar_id, Registration.Status.CONFIRMED, viewer.registration_id, *params]
    return plain_rows(sql, params)


def _mine_from(viewer: Viewer, rows: list[tuple]) -> tuple[list[dict], list[int]]:
    votes = [pk for kind, pk, *_rest in rows if kind == "v"]
    if not any(row[0] == "q" for row in rows):
        return [], votes
    own = (
        Question.objects.filter(webinar_id=viewer.webinar_id, author_id=viewer.registration_id)
        .exclude(status=Question.Status.MERGED)
        .select_related("author", "webinar")
        .order_by("-created_at")[: settings.DEWAN_QUESTIONS_PER_ATTENDEE]
    )
    return [own_question_for(q) for q in own], votes


def _published_cache_key(webinar_id: int, language: str) -> str:
    return f"dewan:published:{webinar_id}:{language}"


def published_questions(webinar: Webinar) -> list[dict]:
    """The published list every viewer's snapshot shares, built once per state and language.

    A reconnect storm (a server restart with thousands of viewers) would otherwise serialise the
    same list once per viewer. The entry carries the state it was built from (sequence number, the
    sum of vote versions, which only grows, and the count), so it is never served stale. There is one
    entry per webinar and language, not one per state, so ``published_cache_clear`` can really remove
    what is cached about a person (deletion of their data), not merely stop serving it.
    """
    published = Question.objects.filter(webinar=webinar, status=Question.Status.PUBLISHED)
    counts = published.aggregate(votes=Sum("vote_version"), n=Count("id"))
    state = [webinar.last_public_seq, counts["votes"] or 0, counts["n"]]
    key = _published_cache_key(webinar.pk, translation.get_language())
    cached = _cache_call("get", key)
    if cached is not None and cached[0] == state:
        return cached[1]
    questions = [representations.public_question(q) for q in published.order_by(*LIVE_ORDER)[:1000]]
    _cache_call("set", key, (state, questions), timeout=60)
    return questions


def _cache_call(method: str, *args, **kwargs):
    """The shared cache is an optimisation here: when Redis fails or is presumed down, a miss."""
    return cache_call("snapshot cache", method, *args, **kwargs)


def published_cache_clear(*, webinar_id: int) -> None:
    """Remove the cached published lists of a webinar, in every language.

    Runs after the deletion committed: with Redis down it is skipped (never an error for the
    person deleting), and what Redis still holds expires within the entry's 60 s.
    """
    _cache_call("delete_many", [_published_cache_key(webinar_id, code) for code, _name in settings.LANGUAGES])


def shared_live_state(*, webinar_id: int) -> dict:
    """What every viewer's welcome and snapshot share, in the active language.

    Returns ``{"seq", "staff_seq", "webinar", "questions", "poll", "closed_polls"}``; the cursors are read
    first, so the list is at least as new as ``seq`` (a replay from ``seq`` can only repeat, never skip). The
    consumer keeps it per process until the hub hears the next event (realtime.broadcast.SharedState).
    ``questions_json`` and ``closed_polls_json`` are the same lists already encoded (``orjson.Fragment``):
    every snapshot embeds those bytes instead of encoding up to 1,000 questions once per viewer.
    """
    webinar = Webinar.objects.get(pk=webinar_id)
    questions = published_questions(webinar)
    closed_polls = closed_polls_state(webinar_id=webinar_id)
    return {
        "seq": webinar.last_public_seq,
        "staff_seq": webinar.last_staff_seq,
        "webinar": webinar_state(webinar),
        "questions": questions,
        "questions_json": orjson.Fragment(orjson.dumps(questions)),
        "poll": open_poll_state(webinar_id=webinar_id),
        "closed_polls": closed_polls,
        "closed_polls_json": orjson.Fragment(orjson.dumps(closed_polls)),
    }


def open_poll_state(*, webinar_id: int) -> dict | None:
    """The open poll and its results (``protocol.OpenPoll`` without ``answered``), or None."""
    from webinar.campaigns.selectors import poll_open
    from webinar.campaigns.services.polls import public_poll, results_data

    poll = poll_open(webinar_id=webinar_id)
    if poll is None:
        return None
    return {"poll": public_poll(poll), "results": results_data(poll)}


def closed_polls_state(*, webinar_id: int) -> list[dict]:
    """Every closed poll with its final results (``protocol.PollEventData``), in the order they were closed.

    A host closing a poll shows its results to everyone; a viewer who reloads gets them from here. A closed
    poll takes no more answers, so these results are final.
    """
    from webinar.campaigns.selectors import polls_closed
    from webinar.campaigns.services.polls import public_poll, results_data

    return [
        {"poll": public_poll(poll), "results": results_data(poll)}
        for poll in polls_closed(webinar_id=webinar_id)
    ]


def _with_answered(viewer: Viewer, poll: dict | None) -> dict | None:
    """``poll`` (``open_poll_state``) with whether this viewer's registration answered it."""
    if poll is None:
        return None
    from webinar.campaigns.models import PollVote

    answered = viewer.registration_id is not None and (
        PollVote.objects.filter(poll_id=poll["poll"]["id"], registration_id=viewer.registration_id).exists()
    )
    return {**poll, "answered": answered}


def attendee_snapshot(viewer: Viewer, shared: dict, *, session=None, user=None) -> dict | None:
    """A non-staff viewer's ``snapshot``: the shared state plus its own questions and votes.

    For an attendee (a registration), the access re-check of ``still_attendee`` is made in the same
    round trip as its own questions and votes, and None means the browser lost access (nothing of
    the viewer's is returned then). One query for the common viewer, who has asked nothing; one
    more when it has questions, and one when a poll is open.
    """
    own = attendee_own(viewer, session=session, user=user)
    if own is None:
        return None
    mine, my_votes = own
    return _attendee_snapshot(shared, mine, my_votes, _with_answered(viewer, shared.get("poll")))


def attendee_own(viewer: Viewer, *, session=None, user=None) -> tuple[list[dict], list[int]] | None:
    """``(mine, my_votes)`` of a non-staff viewer, read with the access re-check in one round trip.

    ``mine``: its own questions (``own_question_for`` dicts, newest 50, merged ones left out);
    ``my_votes``: the ids of the questions it upvoted. For an attendee (a registration) the
    registration row of ``still_attendee`` is read in the same round trip, and None means the
    browser lost access (nothing of the viewer's is returned then). ``([], [])`` for a viewer with
    no registration. One query for the common viewer, who has asked nothing; one more when it has
    questions. What ``attendee_snapshot`` and a resuming viewer's ``synced`` show.
    """
    if viewer.registration_id is None:
        return [], []
    rows = _mine_rows(viewer, with_access=True)
    access = next(((row[2], row[3]) for row in rows if row[0] == "r"), None)
    if not selectors.registration_access_in_row(
        webinar_id=viewer.webinar_id,
        registration_id=viewer.registration_id,
        row=access,
        session=session,
        user=user,
    ):
        return None
    return _mine_from(viewer, rows)


def attendee_snapshot_read_at_connect(shared: dict, personal: Personal) -> dict | None:
    """``attendee_snapshot`` from the own questions and votes ``viewer_connect`` read, with no read
    at all; None when a poll is open (whether the viewer answered it is read then).

    The caller proves ``personal`` is current first (``Hub.quiet_since``): no message for the
    webinar (event, vote, poll, personal message, revoke) reached this process since before it was
    read, while the process was subscribed, so nothing of the viewer's changed since that read.
    """
    if shared.get("poll") is not None:
        return None
    return _attendee_snapshot(shared, personal.mine, personal.my_votes, None)


def _attendee_snapshot(shared: dict, mine: list[dict], my_votes: list[int], poll: dict | None) -> dict:
    return {
        "type": "snapshot",
        "seq": shared["seq"],
        "staff_seq": None,
        "webinar": shared["webinar"],
        "questions": shared.get("questions_json", shared["questions"]),
        "mine": mine,
        "my_votes": my_votes,
        "poll": poll,
        "closed_polls": shared.get("closed_polls_json", shared.get("closed_polls", [])),
    }


def live_snapshot(viewer: Viewer) -> dict:
    """Full state as of ``seq`` (and ``staff_seq``); read the cursors first so replays only repeat."""
    webinar = Webinar.objects.get(pk=viewer.webinar_id)
    mine, my_votes = _mine(viewer)
    snapshot = {
        "type": "snapshot",
        "seq": webinar.last_public_seq,
        "staff_seq": webinar.last_staff_seq if viewer.staff else None,
        "webinar": webinar_state(webinar),
        "questions": published_questions(webinar),
        "mine": mine,
        "my_votes": my_votes,
        "poll": _with_answered(viewer, open_poll_state(webinar_id=webinar.pk)),
        "closed_polls": closed_polls_state(webinar_id=webinar.pk),
    }
    if viewer.staff:
        queue = (
            Question.objects.filter(webinar=webinar)
            .exclude(status__in=[Question.Status.MERGED, Question.Status.WITHDRAWN])
            .select_related("author")
            .order_by("-created_at")[:2000]
        )
        ended = webinar.status == Webinar.Status.ENDED
        snapshot["queue"] = [representations.staff_question(q, ended=ended) for q in queue]
    return snapshot


def live_sync(viewer: Viewer, *, since: int | None, staff_since: int | None, limit: int) -> list[dict]:
    """What to send a client that (re)connects: the missed events then ``synced``, or a snapshot."""
    if since is None or (viewer.staff and staff_since is None):
        return [live_snapshot(viewer)]
    public = events_since(webinar_id=viewer.webinar_id, stream=Stream.PUBLIC, after_seq=since, limit=limit)
    staff = (
        events_since(webinar_id=viewer.webinar_id, stream=Stream.STAFF, after_seq=staff_since, limit=limit)
        if viewer.staff
        else []
    )
    if public is None or staff is None:
        return [live_snapshot(viewer)]
    webinar = Webinar.objects.get(pk=viewer.webinar_id)
    if since > webinar.last_public_seq or (viewer.staff and staff_since > webinar.last_staff_seq):
        return [live_snapshot(viewer)]  # a cursor from the future (e.g. another database): start over
    mine, my_votes = _mine(viewer)
    synced = {
        "type": "synced",
        "seq": public[-1]["seq"] if public else since,
        "staff_seq": (staff[-1]["seq"] if staff else staff_since) if viewer.staff else None,
        "mine": mine,
        "my_votes": my_votes,
        "votes": vote_counts(webinar_id=viewer.webinar_id),
    }
    return [*public, *staff, synced]


def vote_counts(*, webinar_id: int) -> dict[str, int]:
    """``synced.votes``: the vote count of every published question, keyed by its id as a string."""
    return {
        str(pk): count
        for pk, count in Question.objects.filter(
            webinar_id=webinar_id, status=Question.Status.PUBLISHED
        ).values_list("id", "vote_count")
    }
