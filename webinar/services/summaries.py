"""Post-event report (being built: see issue 6)."""


def report_task_run(*, task, webinar_id: int) -> None:
    return None
