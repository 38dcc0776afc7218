"""Campaign reads shared by views, reports and tasks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower

from webinar import selectors as webinar_selectors
from webinar.campaigns.models import Campaign, CampaignWebinar, Pledge, PledgeTaker
from webinar.models import AttendanceSession, Question, Registration, Vote, Webinar
from webinar.selectors.attendance import audience_totals


def can_manage_campaign(*, user, campaign: Campaign) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or campaign.owner_id == user.pk)


def campaign_get(*, slug: str) -> Campaign | None:
    return Campaign.objects.filter(slug=slug).select_related("owner").first()


def campaigns_for_owner(*, user) -> QuerySet[Campaign]:
    if user.is_superuser:
        return Campaign.objects.all()
    return Campaign.objects.filter(owner=user)


def campaigns_public() -> QuerySet[Campaign]:
    return Campaign.objects.filter(published=True)


def campaign_entries(*, campaign: Campaign) -> list[CampaignWebinar]:
    return list(
        CampaignWebinar.objects.filter(campaign=campaign).select_related("webinar").order_by("position", "id")
    )


def campaign_webinar_ids(*, campaign: Campaign) -> list[int]:
    return list(
        CampaignWebinar.objects.filter(campaign=campaign)
        .order_by("position", "id")
        .values_list("webinar_id", flat=True)
    )


def campaign_for_webinar(*, webinar_id: int) -> Campaign | None:
    entry = CampaignWebinar.objects.filter(webinar_id=webinar_id).select_related("campaign").first()
    return entry.campaign if entry else None


@dataclass
class PublicSeries:
    """The campaign's public webinars, split as the campaign page shows them."""

    live: list[Webinar] = field(default_factory=list)
    upcoming: list[Webinar] = field(default_factory=list)
    ended: list[dict] = field(default_factory=list)


def webinar_public_summary(*, webinar: Webinar) -> dict:
    """Figures anyone may see about an ended webinar: people who watched, questions published and answered.

    Returns ``{"watched", "published", "answered"}`` (counts). ``watched`` is the report's "unique
    viewers" (``webinar.selectors.attendance.audience_totals``: the audience only, never the hosts and
    organisers who watched from the console), so the campaign page and the report always agree.
    Source: the attendance rollups and question statuses.
    """
    watched = audience_totals(webinar=webinar)["unique"]
    questions = Question.objects.filter(webinar=webinar).aggregate(
        published=Count("id", filter=Q(status=Question.Status.PUBLISHED)),
        answered=Count("id", filter=Q(status=Question.Status.PUBLISHED, answered_at__isnull=False)),
    )
    return {"watched": watched, "published": questions["published"], "answered": questions["answered"]}


def campaign_public_series(*, campaign: Campaign) -> PublicSeries:
    series = PublicSeries()
    for entry in campaign_entries(campaign=campaign):
        webinar = entry.webinar
        if webinar.status == Webinar.Status.LIVE:
            series.live.append(webinar)
        elif webinar.status == Webinar.Status.SCHEDULED:
            series.upcoming.append(webinar)
        elif webinar.status == Webinar.Status.ENDED:
            series.ended.append(
                {
                    "webinar": webinar,
                    "summary": webinar_public_summary(webinar=webinar),
                    "transparency": entry.transparency_public,
                }
            )
    series.upcoming.sort(key=lambda w: w.starts_at)
    return series


def campaign_known_registration(*, campaign: Campaign, session, user) -> Registration | None:
    """The person behind this browser, as one of their registrations in the campaign's webinars.

    ``webinar.selectors.registrations_for_browser`` decides (a join link's binding, else a verified
    account's e-mail). Cancelled registrations count too: the person is still known. ``None`` when
    nobody is known.
    """
    found = webinar_selectors.registrations_for_browser(
        webinar_ids=campaign_webinar_ids(campaign=campaign), session=session, user=user, confirmed_only=False
    )
    return found[0] if found else None


