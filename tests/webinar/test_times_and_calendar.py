"""Times are read and shown in the right zone; registrants' calendars follow reschedules and cancellations."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from icalendar import Calendar

from tests.factories import PASSWORD, make_registration, make_webinar
from webinar.models import Registration, Webinar
from webinar.reports.text import local_datetime
from webinar.services.lifecycle import webinar_transition, webinar_update
from webinar.services.registration import registration_cancel

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails are queued on commit
LONDON = ZoneInfo("Europe/London")


def _form(webinar: Webinar, **changes) -> dict:
    data = {
        "title": webinar.title,
        "description": "",
        "speakers": "",
        "timezone": webinar.timezone,
        "starts_at": "2026-06-01T10:00",
        "ends_at": "2026-06-01T11:30",
        "capacity": "",
        "waitlist_enabled": "on",
        "languages": "en,ms",
        "registration_open": "on",
        "stream_url": "",
        "custom_questions": "",
    }
    data.update(changes)
    return data


def _event(message):
    (_name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


@pytest.mark.parametrize(
    "zone", ["Europe/London", "America/New_York", "Asia/Kuala_Lumpur", "Pacific/Auckland"]
)
def test_the_organiser_form_reads_start_and_end_in_the_webinars_own_zone(client, organiser, zone):
    webinar = make_webinar(organiser=organiser)
    client.login(email=organiser.email, password=PASSWORD)
    response = client.post(reverse("webinar:manage", args=[webinar.slug]), _form(webinar, timezone=zone))
    assert response.status_code == 302, response.content.decode()[:2000]
    webinar.refresh_from_db()
    assert webinar.starts_at.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == datetime(2026, 6, 1, 10, 0)  # noqa: DTZ001 - a wall-clock time
    assert webinar.ends_at.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == datetime(2026, 6, 1, 11, 30)  # noqa: DTZ001
    page = client.get(reverse("webinar:manage", args=[webinar.slug])).content.decode()
    assert 'value="2026-06-01T10:00"' in page, "the form shows the time that was typed"


def test_london_at_ten_is_ten_in_the_page_the_email_and_the_calendar(client, organiser):
    webinar = make_webinar(organiser=organiser)
    client.login(email=organiser.email, password=PASSWORD)
    client.post(reverse("webinar:manage", args=[webinar.slug]), _form(webinar, timezone="Europe/London"))
    webinar.refresh_from_db()
    assert webinar.starts_at == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # 10:00 BST
    mail.outbox.clear()
    make_registration(webinar, "Aisyah", "aisyah@example.com")
    confirmation = mail.outbox[-1]
    assert "10:00 (Europe/London)" in confirmation.body
    _calendar, event = _event(confirmation)
    assert event.decoded("dtstart") == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert "10:00" in client.get(reverse("webinar:detail", args=[webinar.slug])).content.decode()


def test_a_time_the_clocks_skip_is_refused_with_a_clear_error(client, organiser):
    webinar = make_webinar(organiser=organiser)
    client.login(email=organiser.email, password=PASSWORD)
    response = client.post(
        reverse("webinar:manage", args=[webinar.slug]),
        _form(webinar, timezone="Europe/London", starts_at="2026-03-29T01:30", ends_at="2026-03-29T03:00"),
    )
    assert response.status_code == 200
    assert "does not exist in Europe/London" in response.content.decode()


def test_malay_times_never_call_the_afternoon_night():
    moment = datetime(2025, 3, 4, 7, 39, tzinfo=UTC)  # 15:39 in Kuala Lumpur
    with translation.override("ms"):
        for fmt in ("DATETIME_FORMAT", "TIME_FORMAT", "SHORT_DATETIME_FORMAT"):
            text = date_format(moment.astimezone(ZoneInfo("Asia/Kuala_Lumpur")), fmt)
            assert "15:39" in text and "malam" not in text.lower(), (fmt, text)


def test_the_pdf_header_time_is_local_and_names_its_zone():
    with translation.override("ms"):
        assert local_datetime("2025-03-04T07:39:00+00:00", "Asia/Kuala_Lumpur") == (
            "4 Mac 2025, 15:39 (Asia/Kuala Lumpur)"
        )
    assert local_datetime(datetime(2025, 3, 4, 7, 39, tzinfo=UTC), "Europe/London") == (
        "4 March 2025, 07:39 (Europe/London)"
    )


def test_rescheduling_emails_registrants_an_updated_calendar_with_the_same_uid(organiser):
    webinar = make_webinar(organiser=organiser, capacity=1, timezone="Europe/London")
    seated = make_registration(webinar, "Seated", "seated@example.com", language="ms")
    make_registration(webinar, "Waiting", "waiting@example.com")
    _calendar, first_event = _event(mail.outbox[0])
    mail.outbox.clear()
    new_start = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    webinar_update(webinar=webinar, actor=organiser, starts_at=new_start, ends_at=new_start.replace(hour=10))
    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {"seated@example.com", "waiting@example.com"}
    _calendar, event = _event(by_person["seated@example.com"])
    assert str(event["uid"]) == str(first_event["uid"])
    assert int(event["sequence"]) == int(first_event["sequence"]) + 1
    assert event.decoded("dtstart") == new_start
    assert "Masa baharu" in by_person["seated@example.com"].subject  # in the registrant's language
    assert "10:00 – 11:00 (Europe/London)" in by_person["seated@example.com"].body
    assert not by_person["waiting@example.com"].attachments, "no calendar file without a seat"
    assert Registration.objects.get(pk=seated.pk).status == Registration.Status.CONFIRMED


def test_every_change_of_time_is_emailed_and_a_fan_out_run_twice_sends_each_once(organiser):
    """Each change registrants are told of is its own occasion (the calendar's SEQUENCE): a second
    change of time sends a second "New time" e-mail, with the newer calendar; the fan-out task
    delivered twice sends nothing more."""
    from webinar.services.notifications import registrants_notify

    webinar = make_webinar(organiser=organiser, timezone="Europe/London")
    make_registration(webinar, "Seated", "seated@example.com")
    mail.outbox.clear()
    for hour in (9, 11):
        start = datetime(2026, 7, 1, hour, 0, tzinfo=UTC)
        webinar_update(
            webinar=webinar, actor=organiser, starts_at=start, ends_at=start.replace(hour=hour + 1)
        )
    registrants_notify(webinar_id=webinar.pk, kind="rescheduled")  # the last fan-out, delivered again
    assert [message.to for message in mail.outbox] == [["seated@example.com"]] * 2
    sequences = [int(_event(message)[1]["sequence"]) for message in mail.outbox]
    assert sequences == [1, 2]
    assert _event(mail.outbox[-1])[1].decoded("dtstart") == datetime(2026, 7, 1, 11, 0, tzinfo=UTC)


def test_changes_that_do_not_touch_the_calendar_send_nothing(organiser):
    webinar = make_webinar(organiser=organiser)
    make_registration(webinar)
    mail.outbox.clear()
    webinar_update(webinar=webinar, actor=organiser, capacity=50, description="More words")
    assert mail.outbox == []
    webinar.refresh_from_db()
    assert webinar.calendar_sequence == 0


def test_cancelling_the_webinar_sends_a_calendar_cancel(organiser):
    webinar = make_webinar(organiser=organiser)
    make_registration(webinar, "A", "a@example.com")
    _calendar, first_event = _event(mail.outbox[0])
    mail.outbox.clear()
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.CANCELLED)
    (message,) = mail.outbox
    calendar, event = _event(message)
    assert str(calendar["method"]) == "CANCEL"
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == str(first_event["uid"])
    assert int(event["sequence"]) > int(first_event["sequence"])
    assert "cancelled" in message.subject.lower()


def test_a_cancelled_webinar_takes_no_registrations_and_says_so(client, organiser):
    webinar = make_webinar(organiser=organiser)
    webinar_transition(webinar=webinar, actor=organiser, to=Webinar.Status.CANCELLED)
    page = client.get(reverse("webinar:detail", args=[webinar.slug])).content.decode()
    assert "This webinar has been cancelled." in page
    assert 'name="consent"' not in page


def test_cancelling_a_registration_removes_the_event_from_the_calendar(organiser):
    webinar = make_webinar(organiser=organiser)
    registration = make_registration(webinar, "A", "a@example.com")
    _calendar, first_event = _event(mail.outbox[0])
    mail.outbox.clear()
    registration_cancel(registration=registration)
    calendar, event = _event(mail.outbox[-1])
    assert str(calendar["method"]) == "CANCEL"
    assert str(event["uid"]) == str(first_event["uid"])
    assert int(event["sequence"]) > int(first_event["sequence"])


def _text(html: str) -> str:
    """The page's words without tags or repeated spaces, as a page without script reads."""
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_without_script_each_page_shows_a_webinars_time_once_in_its_own_zone(client):
    start = datetime(2030, 3, 5, 7, 39, tzinfo=UTC)  # 15:39 in Kuala Lumpur
    webinar = make_webinar(title="Once", starts_at=start, ends_at=start.replace(hour=9))
    detail = client.get(reverse("webinar:detail", args=[webinar.slug])).content.decode()
    when = _text(detail.split('<p class="when">')[1].split("</p>")[0])
    assert when == "Tuesday, 5 March 2030, 15:39 – 17:39 (Asia/Kuala Lumpur)"
    assert _text(detail).count("15:39") == 1 and "07:39" not in detail
    index = _text(client.get(reverse("webinar:index")).content.decode())
    assert index.count("5 Mar 2030, 15:39 (Asia/Kuala Lumpur)") == 1
    # The viewer's own time is only ever added by the script, empty and hidden until then.
    assert '<span class="viewer-time" data-label="Your time" hidden></span>' in detail


def test_the_calendar_file_keeps_utc_whatever_the_page_shows(client):
    start = datetime(2030, 3, 5, 7, 39, tzinfo=UTC)
    webinar = make_webinar(starts_at=start, ends_at=start.replace(hour=9))
    calendar = Calendar.from_ical(client.get(reverse("webinar:calendar", args=[webinar.slug])).content)
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("dtstart") == start and event.decoded("dtend") == start.replace(hour=9)


def test_people_read_a_zone_by_its_name_without_underscores_in_e_mails_and_reports():
    from webinar.reports.text import local_datetime, zone_label

    webinar = make_webinar(timezone="Asia/Kuala_Lumpur")
    make_registration(webinar, email="reader@example.com")
    (confirmation,) = mail.outbox
    assert "(Asia/Kuala Lumpur)" in confirmation.body and "Kuala_Lumpur" not in confirmation.body
    assert zone_label("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos Aires"
    assert local_datetime(datetime(2025, 3, 4, 7, 39, tzinfo=UTC), "Asia/Kuala_Lumpur").endswith(
        "(Asia/Kuala Lumpur)"
    )
