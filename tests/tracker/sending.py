"""Sending the sponsor's queued notifications in the test's own process, as the worker's task does."""

from __future__ import annotations

from tracker.models import Notification
from tracker.notifications import deliver


def deliver_all() -> int:
    """Send every unsent notification (``tracker.notifications.deliver``); return how many were sent."""
    return sum(deliver(pk) for pk in Notification.objects.filter(sent_at__isnull=True).values_list("pk", flat=True))
