"""The demo campaign for ``make run`` (called by ``manage.py seed_demo``): every campaign feature at once.

"Think Twice / Fikir Dua Kali": the demo's live webinar, an ended one with its report, an upcoming one,
partners, a pledge with takers from three universities, a resource hub with counted visits, live polls
(on the live webinar: one open with votes, one closed with its results, one draft still to launch; on the
ended webinar: results in its report), and the transparency report published. Everything goes through the
services, as an organiser's clicks would.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from webinar.campaigns.models import Campaign
from webinar.campaigns.services.campaigns import PartnerInput, campaign_save
from webinar.campaigns.services.hub import hub_counts_flush, resource_create, resource_visit_record
from webinar.campaigns.services.pledges import pledge_save, pledge_take
from webinar.campaigns.services.polls import poll_close, poll_create, poll_launch, poll_vote
from webinar.campaigns.services.transparency import transparency_set
from webinar.models import AttendanceSession, Registration, Webinar, WebinarRole
from webinar.services.attendance import attendance_rollups_refresh
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
            # No logo: the demo must render offline, and a remote image is a request to a third party.
            PartnerInput(name="Universiti Teknologi MARA", link="https://uitm.edu.my"),
        ],
        webinar_ids=[ended.pk, live_webinar.pk, upcoming.pk],
        slug=SLUG,
    )
    transparency_set(campaign=campaign, actor=organiser, campaign_public=True, public_webinar_ids=[ended.pk])
    _pledge(campaign=campaign, organiser=organiser)
    _hub(campaign=campaign, organiser=organiser)
    _live_polls(webinar=live_webinar, host=host)
    return campaign


CHECK_FIRST = [
    {"en": "Always", "ms": "Sentiasa"},
    {"en": "Sometimes", "ms": "Kadang-kadang"},
    {"en": "Never", "ms": "Tidak pernah"},
]


def _answer(poll, registrations, answers: list[dict]) -> None:
    for n, (registration, answer) in enumerate(zip(registrations, answers, strict=False)):
        poll_vote(
            webinar_id=poll.webinar_id,
            registration_id=registration.pk,
            poll_id=poll.pk,
            client_key=f"demo-poll-{poll.pk}-{n}",
            **answer,
        )


def _live_polls(*, webinar: Webinar, host) -> None:
    """The live webinar's polls, as hosts would run them: a rating closed with its results, a choice poll
    open with votes (one attendee has not answered yet), and a word cloud prepared for later."""
    webinar = Webinar.objects.get(pk=webinar.pk)  # the caller's object may predate its transitions
    if webinar.status != Webinar.Status.LIVE or webinar.polls.exists():
        return
    people = list(webinar.registrations.filter(status=Registration.Status.CONFIRMED).order_by("id"))
    rating = poll_create(
        actor=host,
        webinar_id=webinar.pk,
        kind="rating",
        question_en="How safe do you feel online, 1 to 5?",
        question_ms="Sejauh mana anda rasa selamat dalam talian, 1 hingga 5?",
    )
    choice = poll_create(
        actor=host,
        webinar_id=webinar.pk,
        kind="single",
        question_en="Do you check a viral post before you share it?",
        question_ms="Adakah anda semak hantaran tular sebelum berkongsi?",
        options=CHECK_FIRST,
    )
    poll_create(
        actor=host,
        webinar_id=webinar.pk,
        kind="words",
        question_en="One word: what makes a group chat feel safe?",
        question_ms="Satu perkataan: apa yang membuat kumpulan sembang terasa selamat?",
    )
    poll_launch(actor=host, webinar_id=webinar.pk, poll_id=rating.pk)
    _answer(rating, people, [{"rating": 4}, {"rating": 2}, {"rating": 3}])
    poll_close(actor=host, webinar_id=webinar.pk, poll_id=rating.pk)
    poll_launch(actor=host, webinar_id=webinar.pk, poll_id=choice.pk)
    _answer(choice, people[1:], [{"choices": [1]}, {"choices": [0]}])  # Aisyah (the first) can still vote


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
    _ended_polls(webinar=webinar, host=host, registrations=registrations)
    start = timezone.now()
    for n, registration in enumerate(registrations[:4]):
        AttendanceSession.objects.create(
            webinar=webinar,
            registration=registration,
            viewer_key=f"r{registration.pk}",
            joined_at=start,
            last_seen_at=start + timedelta(minutes=20 + 10 * n),
        )
    attendance_rollups_refresh(webinar_id=webinar.pk)  # sessions written here, not by the sampler
    return webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.ENDED)


def _ended_polls(*, webinar: Webinar, host, registrations) -> None:
    """Polls the ended webinar ran, for its report: a multiple-choice poll closed by the host, and a word
    cloud still open when the webinar ended (ending closes it)."""
    seen = poll_create(
        actor=host,
        webinar_id=webinar.pk,
        kind="multiple",
        question_en="Where have you seen a scam this month?",
        question_ms="Di mana anda pernah lihat penipuan bulan ini?",
        options=[
            {"en": "Telegram", "ms": "Telegram"},
            {"en": "WhatsApp", "ms": "WhatsApp"},
            {"en": "Instagram", "ms": "Instagram"},
            {"en": "SMS", "ms": "SMS"},
        ],
    )
    words = poll_create(
        actor=host,
        webinar_id=webinar.pk,
        kind="words",
        question_en="One word for how a scam makes you feel",
        question_ms="Satu perkataan: apa perasaan anda apabila ditipu",
    )
    poll_launch(actor=host, webinar_id=webinar.pk, poll_id=seen.pk)
    picks = [[0, 1], [1], [0, 3], [1, 2], [3]]
    _answer(seen, registrations, [{"choices": p} for p in picks])
    poll_close(actor=host, webinar_id=webinar.pk, poll_id=seen.pk)
    poll_launch(actor=host, webinar_id=webinar.pk, poll_id=words.pk)
    feelings = ["Malu", "Angry", "Tertipu", "angry", "Scared"]
    _answer(words, registrations, [{"word": w} for w in feelings])


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