def campaign_registered_webinar_ids(*, campaign: Campaign, email: str) -> set[int]:
    """Webinars of the campaign this e-mail holds a live (not cancelled) registration for."""
    return set(
        Registration.objects.filter(
            webinar_id__in=campaign_webinar_ids(campaign=campaign), email__iexact=email
        )
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("webinar_id", flat=True)
    )


@dataclass
class Activity:
    """What people did in a campaign: registration ids for per-webinar acts, lower-cased e-mails otherwise."""

    attended: set[int]
    asked: set[int]
    voted: set[int]
    polled: set[int]
    pledged: set[str]
    visited_hub: set[str]


def campaign_activity(*, campaign: Campaign, webinar_ids: list[int]) -> Activity:
    """Who attended, asked, voted on questions and answered polls (by registration), pledged and visited
    the hub (by e-mail).

    Sources: attendance sessions, questions, votes, poll answers (any answer, counted or held by
    screening: the person took part), the pledge's takers, the hub's known visitors.
    """
    from webinar.campaigns.models import HubVisitor, PollVote

    def emails(queryset) -> set[str]:
        return set(queryset.annotate(key=Lower("email")).values_list("key", flat=True))

    return Activity(
        attended=set(
            AttendanceSession.objects.filter(
                webinar_id__in=webinar_ids, registration__isnull=False
            ).values_list("registration_id", flat=True)
        ),
        asked=set(
            Question.objects.filter(webinar_id__in=webinar_ids, author__isnull=False).values_list(
                "author_id", flat=True
            )
        ),
        voted=set(
            Vote.objects.filter(question__webinar_id__in=webinar_ids).values_list(
                "registration_id", flat=True
            )
        ),
        polled=set(
            PollVote.objects.filter(poll__webinar_id__in=webinar_ids).values_list(
                "registration_id", flat=True
            )
        ),
        pledged=emails(PledgeTaker.objects.filter(pledge__campaign=campaign)),
        visited_hub=emails(HubVisitor.objects.filter(campaign=campaign)),
    )


def campaign_people_paths(*, campaign: Campaign) -> dict:
    """Each person's path across the series, keyed by lower-cased e-mail (one person, many registrations).

    Returns ``{"webinars": [Webinar...], "people": [{"email", "name", "steps": [{"registered",
    "status", "attended", "asked", "voted", "polled"} per webinar in series order], "pledged",
    "visited_hub"}]}`` (``voted``: on a question; ``polled``: answered a live poll).
    Sources: registrations, attendance sessions, questions, votes and poll answers by registration; the
    pledge's takers
    and the hub's known visitors by e-mail.
    """
    entries = campaign_entries(campaign=campaign)
    webinars = [e.webinar for e in entries]
    ids = [w.pk for w in webinars]
    registrations = list(
        Registration.objects.filter(webinar_id__in=ids)
        .annotate(key=Lower("email"))
        .order_by("created_at", "id")
    )
    activity = campaign_activity(campaign=campaign, webinar_ids=ids)
    attended, asked, voted = activity.attended, activity.asked, activity.voted
    pledged, visited = activity.pledged, activity.visited_hub
    people: dict[str, dict] = {}
    for registration in registrations:
        person = people.setdefault(
            registration.key,
            {"email": registration.email, "name": registration.name, "steps": {}},
        )
        person["steps"][registration.webinar_id] = {
            "registered": True,
            "status": registration.status,
            "attended": registration.pk in attended,
            "asked": registration.pk in asked,
            "voted": registration.pk in voted,
            "polled": registration.pk in activity.polled,
        }
    rows = []
    for key, person in people.items():
        rows.append(
            {
                "email": person["email"],
                "name": person["name"],
                "steps": [person["steps"].get(w.pk) for w in webinars],
                "pledged": key in pledged,
                "visited_hub": key in visited,
            }
        )
    return {"webinars": webinars, "people": rows}


def pledge_for(*, campaign: Campaign) -> Pledge | None:
    return Pledge.objects.filter(campaign=campaign).first()


def pledge_count(*, pledge: Pledge) -> int:
    return PledgeTaker.objects.filter(pledge=pledge).count()


