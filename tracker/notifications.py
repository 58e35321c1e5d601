"""Telling the sponsor, in their own language, when something happens they must act on.

A document rejected (with the reason), an IND letter recorded, the deadline near: an e-mail when the
sponsor has an address, a text message (``tracker.sms``) when they have a mobile number. Sent once the
change is committed; a failing mail server or gateway is logged and never undoes the change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Case
from .sms import SmsError, send_sms

logger = logging.getLogger(__name__)


class Notice(StrEnum):
    DOCUMENT_REJECTED = "document_rejected"
    IND_LETTER = "ind_letter"
    DEADLINE = "deadline"


@dataclass(frozen=True)
class Sent:
    email: bool = False
    sms: bool = False


def sponsor_language(case: Case) -> str:
    return case.sponsor.preferred_language or settings.LANGUAGE_CODE


def notify_sponsor(case: Case, notice: Notice, *, email: bool = True, sms: bool = True, **details) -> Sent:
    """Send ``notice`` to the case's sponsor; ``details``: ``document``, ``letter``, ``due_on``, ``days_left``."""
    sponsor = case.sponsor
    if not sponsor.is_active:
        return Sent()
    with translation.override(sponsor_language(case)):
        context = {"notice": str(notice), "case": case, "user": sponsor, **details,
                   "case_url": settings.NAREIS_BASE_URL.rstrip("/") + reverse("tracker:case_detail", args=[case.pk])}
        subject = " ".join(render_to_string("tracker/email/notice_subject.txt", context).split())
        body = render_to_string("tracker/email/notice_body.txt", context)
        text = " ".join(render_to_string("tracker/email/notice_sms.txt", context).split())
    sent_email = sent_sms = False
    if email and sponsor.email:
        try:
            EmailMessage(subject=subject, body=body, to=[sponsor.email]).send()
            sent_email = True
        except Exception:  # the mail server's trouble must not undo what the counsellor did
            logger.exception("The %s e-mail to the sponsor of case %s could not be sent", notice, case.pk)
    if sms and sponsor.phone:
        try:
            send_sms(sponsor.phone, text)
            sent_sms = True
        except SmsError:
            logger.exception("The %s text message to the sponsor of case %s could not be sent", notice, case.pk)
    return Sent(email=sent_email, sms=sent_sms)


def notify_sponsor_on_commit(case_id: int, notice: Notice, **details) -> None:
    """After the change that calls for it is committed (and only if it is)."""
    def send():
        case = Case.objects.select_related("sponsor").filter(pk=case_id).first()
        if case is not None:
            notify_sponsor(case, notice, **details)
    transaction.on_commit(send)
