"""Campaigns: a series of webinars with partners, a pledge, a resource hub and public figures.

Models hold data and constraints only; every change goes through ``webinar/campaigns/services/``.
Texts people read come in English and Bahasa Malaysia (``*_en`` / ``*_ms``); pages pick the viewer's
language and fall back to the other one when a text is missing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from webinar.models import Webinar


def in_language(obj, field: str, language: str | None = None) -> str:
    """``obj.<field>_<lang>`` for the viewer's language, else the other language's text."""
    language = (language or get_language() or "en")[:2]
    first, second = ("ms", "en") if language == "ms" else ("en", "ms")
    return getattr(obj, f"{field}_{first}", "") or getattr(obj, f"{field}_{second}", "")


class Campaign(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    hashtag = models.CharField(_("hashtag"), max_length=60, blank=True, help_text=_("Without the #."))
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ms = models.TextField(_("description (Bahasa Malaysia)"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    organisers = models.TextField(_("organisers"), blank=True, help_text=_("One organisation per line."))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_campaigns"
    )
    published = models.BooleanField(_("public page visible"), default=False)
    transparency_public = models.BooleanField(_("publish the transparency report"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def organiser_list(self) -> list[str]:
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]


class Partner(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=120)
    logo_url = models.URLField(_("logo URL"), blank=True)
    link = models.URLField(_("link"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class CampaignWebinar(models.Model):
    """A webinar's place in a campaign (a webinar belongs to at most one campaign)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="entries")
    webinar = models.OneToOneField(Webinar, on_delete=models.CASCADE, related_name="campaign_entry")
    position = models.PositiveIntegerField(default=0)
    transparency_public = models.BooleanField(_("publish this webinar's transparency report"), default=False)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.webinar} in {self.campaign}"


class Pledge(models.Model):
    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="pledge")
    text_en = models.TextField(_("pledge (English)"), blank=True)
    text_ms = models.TextField(_("pledge (Bahasa Malaysia)"), blank=True)
    ask_institution = models.BooleanField(_("ask for an institution"), default=False)
    institution_required = models.BooleanField(_("institution required"), default=False)
    open = models.BooleanField(_("open for pledges"), default=True)

    def __str__(self) -> str:
        return f"Pledge of {self.campaign}"


class PledgeTaker(models.Model):
    class Method(models.TextChoices):
        EMAIL = "email", _("E-mail link")
        ACCOUNT = "account", _("Signed in")

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="takers")
    email = models.EmailField()
    name = models.CharField(max_length=120)
    institution = models.CharField(max_length=160, blank=True)
    # Case- and space-folded institution, so "UiTM  shah alam" and "UiTM Shah Alam" rank together.
    institution_key = models.CharField(max_length=160, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=5, default="en")
    method = models.CharField(max_length=8, choices=Method.choices)
    consent_given_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["pledge", "email"], name="uniq_pledge_taker_email")]
        indexes = [models.Index(fields=["pledge", "institution_key"])]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class Resource(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        VIDEO = "video", _("Video")
        PDF = "pdf", _("PDF")
        HELPLINE = "helpline", _("Helpline")
        GUIDE = "guide", _("How to report")

    class Topic(models.TextChoices):
        HATE_SPEECH = "hate_speech", _("Hate speech")
        CYBERBULLYING = "cyberbullying", _("Cyberbullying")
        MISINFORMATION = "misinformation", _("Misinformation")
        SCAMS = "scams", _("Scams")
        MENTAL_HEALTH = "mental_health", _("Mental health")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_ms = models.CharField(_("title (Bahasa Malaysia)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_ms = models.TextField(_("text (Bahasa Malaysia)"), blank=True)
    url = models.URLField(_("link"), blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title_en or self.title_ms

    @property
    def topic_labels(self) -> list[str]:
        labels = dict(self.Topic.choices)
        return [str(labels[t]) for t in self.topics if t in labels]


class ResourceDailyStats(models.Model):
    """Visits and unique visitors of one resource on one day (Asia/Kuala_Lumpur), flushed from counters.

    Visits are added by each flush (a delta); uniques are replaced by the day's HyperLogLog count, which
    only grows. Uniques are per day by design: the client hash's salt changes daily (docs/privacy-hub.md).
    """

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="daily_stats")
    day = models.DateField()
    visits = models.PositiveBigIntegerField(default=0)
    uniques = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["resource", "day"], name="uniq_resource_day")]

    def __str__(self) -> str:
        return f"{self.resource_id} on {self.day}: {self.visits}"


class HubVisitor(models.Model):
    """A known person (registered in the campaign) who opened the hub: one row per person, for the funnel."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="hub_visitors")
    email = models.EmailField()
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "email"], name="uniq_hub_visitor")]

    def __str__(self) -> str:
        return self.email


class AnswerNotice(models.Model):
    """One person's "your question was answered" e-mail for one webinar: claimed once, sent at most once."""

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="answer_notices")
    registration = models.OneToOneField(
        "webinar.Registration", on_delete=models.CASCADE, related_name="answer_notice"
    )
    questions = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"answer notice for {self.registration_id}"


class ResourcePush(models.Model):
    """A hub resource a host pushed into a webinar's live room ("a link from the hosts"), and its clicks."""

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="resource_pushes")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="pushes")
    pushed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pushed_at = models.DateTimeField(auto_now_add=True)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-pushed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.resource} in {self.webinar}"


class Poll(models.Model):
    """A live poll a webinar's hosts prepare before the event, then launch and close during it.

    ``options`` holds the choices of a single- or multiple-choice poll as ``[{"en": ..., "ms": ...}]``
    (empty for a rating 1–5 or a word cloud). ``version`` grows with every counted vote so a results
    message can be coalesced and a late one dropped (like question votes).
    """

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RATING = "rating", _("Rating 1–5")
        WORDS = "words", _("Word cloud")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Prepared")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="polls")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    question_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    question_ms = models.CharField(_("question (Bahasa Malaysia)"), max_length=300, blank=True)
    options = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["webinar"], condition=models.Q(status="open"), name="one_open_poll_per_webinar"
            )
        ]

    def __str__(self) -> str:
        return in_language(self, "question")


class PollVote(models.Model):
    """One registration's answer to one poll (at most one; ``client_key`` makes a resend a no-op).

    ``choices`` holds option indexes (single/multiple), ``rating`` 1–5, ``word`` a word-cloud entry;
    a word counts only when screening published it (``word_status``).
    """

    class WordStatus(models.TextChoices):
        NONE = "", _("Not a word")
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held by screening")
        BLOCKED = "blocked", _("Blocked by screening")

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    registration = models.ForeignKey(
        "webinar.Registration", on_delete=models.CASCADE, related_name="poll_votes"
    )
    client_key = models.CharField(max_length=64)
    choices = models.JSONField(default=list, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    word = models.CharField(max_length=40, blank=True)
    word_status = models.CharField(max_length=10, choices=WordStatus.choices, blank=True, default="")
    screening_categories = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "registration"], name="one_vote_per_poll"),
        ]

    def __str__(self) -> str:
        return f"vote {self.pk} on poll {self.poll_id}"
