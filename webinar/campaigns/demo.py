"""The demo campaign for ``make run`` (called by ``manage.py seed_demo``): every campaign feature at once.

"Think Twice / Fikir Dua Kali": the demo's live webinar, an ended one with its report, an upcoming one,
partners, a pledge with takers from three universities, a resource hub with counted visits, and the
transparency report published. Everything goes through the services, as an organiser's clicks would.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from webinar.campaigns.models import Campaign
from webinar.campaigns.services.campaigns import PartnerInput, campaign_save
from webinar.campaigns.services.hub import hub_counts_flush, resource_create, resource_visit_record
from webinar.campaigns.services.pledges import pledge_save, pledge_take
from webinar.campaigns.services.transparency import transparency_set
from webinar.models import AttendanceSession, Webinar, WebinarRole
from webinar.services.lifecycle import webinar_create, webinar_transition
from webinar.services.moderation import question_answer, question_approve, question_reject
from webinar.services.questions import question_submit, vote_set
from webinar.services.registration import registration_create

SLUG = "think-twice"
ATTENDEES = [
    ("aisyah@dewan.demo", "Aisyah", "ms"),
    ("wei.jie@dewan.demo", "Wei Jie", "en"),
    ("priya@dewan.demo", "Priya", "en"),
    ("hafiz@dewan.demo", "Hafiz", "ms"),
    ("mei.ling@dewan.demo", "Mei Ling", "en"),
]


def campaign_demo_seed(*, organiser, host, live_webinar: Webinar) -> Campaign:
    """Create the demo campaign once (returns the existing one on a second run)."""
    existing = Campaign.objects.filter(slug=SLUG).first()
    if existing is not None:
        return existing
    now = timezone.now()
    ended = _ended_webinar(organiser=organiser, host=host, now=now)
    upcoming = webinar_create(
        organiser=organiser,
        title="Hate speech, the law and you / Ucapan kebencian, undang-undang dan anda",
        description="What counts as hate speech in Malaysia, and how to report it.",
        starts_at=now + timedelta(days=7),
        ends_at=now + timedelta(days=7, hours=1, minutes=30),
    )
    webinar_transition(webinar=upcoming, actor=organiser, to=Webinar.Status.SCHEDULED)
    campaign = campaign_save(
        actor=organiser,
        fields={
            "title": "Think Twice / Fikir Dua Kali",
            "hashtag": "ThinkTwice",
            "description_en": (
                "A digital-literacy campaign for students: three livestream webinars on scams, "
                "cyberbullying and hate speech, a pledge, and a hub of resources."
            ),
            "description_ms": (
                "Kempen literasi digital untuk pelajar: tiga webinar secara langsung tentang penipuan, "
                "buli siber dan ucapan kebencian, satu ikrar, dan hab sumber."
            ),
            "starts_on": (now - timedelta(days=14)).date(),
            "ends_on": (now + timedelta(days=30)).date(),
            "organisers": "Dewan Digital Literacy Team\nMajlis Belia Malaysia (demo)",
            "published": True,
            "transparency_public": True,
        },
        partners=[
            PartnerInput(name="Befrienders KL", link="https://www.befrienders.org.my"),
            PartnerInput(name="CyberSecurity Malaysia", link="https://www.cybersecurity.my"),
            PartnerInput(
                name="Universiti Teknologi MARA",
                logo_url="https://upload.wikimedia.org/wikipedia/commons/2/2f/UiTM_logo.svg",
                link="https://uitm.edu.my",
            ),
        ],
        webinar_ids=[ended.pk, live_webinar.pk, upcoming.pk],
        slug=SLUG,
    )
    transparency_set(campaign=campaign, actor=organiser, campaign_public=True, public_webinar_ids=[ended.pk])
    _pledge(campaign=campaign, organiser=organiser)
    _hub(campaign=campaign, organiser=organiser)
    return campaign


def _ended_webinar(*, organiser, host, now) -> Webinar:
    webinar = webinar_create(
        organiser=organiser,
        title="Spot the scam / Kenali penipuan",
        description="How scams reach students on social media, and what to do.",
        starts_at=now - timedelta(days=7),
        ends_at=now - timedelta(days=7) + timedelta(hours=1),
    )
    WebinarRole.objects.create(webinar=webinar, user=host, role=WebinarRole.Role.HOST)
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.SCHEDULED)
    registrations = [
        registration_create(webinar=webinar, name=name, email=email, consent=True, language=language)
        for email, name, language in ATTENDEES
    ]
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.LIVE)
    texts = [
        "How do I know if a job offer on Telegram is a scam?",
        "Kalau dah transfer duit kepada scammer, boleh dapat balik tak?",
        "Contact me at 012-3456789 for cheap followers",  # screening holds it
        "Is it safe to click links from bank SMS?",
    ]
    for n, (registration, text) in enumerate(zip(registrations, texts, strict=False)):
        question = question_submit(
            webinar_id=webinar.pk, registration_id=registration.pk, client_key=f"demo-ended-{n}", text=text
        ).question
        moderate = {"actor": host, "webinar_id": webinar.pk, "question_id": question.pk}
        if question.status == "held":
            question_reject(**moderate, reason="Advertising")
            continue
        if question.status != "published":
            question_approve(**moderate)
        vote_set(
            webinar_id=webinar.pk, registration_id=registrations[-1].pk, question_id=question.pk, value=True
        )
        if n % 2 == 0:
            question_answer(**moderate)
    start = timezone.now()
    for n, registration in enumerate(registrations[:4]):
        AttendanceSession.objects.create(
            webinar=webinar,
            registration=registration,
            viewer_key=f"r{registration.pk}",
            joined_at=start,
            last_seen_at=start + timedelta(minutes=20 + 10 * n),
        )
    return webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)


def _pledge(*, campaign: Campaign, organiser) -> None:
    pledge = pledge_save(
        campaign=campaign,
        actor=organiser,
        text_en="I will think twice before I share, and I will report hate and scams when I see them.",
        text_ms=(
            "Saya akan fikir dua kali sebelum berkongsi, dan melaporkan kebencian serta penipuan "
            "apabila melihatnya."
        ),
        ask_institution=True,
        institution_required=False,
        open=True,
    )
    takers = [("UiTM Shah Alam", 5), ("Universiti Malaya", 4), ("Universiti Sains Malaysia", 3)]
    n = 0
    for institution, count in takers:
        for _ in range(count):
            n += 1
            pledge_take(
                pledge=pledge,
                name=f"Student {n}",
                email=f"student{n}@students.dewan.demo",
                institution=institution,
                consent=True,
                method="email",
            )
    pledge_take(
        pledge=pledge,
        name="Aisyah",
        email="aisyah@dewan.demo",
        institution="UiTM Shah Alam",
        consent=True,
        method="account",
        language="ms",
    )


def _hub(*, campaign: Campaign, organiser) -> None:
    resources = [
        {
            "kind": "helpline",
            "title_en": "Befrienders KL: 03-7627 2929 (24 hours)",
            "title_ms": "Befrienders KL: 03-7627 2929 (24 jam)",
            "url": "https://www.befrienders.org.my",
            "body_en": "Someone to talk to, any time.",
            "body_ms": "Seseorang untuk diajak berbual, bila-bila masa.",
            "topics": ["mental_health", "cyberbullying"],
        },
        {
            "kind": "guide",
            "title_en": "How to report a scam (NSRC 997)",
            "title_ms": "Cara melaporkan penipuan (NSRC 997)",
            "body_en": "Lost money? Call the National Scam Response Centre at 997 at once.",
            "body_ms": "Kehilangan wang? Hubungi Pusat Respons Scam Kebangsaan di talian 997 segera.",
            "topics": ["scams"],
        },
        {
            "kind": "article",
            "title_en": "Checking a viral claim in five minutes",
            "title_ms": "Semak dakwaan tular dalam lima minit",
            "url": "https://sebenarnya.my",
            "body_en": "Reverse image search, the source, the date.",
            "body_ms": "Carian imej terbalik, sumber, tarikh.",
            "topics": ["misinformation"],
        },
        {
            "kind": "guide",
            "title_en": "Reporting hate speech on TikTok and Instagram",
            "title_ms": "Melaporkan ucapan kebencian di TikTok dan Instagram",
            "body_en": "Long-press the comment, choose Report, pick Hate speech.",
            "body_ms": "Tekan lama komen, pilih Laporkan, pilih Ucapan kebencian.",
            "topics": ["hate_speech"],
        },
        {
            "kind": "video",
            "title_en": "When the group chat turns on you",
            "title_ms": "Apabila kumpulan sembang menyerang anda",
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "topics": ["cyberbullying", "mental_health"],
        },
    ]
    created = [resource_create(campaign=campaign, actor=organiser, **fields) for fields in resources]
    for n in range(60):  # a few counted visits, so the organiser's hub page shows figures
        resource_visit_record(
            resource=created[n % len(created)], client_ip=f"203.0.113.{n % 23}", user_agent="demo"
        )
    hub_counts_flush()
