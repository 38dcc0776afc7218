"""Dewan's domain: webinars, registrations, questions, votes, the event log, audit, attendance, reports.

Models hold data and constraints only. Every change goes through a service in
``webinar/services/``; see docs/architecture.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices


class Webinar(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        LIVE = "live", _("Live")
        ENDED = "ended", _("Ended")
        CANCELLED = "cancelled", _("Cancelled")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # What attendees read, in Bahasa Malaysia too when the organiser gives it (else the text above).
    title_ms = models.CharField(_("title in Bahasa Malaysia"), max_length=200, blank=True)
    description_ms = models.TextField(_("description in Bahasa Malaysia"), blank=True)
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One speaker per line."))
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organised_webinars"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(_("time zone"), max_length=64, default="Asia/Kuala_Lumpur")
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waitlist_enabled = models.BooleanField(_("waitlist when full"), default=True)
    languages = models.CharField(_("languages"), max_length=40, default="en,ms")
    registration_open = models.BooleanField(_("registration open"), default=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    stream_url = models.URLField(_("stream URL"), blank=True)
    custom_questions = models.JSONField(
        _("custom registration questions"),
        default=list,
        blank=True,
        help_text=_('A list of {"key": ..., "label": ..., "required": true/false}.'),
    )

    # Live Q&A controls, changed by hosts through services.
    questions_paused = models.BooleanField(default=False)
    slow_mode_seconds = models.PositiveIntegerField(default=0)

    # Per-webinar event sequence numbers (see docs/protocol.md): one stream everyone
    # sees, one only hosts see. Allocated under a row lock in realtime events.
    last_public_seq = models.BigIntegerField(default=0)
    last_staff_seq = models.BigIntegerField(default=0)

    went_live_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The calendar file's SEQUENCE (RFC 5545): raised each time registrants are sent a changed event.
    calendar_sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        """The title in the active language: the Malay one for a Malay reader when given."""
        return _in_language(self.title, self.title_ms)

    @property
    def shown_description(self) -> str:
        return _in_language(self.description, self.description_ms)

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


def _in_language(default: str, malay: str) -> str:
    """Organiser content in the reader's language: ``malay`` for ``ms`` readers when non-empty."""
    return malay if malay and (get_language() or "").startswith("ms") else default