def pledge_institutions(*, pledge: Pledge, limit: int | None = None) -> list[dict]:
    """Takers per institution, most first (ties by name), e.g. ``[{"name": "UiTM Shah Alam", "count": 512}]``.

    Institutions are grouped by ``institution_key`` (case and spacing folded); the name shown is the
    spelling most takers used. Takers who gave no institution are not listed.
    """
    counts: dict[str, Counter] = {}
    rows = PledgeTaker.objects.filter(pledge=pledge).exclude(institution_key="")
    for key, spelling in rows.values_list("institution_key", "institution").iterator():
        counts.setdefault(key, Counter())[spelling] += 1
    ranked = [
        {"name": spellings.most_common(1)[0][0], "count": sum(spellings.values())}
        for spellings in counts.values()
    ]
    ranked.sort(key=lambda row: (-row["count"], row["name"].casefold()))
    return ranked[:limit] if limit else ranked


def pledge_taker_for(*, pledge: Pledge, email: str) -> PledgeTaker | None:
    return PledgeTaker.objects.filter(pledge=pledge, email=(email or "").strip().lower()).first()


def hub_resources(*, campaign: Campaign, topic: str = "") -> list:
    from webinar.campaigns.models import Resource

    resources = Resource.objects.filter(campaign=campaign).order_by("position", "id")
    return [r for r in resources if not topic or topic in r.topics]


def hub_resource_get(*, campaign: Campaign, resource_id: int):
    from webinar.campaigns.models import Resource

    return Resource.objects.filter(campaign=campaign, pk=resource_id).first()


def hub_stats(*, campaign: Campaign) -> list[dict]:
    """Per resource: visits (all time) and unique visitors summed over days, including unflushed counts.

    Uniques are visitor-days: the daily salt makes the same person on two days two visitors
    (docs/hub-counting.md). Source: ``ResourceDailyStats`` plus the counter backend's pending figures
    for today.
    """
    from django.db.models import Sum

    from webinar.campaigns.counters import get_counter
    from webinar.campaigns.models import ResourceDailyStats
    from webinar.campaigns.services.hub import hub_day

    counter = get_counter()
    today = hub_day()
    rows = []
    for resource in hub_resources(campaign=campaign):
        stats = ResourceDailyStats.objects.filter(resource=resource)
        totals = stats.aggregate(visits=Sum("visits"), uniques=Sum("uniques"))
        flushed_today = stats.filter(day=today).values_list("uniques", flat=True).first() or 0
        pending_visits, today_uniques = counter.pending(resource_id=resource.pk, day=today)
        rows.append(
            {
                "resource": resource,
                "visits": (totals["visits"] or 0) + pending_visits,
                "uniques": (totals["uniques"] or 0) - flushed_today + max(flushed_today, today_uniques),
            }
        )
    return rows


HUB_PAGE_CACHE_SECONDS = 60


def hub_page_cache_key(*, slug: str, resource_id: int) -> str:
    return f"dewan:hub-page:{slug}:{resource_id}"


def hub_page_get(*, slug: str, resource_id: int):
    """The resource and its campaign for a public resource page, from the cache when possible.

    Resource pages are the hub's hot path (hundreds of thousands of visits): with the cache warm a visit
    opens no database connection at all. Services drop the entry when the resource or its campaign
    changes; otherwise it lives ``HUB_PAGE_CACHE_SECONDS``. Returns the ``Resource`` (with ``campaign``
    loaded) or None.
    """
    from realtime.redis_health import cache_call
    from webinar.campaigns.models import Resource

    key = hub_page_cache_key(slug=slug, resource_id=resource_id)
    resource = cache_call("hub page cache", "get", key)  # a miss while Redis is down (redis_health)
    if resource is None:
        resource = (
            Resource.objects.select_related("campaign").filter(campaign__slug=slug, pk=resource_id).first()
        )
        if resource is not None:
            cache_call("hub page cache", "set", key, resource, HUB_PAGE_CACHE_SECONDS)
    return resource


