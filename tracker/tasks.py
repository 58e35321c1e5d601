"""Celery tasks of the tracker: thin adapters to the services."""

from __future__ import annotations

from celery import shared_task

from .reminders import send_due_reminders

SEND_REMINDERS_TASK = "tracker.send_reminders"


@shared_task(name=SEND_REMINDERS_TASK, ignore_result=True, expires=3000)
def send_reminders_task() -> int:
    """Run by Celery beat every hour; each reminder goes out once (see ``tracker.reminders``)."""
    return len(send_due_reminders())


REFRESH_SUMMARIES_TASK = "tracker.refresh_case_summaries"


@shared_task(name=REFRESH_SUMMARIES_TASK, ignore_result=True, expires=20 * 3600)
def refresh_case_summaries_task() -> int:
    """Run by Celery beat just after midnight: days left and deadline states move with the date."""
    from .summaries import refresh_all

    return refresh_all()


RETENTION_TASK = "tracker.run_retention"


@shared_task(name=RETENTION_TASK, ignore_result=True, expires=20 * 3600)
def run_retention_task() -> tuple[int, int]:
    """Run by Celery beat daily: warn coordinators a month ahead, purge closed cases whose time is up."""
    from .retention import run_retention

    return run_retention()


# Sponsor notifications (tracker.notifications): sent after the change is committed, never in the web request.
NOTIFICATION_RETRY_DELAYS = (30, 120, 600, 1800, 3600)  # seconds; after these the beat sweep keeps trying


@shared_task(name="tracker.send_notification", bind=True, ignore_result=True, acks_late=True,
             max_retries=len(NOTIFICATION_RETRY_DELAYS))
def send_notification_task(self, notification_id: int) -> bool:
    from .notifications import DeliveryFailed, deliver

    try:
        return deliver(notification_id)
    except DeliveryFailed as error:
        if self.request.retries >= self.max_retries:
            return False  # still kept unsent: the sweep tries again
        raise self.retry(exc=error, countdown=NOTIFICATION_RETRY_DELAYS[self.request.retries]) from error


@shared_task(name="tracker.send_pending_notifications", ignore_result=True, expires=240)
def send_pending_notifications_task() -> int:
    """Run by Celery beat every 5 minutes: what a down broker or a lost task left unsent."""
    from .notifications import send_pending

    return send_pending()


EMPTY_REPLACED_SCANS_TASK = "tracker.empty_replaced_scans"


@shared_task(name=EMPTY_REPLACED_SCANS_TASK, ignore_result=True, expires=3000)
def empty_replaced_scans_task() -> int:
    """Run by Celery beat every hour: replaced letter scans in the bin for ``DOCUMENT_BIN_DAYS`` are deleted."""
    from .correspondence import empty_replaced_scans

    return empty_replaced_scans()
