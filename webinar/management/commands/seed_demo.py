"""Load the demo: an organiser, a host, attendees and one live webinar, and print how to sign in."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import user_create
from webinar.campaigns.demo import campaign_demo_seed
from webinar.models import Registration, Webinar, WebinarRole
from webinar.services.lifecycle import webinar_create, webinar_transition
from webinar.services.notifications import join_url
from webinar.services.questions import question_submit
from webinar.services.registration import registration_create

DEMO_PASSWORD = "dewan-demo-2026"  # noqa: S105 - printed for the demo on purpose  # nosec B105
SLUG = "selamat-online"
# The live webinar's attendees, each with an account (signed in with DEMO_PASSWORD) and a registration.
# `make run` prints a sign-in line for each, from this one list (README.md, "Two commands").
ATTENDEES = [
    ("aisyah@dewan.demo", "Aisyah", "ms"),
    ("wei.jie@dewan.demo", "Wei Jie", "en"),
    ("priya@dewan.demo", "Priya", "en"),
]


class Command(BaseCommand):
    help = (
        "Create (once) the demo webinar with its organiser, host and attendees. "
        "--reset first empties the whole database (development only, DEBUG on), then loads the demo afresh."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="empty the database (every table, not only the demo's) before loading the demo; DEBUG only",
        )

    def handle(self, *args, **options):
        if options["reset"]:
            if not settings.DEBUG:
                raise CommandError("--reset empties the whole database: refused unless DEBUG is on.")
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write("Database emptied; loading the demo afresh.")
        # The demo's own confirmation e-mails would flood the console; keep them in memory.
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        with transaction.atomic():
            webinar = Webinar.objects.filter(slug=SLUG).first() or self._create()
            campaign = campaign_demo_seed(
                organiser=User.objects.get(email="organiser@dewan.demo"),
                host=User.objects.get(email="host@dewan.demo"),
                live_webinar=webinar,
            )
        site = settings.SITE_URL
        lines = [
            "",
            "Dewan demo is ready.",
            f"  Webinar page:   {site}/w/{webinar.slug}/",
            f"  Organiser:      organiser@dewan.demo / {DEMO_PASSWORD}  → {site}/w/{webinar.slug}/manage/",
            f"  Host:           host@dewan.demo / {DEMO_PASSWORD}  → {site}/w/{webinar.slug}/host/",
            *(
                f"  Attendee:       {email} / {DEMO_PASSWORD}  → {site}/w/{webinar.slug}/live/"
                for email, _name, _language in ATTENDEES
            ),
            f"  Admin:          admin@dewan.demo / {DEMO_PASSWORD}  → {site}/admin/",
            f"  Campaign:       {site}/c/{campaign.slug}/  (organiser: {site}/c/{campaign.slug}/manage/)",
            "  Join links (no password needed):",
        ]
        for registration in webinar.registrations.filter(status=Registration.Status.CONFIRMED)[:3]:
            lines.append(f"    {registration.name}: {join_url(registration)}")
        self.stdout.write("\n".join(lines) + "\n")

    def _user(self, email: str, name: str, **extra) -> User:
        existing = User.objects.filter(email=email).first()
        # Demo addresses cannot receive mail: they start verified, as if their owners had opened the link.
        extra.setdefault("email_verified_at", timezone.now())
        return existing or user_create(email=email, password=DEMO_PASSWORD, display_name=name, **extra)

    def _create(self) -> Webinar:
        self._user("admin@dewan.demo", "Admin", is_staff=True, is_superuser=True)
        organiser = self._user("organiser@dewan.demo", "Nurul (Organiser)")
        host = self._user("host@dewan.demo", "Dr. Farah (Host)")
        now = timezone.now()
        webinar = webinar_create(
            organiser=organiser,
            slug=SLUG,
            title="Selamat Online: keeping teens safe on social media",
            title_ms="Selamat Online: melindungi remaja di media sosial",
            description=(
                "A live conversation with mental-health professionals and creators about cyberbullying, "
                "scams and wellbeing online. Ask your questions in English or Bahasa Malaysia."
            ),
            # What a Malay reader sees (Webinar.shown_title, shown_description): the demo is walked in both.
            description_ms=(
                "Perbualan secara langsung bersama pakar kesihatan mental dan pencipta kandungan "
                "tentang buli siber, penipuan dan kesejahteraan dalam talian. Tanyakan soalan anda "
                "dalam Bahasa Malaysia atau bahasa Inggeris."
            ),
            speakers="Dr. Farah Hassan, clinical psychologist\nAmir Khan, creator",
            starts_at=now - timedelta(minutes=5),
            ends_at=now + timedelta(hours=2),
            capacity=500,
            stream_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            custom_questions=[
                {
                    "key": "school",
                    "label": "School or organisation",
                    "label_ms": "Sekolah atau organisasi",
                    "required": False,
                }
            ],
        )
        WebinarRole.objects.create(webinar=webinar, user=host, role=WebinarRole.Role.HOST)
        webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.SCHEDULED)
        for email, name, language in ATTENDEES:
            user = self._user(email, name, language=language)
            registration_create(
                webinar=webinar, name=name, email=email, consent=True, language=language, user=user
            )
        webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.LIVE)
        self._ask(webinar)
        return webinar

    def _ask(self, webinar: Webinar) -> None:
        """A few questions so the live page is not empty; they go through screening like any other."""
        samples = [
            ("wei.jie@dewan.demo", "How can we tell a scam account that DMs teenagers from a real one?"),
            ("priya@dewan.demo", "Apa patut ibu bapa buat kalau anak kena buli siber dalam group chat?"),
            ("wei.jie@dewan.demo", "Can or not report cyberbullying anonymously? My cousin scared."),
        ]
        for n, (email, text) in enumerate(samples):
            registration = webinar.registrations.get(email=email)
            question_submit(
                webinar_id=webinar.pk, registration_id=registration.pk, client_key=f"demo-{n}", text=text
            )