def stream_offset_label(seconds: int) -> str:
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def answered_for_registration(*, registration: Registration) -> list[dict]:
    """Questions this person asked or upvoted that a host marked answered, with the stream offset.

    Returns ``[{"question_id", "text", "asked" (bool), "upvoted" (bool), "offset_seconds" (int or None:
    seconds from the webinar going live to the answer), "offset" ("HH:MM:SS" or ""), "stream_url"}]`` in
    the order they were answered. ``stream_url`` jumps to the moment for YouTube links (``t=<s>``).
    Only published question text is shown (what everyone saw live); no other person is named.
    """
    webinar = registration.webinar
    answered = Question.objects.filter(
        webinar=webinar, status=Question.Status.PUBLISHED, answered_at__isnull=False
    ).order_by("answered_at", "id")
    upvoted = set(
        Vote.objects.filter(registration=registration, question__in=answered).values_list(
            "question_id", flat=True
        )
    )
    items = []
    for question in answered:
        asked = question.author_id == registration.pk
        if not asked and question.pk not in upvoted:
            continue
        offset = None
        if webinar.went_live_at is not None:
            offset = max(0, int((question.answered_at - webinar.went_live_at).total_seconds()))
        items.append(
            {
                "question_id": question.pk,
                "text": question.text,
                "asked": asked,
                "upvoted": question.pk in upvoted,
                "offset_seconds": offset,
                "offset": stream_offset_label(offset) if offset is not None else "",
                "stream_url": _stream_at(webinar.stream_url, offset),
            }
        )
    return items


def _stream_at(url: str, offset: int | None) -> str:
    if not url or offset is None:
        return url
    if "youtube.com/" in url or "youtu.be/" in url:
        return f"{url}{'&' if '?' in url else '?'}t={offset}s"
    return url


def pushes_latest(*, webinar_id: int):
    """The newest resource pushed into this webinar's room (shown to people who join later), or None."""
    from webinar.campaigns.models import ResourcePush

    return ResourcePush.objects.filter(webinar_id=webinar_id).select_related("resource__campaign").first()


def pushes_for_campaign(*, campaign: Campaign) -> list:
    """Every push of the campaign's resources, newest first, with its webinar and clicks."""
    from webinar.campaigns.models import ResourcePush

    return list(
        ResourcePush.objects.filter(resource__campaign=campaign).select_related("resource", "webinar")[:200]
    )


def webinars_hosted_in_campaign(*, campaign: Campaign, user) -> list[Webinar]:
    """The campaign's live webinars this user may host (the push console's choices)."""
    return [
        entry.webinar
        for entry in campaign_entries(campaign=campaign)
        if entry.webinar.status == Webinar.Status.LIVE
        and webinar_selectors.can_moderate(user=user, webinar=entry.webinar)
    ]


# --- Live polls -------------------------------------------------------------------------------------

WORD_CLOUD_TOP = 30


def poll_results(*, poll) -> dict:
    """The counted answers of ``poll`` (a ``Poll``), from ``PollVote`` rows.

    Returns ``{"poll_id", "kind", "status", "voters", "version", "counts", "average", "words"}``:
    ``voters`` every registration whose answer counts; ``counts`` votes per option index (choice
    polls; a multiple-choice voter counts once per picked option) or per rating 1–5 (index 0 is 1);
    ``average`` the mean rating to 2 decimals, half up (None without votes or for other kinds); ``words`` the
    ``WORD_CLOUD_TOP`` most frequent published words (case-folded) as ``[{"word", "count"}]``, most
    frequent first, ties alphabetical. Held and blocked words never count anywhere.
    """
    from decimal import ROUND_HALF_UP, Decimal

    from webinar.campaigns.models import Poll, PollVote

    votes = PollVote.objects.filter(poll=poll)
    counts: list[int] = []
    average = None
    words: list[dict] = []
    if poll.kind in (Poll.Kind.SINGLE, Poll.Kind.MULTIPLE):
        counts = [0] * len(poll.options)
        rows = list(votes.values_list("choices", flat=True))
        for picked in rows:
            for index in picked:
                if 0 <= index < len(counts):
                    counts[index] += 1
        voters = len(rows)
    elif poll.kind == Poll.Kind.RATING:
        counts = [0] * 5
        ratings = list(votes.exclude(rating=None).values_list("rating", flat=True))
        for rating in ratings:
            counts[rating - 1] += 1
        voters = len(ratings)
        if voters:  # half up, as people round: 21/8 is 2.63
            mean = Decimal(sum(ratings)) / Decimal(voters)
            average = float(mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    else:
        published = votes.filter(word_status=PollVote.WordStatus.PUBLISHED).values_list("word", flat=True)
        tally = Counter(word.casefold() for word in published)
        voters = sum(tally.values())
        ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0]))[:WORD_CLOUD_TOP]
        words = [{"word": word, "count": count} for word, count in ranked]
    return {
        "poll_id": poll.pk,
        "kind": poll.kind,
        "status": poll.status,
        "voters": voters,
        "version": poll.version,
        "counts": counts,
        "average": average,
        "words": words,
    }