class WebinarRole(models.Model):
    """A user's role on one webinar beyond attending. The owner is ``Webinar.organiser``."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        HOST = "host", _("Host")

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webinar_roles")
    role = models.CharField(max_length=12, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["webinar", "user", "role"], name="uniq_webinar_role")]

    def __str__(self) -> str:
        return f"{self.user} {self.role} of {self.webinar}"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        CANCELLED = "cancelled", _("Cancelled")

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=5, choices=language_choices, default="en")
    answers = models.JSONField(default=dict, blank=True)
    consent_given_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status.choices)
    # Part of the join-link signature: rotating it revokes every link sent so far.
    join_secret = models.CharField(max_length=32)
    muted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    # Which e-mail went out for which occasion ({kind: occasion}), written under this row's lock by
    # the sending task, so a task that runs twice sends once (services/notifications.py).
    emails_sent = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(Lower("email"), "webinar", name="uniq_registration_webinar_email"),
        ]
        indexes = [models.Index(fields=["webinar", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}> ({self.status})"


class ScreeningSettings(models.Model):
    """Per-webinar screening policy, like TikTok's Comment Care (see webinar/screening)."""

    class Strictness(models.TextChoices):
        RELAXED = "relaxed", _("Relaxed")
        STANDARD = "standard", _("Standard")
        STRICT = "strict", _("Strict")

    class LinkPolicy(models.TextChoices):
        ALLOW = "allow", _("Allow links")
        HOLD = "hold", _("Hold questions with links")
        BLOCK = "block", _("Block questions with links")

    webinar = models.OneToOneField(Webinar, on_delete=models.CASCADE, related_name="screening_settings")
    strictness = models.CharField(max_length=10, choices=Strictness.choices, default=Strictness.STANDARD)
    blocked_terms = models.TextField(_("blocked words and phrases"), blank=True, help_text=_("One per line."))
    allowed_terms = models.TextField(_("always allowed words"), blank=True, help_text=_("One per line."))
    link_policy = models.CharField(max_length=8, choices=LinkPolicy.choices, default=LinkPolicy.HOLD)
    # Links to trusted sites publish under "hold" and "block" (docs/screening.md, "Links and trusted sites").
    trust_listed_sites = models.BooleanField(_("publish links to public-service sites"), default=True)
    trusted_sites = models.TextField(_("your trusted sites"), blank=True, help_text=_("One per line."))
    hold_all = models.BooleanField(_("hold every question for a host"), default=False)
    hold_first_time = models.BooleanField(_("hold first-time askers"), default=False)
    # A rehearsal: screen and annotate every question but publish it (self-harm still goes to care).
    shadow_mode = models.BooleanField(_("shadow mode (screen and annotate, hold nothing)"), default=False)
    category_actions = models.JSONField(
        default=dict, blank=True, help_text=_('Overrides per category, e.g. {"profanity": "block"}.')
    )
    care_resources = models.TextField(
        _("support resources shown to people in distress"),
        blank=True,
        # Unchanged, it is shown translated (representations.care_resources_in): gettext_noop marks it
        # for the catalogue and keeps the stored default (and the migrations) as they are.
        default=gettext_noop(
            "Befrienders Kuala Lumpur: 03-7627 2929 (24 hours), befrienders.org.my\n"
            "Talian HEAL 15555 (Ministry of Health Malaysia)\n"
            "Emergency: 999"
        ),
    )
    care_resources_ms = models.TextField(
        _("support resources in Bahasa Malaysia"),
        blank=True,
        help_text=_("Shown to Malay readers instead of the resources above; leave empty to use those."),
    )

    def __str__(self) -> str:
        return f"Screening for {self.webinar}"


