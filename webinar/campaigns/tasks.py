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


@shared_task(name="campaigns.flush_hub_counts", ignore_result=True)
def flush_hub_counts() -> dict:
    """Beat: write the hub's visit counters to the database (safe to run twice or concurrently)."""
    from webinar.campaigns.services.hub import hub_counts_flush

    return hub_counts_flush()


@shared_task(name="campaigns.send_answer_digests", ignore_result=True)
def send_answer_digests() -> int:
    """Beat: "your question was answered" e-mails for webinars that ended recently (at most once each)."""
    from webinar.campaigns.services.answers import answer_digests_send

    return answer_digests_send()