def polls_for_webinar(*, webinar_id: int):
    """Every poll of a webinar in the hosts' order (a queryset of ``Poll``)."""
    from webinar.campaigns.models import Poll

    return Poll.objects.filter(webinar_id=webinar_id).order_by("position", "id")


def poll_open(*, webinar_id: int):
    """The webinar's open poll, or None."""
    from webinar.campaigns.models import Poll

    return Poll.objects.filter(webinar_id=webinar_id, status=Poll.Status.OPEN).first()


def poll_get(*, webinar_id: int, poll_id: int):
    """One poll of a webinar (any status), or None."""
    from webinar.campaigns.models import Poll

    return Poll.objects.filter(webinar_id=webinar_id, pk=poll_id).first()


def polls_closed(*, webinar_id: int):
    """The webinar's closed polls in the order they were closed (a queryset of ``Poll``)."""
    from webinar.campaigns.models import Poll

    return Poll.objects.filter(webinar_id=webinar_id, status=Poll.Status.CLOSED).order_by("closed_at", "id")


@dataclass
class PollWithResults:
    """A poll and its results, with each answer's label and share, for pages and the report."""

    poll: object
    results: dict
    rows: list[dict] = field(default_factory=list)


def polls_with_results(*, webinar_id: int, language: str | None = None) -> list[PollWithResults]:
    """Every poll of a webinar with ``poll_results`` and display rows ``{"label", "count", "percent"}``:
    one per choice (label in ``language``, falling back to the other), per rating 1–5, or per published
    word; ``percent`` is the share of voters (0–100, whole numbers; a multiple-choice poll's add up to
    more than 100)."""
    from webinar.campaigns.models import in_language

    out = []
    for poll in polls_for_webinar(webinar_id=webinar_id):
        results = poll_results(poll=poll)
        voters = results["voters"] or 1
        if results["words"]:
            labelled = [(w["word"], w["count"]) for w in results["words"]]
        elif poll.kind == "rating":
            labelled = [(str(value), n) for value, n in enumerate(results["counts"], start=1)]
        else:
            labelled = [
                (in_language(_OptionText(option), "text", language), n)
                for option, n in zip(poll.options, results["counts"], strict=False)
            ]
        rows = [{"label": label, "count": n, "percent": round(100 * n / voters)} for label, n in labelled]
        out.append(PollWithResults(poll=poll, results=results, rows=rows))
    return out


class _OptionText:
    """A poll choice (``{"en", "ms"}``) as ``in_language`` reads it (``text_en`` / ``text_ms``)."""

    def __init__(self, option: dict):
        self.text_en, self.text_ms = option.get("en", ""), option.get("ms", "")


def resource_push_get(*, slug: str, push_id: int):
    """The pushed card ``push_id`` of campaign ``slug`` with its resource, or ``None``."""
    from webinar.campaigns.models import ResourcePush

    return (
        ResourcePush.objects.select_related("resource__campaign")
        .filter(pk=push_id, resource__campaign__slug=slug)
        .first()
    )