class Question(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting screening")
        # Published by the first stage, waiting for the second (docs/screening.md, "Second stage"): seen only
        # by its author and the hosts until a task publishes or holds it.
        CHECKING = "checking", _("Being checked")
        HELD = "held", _("Held for a host")
        CARE = "care", _("Held for care")
        BLOCKED = "blocked", _("Blocked")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged")
        WITHDRAWN = "withdrawn", _("Withdrawn by its author")

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    author_name = models.CharField(max_length=120, blank=True)
    anonymous = models.BooleanField(default=False)
    text = models.TextField()
    original_text = models.TextField(blank=True, help_text=_("The text as submitted, before a host edit."))
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    client_key = models.CharField(max_length=64)

    screening = models.JSONField(default=dict, blank=True)
    screening_action = models.CharField(max_length=8, blank=True)
    screening_categories = models.JSONField(default=list, blank=True)
    review_requested_at = models.DateTimeField(null=True, blank=True)

    pinned = models.BooleanField(default=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    vote_count = models.PositiveIntegerField(default=0)
    # Bumped with every vote change, so receivers that coalesce tallies keep the newest one.
    vote_version = models.PositiveIntegerField(default=0)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_questions"
    )
    reject_reason = models.CharField(max_length=300, blank=True)
    # Care items (self-harm signals) stay private for good: the flag outlives any status change, and the
    # database refuses a published or merged care item (docs/protocol.md, "Care items").
    care = models.BooleanField(default=False)
    care_handled_at = models.DateTimeField(null=True, blank=True)
    care_reply = models.TextField(
        blank=True, help_text=_("A host's private reply, shown only to the author.")
    )
    care_replied_at = models.DateTimeField(null=True, blank=True)
    # Personal-data categories masked when a host published the question anyway (original_text keeps the
    # submitted text for hosts); empty once a host edits the text.
    masked = models.JSONField(default=list, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The text's theme phrases (concept key -> the wording used), derived from ``text`` whenever it is saved
    # (``save`` below), so a report counts them in the database instead of tokenising every question
    # (webinar/reports/themes.py). ``theme_phrases_version`` is the tokeniser's fingerprint they came from;
    # 0 means not computed (rows written by ``bulk_create``/``update``): the next report computes those.
    theme_phrases = models.JSONField(null=True, blank=True, editable=False)
    theme_phrases_version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["webinar", "author", "client_key"], name="uniq_question_client_key"
            ),
            models.UniqueConstraint(fields=["webinar"], condition=Q(pinned=True), name="one_pinned_question"),
            models.CheckConstraint(
                condition=Q(care=False) | ~Q(status__in=["published", "merged"]) & Q(pinned=False),
                name="care_never_public",
            ),
        ]
        indexes = [
            models.Index(fields=["webinar", "status"]),
            models.Index(fields=["webinar", "author", "created_at"]),
            # The sweep of every webinar's checking questions (webinar/services/checking.py), every few
            # seconds in each process: only the few waiting rows are indexed.
            models.Index(
                fields=["created_at"], condition=Q(status="checking"), name="question_checking_since"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def save(self, *args, **kwargs):
        """Keep ``theme_phrases`` describing ``text``: recomputed whenever the text is saved."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "text" in update_fields:
            from webinar.reports.themes import phrases_version, question_phrases

            self.theme_phrases = question_phrases(self.text)
            self.theme_phrases_version = phrases_version()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "theme_phrases", "theme_phrases_version"}
        super().save(*args, **kwargs)


class Vote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "registration"], name="uniq_vote")]

    def __str__(self) -> str:
        return f"vote {self.registration_id} → {self.question_id}"


class WebinarEvent(models.Model):
    """The durable event log behind the websocket: clients resume from a sequence number.

    ``public`` events reach everyone; ``staff`` events reach hosts only (held questions,
    screening verdicts). Each stream has its own gap-free sequence per webinar.
    """

    class Stream(models.TextChoices):
        PUBLIC = "public"
        STAFF = "staff"

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="events")
    stream = models.CharField(max_length=8, choices=Stream.choices)
    seq = models.BigIntegerField()
    type = models.CharField(max_length=40)
    payload = models.JSONField()
    # The question an event is about: when that question changes, its earlier events are rewritten to the
    # present (webinar/services/events.py), so a replay never shows text that is gone.
    subject_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["webinar", "stream", "seq"], name="uniq_event_seq"),
        ]
        indexes = [models.Index(fields=["webinar", "subject_id"], name="event_subject")]

    def __str__(self) -> str:
        return f"{self.stream} #{self.seq} {self.type}"


class AuditEntry(models.Model):
    """Append-only record of moderation and role changes, written in the same transaction."""

    webinar = models.ForeignKey(
        Webinar, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=40)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are append-only.")


class AttendanceSession(models.Model):
    """One continuous stretch of watching; reconnects within a short gap extend it."""

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="attendance_sessions")
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendance_sessions"
    )
    viewer_key = models.CharField(max_length=64)
    language = models.CharField(max_length=5, blank=True)
    joined_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["webinar", "viewer_key", "last_seen_at"]),
            # The sessions still open: the sampler's and the report's reads of them skip the closed ones.
            models.Index(fields=["webinar"], condition=Q(left_at__isnull=True), name="attendance_open"),
        ]

    def __str__(self) -> str:
        return f"{self.viewer_key} from {self.joined_at:%H:%M:%S}"

    @property
    def watch_seconds(self) -> float:
        end = self.left_at or self.last_seen_at
        return max(0.0, (end - self.joined_at).total_seconds())


class AttendanceRollup(models.Model):
    """One viewer's attendance sessions in a webinar, rolled up: what the report groups per viewer.

    Derived, never edited by hand: ``services.attendance.attendance_rollups_refresh`` recomputes a viewer's
    row from its sessions in the same transaction as every write that changes them (the sampler opening,
    closing or reopening a session; erasure re-keying them), so it equals the sessions' aggregate after
    any crash. ``sessions``, ``first_joined``, the registration ids and ``languages`` cover every session;
    ``closed_watch`` and ``last_left`` cover the closed ones only, so extending an open session every tick
    never touches this row: a reader adds the open sessions itself (``selectors.attendance``).
    ``languages`` is a set of bits, one per language in ``selectors.attendance.language_bits()`` (built
    from ``settings.LANGUAGES``: after changing those, refresh every webinar's rollups).
    """

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="attendance_rollups")
    viewer_key = models.CharField(max_length=64)
    sessions = models.PositiveIntegerField()
    closed_watch = models.DurationField(help_text=_("Sum of the closed sessions' leave minus join."))
    first_joined = models.DateTimeField()
    last_left = models.DateTimeField(null=True, blank=True)
    registration_low = models.BigIntegerField(null=True, blank=True)
    registration_high = models.BigIntegerField(null=True, blank=True)
    languages = models.BigIntegerField()

    # The totals a rollup keeps per viewer, in the order ``attendance_rollups_refresh`` computes them.
    TOTALS = (
        "sessions",
        "closed_watch",
        "first_joined",
        "last_left",
        "registration_low",
        "registration_high",
        "languages",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["webinar", "viewer_key"], name="attendance_rollup_viewer")
        ]

    def __str__(self) -> str:
        return f"{self.viewer_key}: {self.sessions} sessions"


class AttendanceSample(models.Model):
    """The concurrent-viewer count, sampled every few seconds while live."""

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="attendance_samples")
    at = models.DateTimeField()
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["at"]
        indexes = [models.Index(fields=["webinar", "at"])]

    def __str__(self) -> str:
        return f"{self.count} at {self.at:%H:%M:%S}"


class Report(models.Model):
    """The organiser's post-event report, built by a Celery task (status machine under a row lock)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Queued")
        RUNNING = "running", _("Being generated")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    webinar = models.OneToOneField(Webinar, on_delete=models.CASCADE, related_name="report")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=80, blank=True)
    data = models.JSONField(default=dict, blank=True)
    charts = models.JSONField(default=dict, blank=True, help_text=_("Chart name to SVG text."))
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Report for {self.webinar} ({self.status})"


class OutboxEntry(models.Model):
    """Work a change promised to do after its commit (an e-mail to a registrant, a rebuild of the report,
    the fan-out of a webinar-wide e-mail to every registrant), written in the same transaction as the
    change (webinar/services/outbox.py).

    The on-commit task does the work and stamps ``done_at``; if the process dies between the commit and
    the queueing, or the broker loses the task, the entry stays open and the outbox sweep queues it again
    once ``due_at`` passes (bounded attempts, backoff). docs/reliability.md, "Work promised on commit".
    """

    class Topic(models.TextChoices):
        EMAIL = "email", "registration e-mail"
        REPORT = "report", "report build"
        # A webinar-wide e-mail (``kind`` rescheduled or webinar_cancelled, ``occasion`` its calendar
        # sequence) owed to every registrant: expanded into one EMAIL entry per registrant.
        FANOUT = "fanout", "registrant-wide e-mail"

    topic = models.CharField(max_length=10, choices=Topic.choices)
    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=40, blank=True)  # the e-mail's kind (notifications.SUBJECTS)
    occasion = models.CharField(max_length=64, blank=True)  # the e-mail's occasion ("" for a report)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the sweep may queue it (again): the on-commit task's grace, then the backoff after each try.
    due_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)  # how many times the sweep queued it
    done_at = models.DateTimeField(null=True, blank=True)
    # "sent", "built", "expanded" (a fan-out's e-mail entries written), "failed" (the report build failed
    # for good), "superseded" (no longer needed) or "gave_up" (after the last attempt; logged as an error).
    outcome = models.CharField(max_length=12, blank=True)
    error = models.TextField(blank=True)  # the last failure to queue or run it

    class Meta:
        indexes = [
            models.Index(fields=["due_at"], condition=Q(done_at__isnull=True), name="outbox_open_due"),
            models.Index(fields=["registration", "kind", "occasion"], name="outbox_email"),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.kind} for webinar {self.webinar_id} ({self.outcome or 'open'})"
