"""After the event: "your question was answered", on the page and in one e-mail digest per person.

Everyone who asked or upvoted a question a host marked answered during the live stream is told which
questions, and how far into the stream each was answered (``answered_at`` minus ``went_live_at``), so they
can jump to that moment in the recording. Anonymous askers are reached through their own registration;
nobody else's name is ever shown. The digest is sent by the beat task ``campaigns.send_answer_digests``
once a webinar has ended; an ``AnswerNotice`` row per registration, claimed before the e-mail is sent,
makes it at most once per person even if the task runs twice or concurrently.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from webinar.campaigns.models import AnswerNotice
from webinar.campaigns.selectors import answered_for_registration
from webinar.models import Question, Registration, Vote, Webinar
from webinar.services.notifications import email_subject

log = logging.getLogger("dewan.campaigns")
DIGEST_WINDOW = timedelta(days=3)


def answer_digests_send(*, now=None) -> int:
    """Send the digests of webinars that ended within ``DIGEST_WINDOW``; returns e-mails sent.

    Safe to run again and concurrently: each person's notice row is created (unique per registration)
    before their e-mail goes out, so a second run finds it and skips them.
    """
    now = now or timezone.now()
    ended = Webinar.objects.filter(status=Webinar.Status.ENDED, ended_at__gte=now - DIGEST_WINDOW)
    sent = 0
    for webinar in ended:
        for registration_id in _people_with_answers(webinar):
            if answer_digest_send(registration_id=registration_id):
                sent += 1
    return sent


def _people_with_answers(webinar: Webinar) -> set[int]:
    answered = Question.objects.filter(
        webinar=webinar, status=Question.Status.PUBLISHED, answered_at__isnull=False
    )
    people = set(answered.exclude(author__isnull=True).values_list("author_id", flat=True))
    people |= set(Vote.objects.filter(question__in=answered).values_list("registration_id", flat=True))
    notified = set(AnswerNotice.objects.filter(webinar=webinar).values_list("registration_id", flat=True))
    return people - notified


def answer_digest_send(*, registration_id: int) -> bool:
    """E-mail one person their answered questions (in their language). False if already claimed or none.

    The notice is claimed in its own transaction first (at most once); a failure to send is logged and
    the notice stays unsent (``sent_at`` empty) for the organiser to see.
    """
    registration = Registration.objects.select_related("webinar").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return False
    items = answered_for_registration(registration=registration)
    if not items:
        return False
    try:
        with transaction.atomic():
            notice = AnswerNotice.objects.create(
                webinar=registration.webinar, registration=registration, questions=len(items)
            )
    except IntegrityError:
        return False
    webinar = registration.webinar
    context = {
        "webinar": webinar,
        "registration": registration,
        "items": items,
        "page_url": settings.SITE_URL + reverse("campaigns:answered", args=[webinar.slug]),
    }
    with translation.override(registration.language if registration.language in {"en", "ms"} else "en"):
        subject = email_subject("campaigns/email/answered_subject.txt", context)
        body = render_to_string("campaigns/email/answered.txt", context)
    try:
        EmailMessage(subject=subject, body=body, to=[registration.email]).send()
    except Exception:
        log.exception("answer digest to registration %s failed", registration_id)
        return False
    AnswerNotice.objects.filter(pk=notice.pk).update(sent_at=timezone.now())
    return True
