"""Campaign tasks: take ids (or plain values), import services inside, safe to run twice."""

from __future__ import annotations

from celery import shared_task


@shared_task(
    name="campaigns.send_pledge_link",
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def send_pledge_link(pledge_id: int, email: str, link: str, language: str) -> None:
    from webinar.campaigns.services.pledges import pledge_link_send

    pledge_link_send(pledge_id=pledge_id, email=email, link=link, language=language)
