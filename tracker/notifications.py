"""Telling the sponsor, in their own language, when something happens they must act on.

A document rejected (with the reason), an IND letter recorded, the deadline near: an e-mail when the
sponsor has an address, a text message (``tracker.sms``) when they have a mobile number.

Nothing is sent in the web request (an SMS gateway may take seconds to answer): ``queue_notice`` writes a
``Notification`` row per channel in the transaction of the change that calls for it, and once that is
committed (only if it is) a Celery task sends each (``deliver``). A failing mail server or gateway is retried
with growing pauses; beat's sweep (``send_pending``) sends what a down broker or a lost task left behind, so
nothing is lost, and the change itself is never undone.

A worker may stop after the gateway took a message and before the row says so. Each message therefore has one
identity on every attempt (``Notification.message_key``: the e-mail's Message-ID, the gateway's idempotency key
and client reference), and the start of each attempt is recorded before the message is handed over. A later
attempt that finds an attempt started but no outcome sends it again, on purpose, with that same identity (a
duplicate the sponsor may get is better than a rejection or deadline they never hear of; a gateway honouring
the key, and mail clients recognising the Message-ID, drop it), counts it in ``unknown_outcomes`` and logs it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date

from cases.models import Case
from config.digits import localise_text_digits
from documents.models import Document

from .models import IndLetter, Notification
from .sms import send_sms

logger = logging.getLogger(__name__)

SEND_NOTIFICATION_TASK = "tracker.send_notification"
SEND_PENDING_TASK = "tracker.send_pending_notifications"  # run by Celery beat (CELERY_BEAT_SCHEDULE)
CLAIM_SECONDS = 120  # a worker sending a notification holds it this long (the gateway's timeout is far less)
MAX_ATTEMPTS = 12  # then it is given up, logged as an error (about a day of retries and sweeps)
SWEEP_AFTER = timedelta(minutes=5)  # a notification still unsent this long after it was written or last tried


class Notice(StrEnum):
    DOCUMENT_REJECTED = "document_rejected"
    IND_LETTER = "ind_letter"
    DEADLINE = "deadline"


class DeliveryFailed(Exception):
    """The mail server or the SMS gateway did not take the message; the task tries again later."""


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    text: str


def sponsor_language(case: Case) -> str:
    return case.sponsor.preferred_language or settings.LANGUAGE_CODE


def queue_notice(case: Case, notice: Notice, *, email: bool = True, sms: bool = True, document: Document | None = None,
                 letter: IndLetter | None = None, due_on: date | None = None,
                 days_left: int | None = None) -> list[Notification]:
    """Write ``notice`` for the sponsor, one row per channel they have, and send it once committed."""
    sponsor = case.sponsor
    channels = [channel for channel, wanted, address in ((Notification.Channel.EMAIL, email, sponsor.email),
                                                          (Notification.Channel.SMS, sms, sponsor.phone))
                if wanted and address]
    if not sponsor.is_active or not channels:
        return []
    details = {"document_id": document.pk if document else None, "letter_id": letter.pk if letter else None,
               "due_on": due_on.isoformat() if due_on else None, "days_left": days_left}
    rows = [Notification.objects.create(case=case, notice=str(notice), channel=channel, details=details)
            for channel in channels]
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: dispatch(ids))
    return rows


def notify_sponsor_on_commit(case_id: int, notice: Notice, **details) -> None:
    """For a change being made: the notice is written with it and sent after (and only if) it is committed."""
    case = Case.objects.select_related("sponsor").filter(pk=case_id).first()
    if case is not None:
        queue_notice(case, notice, **details)


def dispatch(ids: list[int]) -> None:
    """Hand each notification to the workers; with the broker down the sweep sends it later."""
    for pk in ids:
        try:
            current_app.send_task(SEND_NOTIFICATION_TASK, args=[pk], retry=False)
        except Exception:  # kombu and redis-py raise several types when the broker is unreachable
            logger.warning("Could not queue notification %s; the sweep sends it later", pk, exc_info=True)


def deliver(pk: int) -> bool:
    """Send one notification unless sent (or being sent); True once it is sent.

    Raises ``DeliveryFailed`` when the mail server or gateway refused it; the attempt is counted."""
    now = timezone.now()
    claimed = Notification.objects.filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now), pk=pk,
                                          sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS
                                          ).update(claimed_until=now + timedelta(seconds=CLAIM_SECONDS))
    if not claimed:
        return Notification.objects.filter(pk=pk, sent_at__isnull=False).exists()
    notification = Notification.objects.select_related("case__sponsor").get(pk=pk)
    if notification.attempt_started_at is not None and not _after_unknown_outcome(notification):
        return False
    # Committed before the message leaves: if this worker stops before recording the outcome, the next try knows.
    Notification.objects.filter(pk=pk).update(attempt_started_at=timezone.now())
    try:
        _send(notification)
    except Exception as error:  # whatever the mail server or gateway raised: counted, kept, tried again
        attempts = notification.attempts + 1
        Notification.objects.filter(pk=pk).update(attempts=attempts, last_error=str(error)[:1000],
                                                  claimed_until=None, attempt_started_at=None)
        if attempts >= MAX_ATTEMPTS:
            logger.error("Notification %s (%s, case %s) given up after %s attempts: %s", pk, notification.channel,
                         notification.case_id, attempts, error)
        raise DeliveryFailed(str(error)) from error
    Notification.objects.filter(pk=pk).update(sent_at=timezone.now(), claimed_until=None, attempt_started_at=None,
                                              attempts=notification.attempts + 1, last_error="")
    return True


def _after_unknown_outcome(notification: Notification) -> bool:
    """The last attempt was started and its outcome never recorded: count it as an attempt whose outcome is
    unknown; True to send again (with the same identity), False when the attempts are used up."""
    notification.attempts += 1
    notification.unknown_outcomes += 1
    notification.last_error = (f"The attempt started at {notification.attempt_started_at.isoformat()} has no known "
                               f"outcome (the worker stopped); sent again as {notification.message_key}.")
    given_up = notification.attempts >= MAX_ATTEMPTS
    Notification.objects.filter(pk=notification.pk).update(
        attempts=notification.attempts, unknown_outcomes=notification.unknown_outcomes,
        last_error=notification.last_error, **({"claimed_until": None} if given_up else {}))
    if given_up:
        logger.error("Notification %s (%s, case %s) given up after %s attempts, the last with no known outcome",
                     notification.pk, notification.channel, notification.case_id, notification.attempts)
        return False
    logger.warning("Notification %s (%s, case %s): the attempt started at %s has no known outcome; sending it "
                   "again as %s", notification.pk, notification.channel, notification.case_id,
                   notification.attempt_started_at.isoformat(), notification.message_key)
    return True


def send_pending(now=None) -> int:
    """Queue again what is still unsent a while after it was written or last tried; return how many."""
    now = now or timezone.now()
    pending = list(Notification.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS,
                                               created_at__lt=now - SWEEP_AFTER)
                   .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
                   .values_list("pk", flat=True)[:500])
    dispatch(pending)
    return len(pending)


def _send(notification: Notification) -> None:
    case = notification.case
    message = render(case, Notice(notification.notice), **_details(notification))
    sponsor = case.sponsor
    if notification.channel == Notification.Channel.EMAIL:
        EmailMessage(subject=message.subject, body=message.body, to=[sponsor.email],
                     headers={"Message-ID": message_id(notification)}).send()
    else:
        send_sms(sponsor.phone, message.text, reference=notification.message_key)


def message_id(notification: Notification) -> str:
    """The e-mail's Message-ID, the same on every attempt (mail clients show one message for one id)."""
    domain = urlsplit(settings.NAREIS_BASE_URL).hostname or "nareis.invalid"
    return f"<{notification.message_key}@{domain}>"


def _details(notification: Notification) -> dict:
    stored = notification.details or {}
    document_id, letter_id = stored.get("document_id"), stored.get("letter_id")
    return {
        "document": Document.objects.filter(pk=document_id).first() if document_id else None,
        "letter": IndLetter.objects.filter(pk=letter_id).first() if letter_id else None,
        "due_on": parse_date(stored["due_on"]) if stored.get("due_on") else None,
        "days_left": stored.get("days_left"),
    }


def render(case: Case, notice: Notice, **details) -> Message:
    """The notice in the sponsor's language: e-mail subject and body, and the text message."""
    language = sponsor_language(case)
    with translation.override(language):
        context = {"notice": str(notice), "case": case, "user": case.sponsor, **details,
                   "case_url": settings.NAREIS_BASE_URL.rstrip("/") + reverse("tracker:case_detail", args=[case.pk])}
        subject = " ".join(render_to_string("tracker/email/notice_subject.txt", context).split())
        body = render_to_string("tracker/email/notice_body.txt", context)
        text = " ".join(render_to_string("tracker/email/notice_sms.txt", context).split())
    return Message(*(localise_text_digits(part, language) for part in (subject, body, text)))
