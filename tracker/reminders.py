"""Reminder e-mails before the nareis deadline and before IND response dates.

Run periodically by Celery beat. Each reminder (30, 14 and 7 days before a due
date) goes out once: a ``ReminderSent`` row with a unique key is written in the
same transaction as the e-mails are sent, so a failed send is tried again on
the next run and a second run sends nothing new. When a case only comes in
with 10 days left, the 14-day reminder is the one sent, not three at once.

Two more kinds, from the rules: the day after a deadline passed without a filing
("apply now and explain the delay", once), and before a child's 18th birthday
that falls before the deadline (file before it: the child is judged on the filing day).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cases.models import Case
from config.digits import localise_text_digits

from . import rules
from .checklist import build_checklist
from .dashboard import earliest_decision_date_for_deadline_on_or_after
from .models import IndLetter, ReminderSent
from .notifications import Notice, queue_notice
from .rules import DUE_SOON_DAYS

# The first reminder goes out when the deadline turns "due soon" (the one number, rules.DUE_SOON_DAYS).
REMINDER_DAYS = (DUE_SOON_DAYS, 14, 7)
# A deadline that passed at most this long ago gets its one "apply now and explain" reminder.
LATE_REMINDER_WITHIN_DAYS = 30

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueReminder:
    key: str
    case: Case
    due_on: date
    days_before: int
    days_left: int
    letter: IndLetter | None = None
    kind: str = "deadline"  # "deadline", "letter", "late", "turns_adult"
    member_name: str = ""  # for "turns_adult": the child


def reminder_step(days_left: int) -> int | None:
    """The reminder a due date ``days_left`` away calls for: the nearest of 30, 14, 7 not yet passed."""
    if days_left < 0:
        return None
    steps = [step for step in REMINDER_DAYS if days_left <= step]
    return min(steps) if steps else None


def due_reminders(today: date) -> list[DueReminder]:
    """Every reminder that should have gone out by ``today`` and has not."""
    horizon = today + timedelta(days=max(REMINDER_DAYS))
    late_since = today - timedelta(days=LATE_REMINDER_WITHIN_DAYS)
    sent = set(ReminderSent.objects.values_list("key", flat=True).filter(due_on__gte=late_since))
    due = []
    # Deadlines: decision date + 3 months, for cases not yet filed and with a deadline within the horizon.
    earliest_decision = earliest_decision_date_for_deadline_on_or_after(late_since)
    cases = (Case.objects.filter(application_filed_on__isnull=True, permit_decision_date__gte=earliest_decision)
             .select_related("sponsor").prefetch_related("counsellors"))
    for case in cases:
        deadline = case.deadline
        if deadline is None:
            continue
        if deadline >= today:
            due += _turning_adult_reminders(case, today, sent)
        if deadline < today:
            key = f"deadline-passed:{case.pk}:{deadline.isoformat()}"
            if key not in sent:
                due.append(DueReminder(key, case, deadline, 0, (deadline - today).days, kind="late"))
            continue
        if deadline > horizon:
            continue
        step = reminder_step((deadline - today).days)
        key = f"deadline:{case.pk}:{deadline.isoformat()}:{step}"
        if step and key not in sent:
            due.append(DueReminder(key, case, deadline, step, (deadline - today).days))
    letters = (IndLetter.objects.filter(answered_on__isnull=True, response_due__gte=today, response_due__lte=horizon)
               .select_related("case__sponsor").prefetch_related("case__counsellors"))
    for letter in letters:
        step = reminder_step((letter.response_due - today).days)
        key = f"letter:{letter.pk}:{letter.response_due.isoformat()}:{step}"
        if step and key not in sent:
            due.append(DueReminder(key, letter.case, letter.response_due, step, (letter.response_due - today).days,
                                   letter, kind="letter"))
    return due


def _turning_adult_reminders(case: Case, today: date, sent: set[str]) -> list[DueReminder]:
    """Before a child's 18th birthday that falls before the deadline: 30, 14 and 7 days ahead, once each."""
    checklist = build_checklist(case, today)
    names = {str(row.member.pk): row.member.full_name for row in checklist.members}
    reminders = []
    for warning in checklist.evaluation.warnings:
        if warning.code != rules.WarningCode.TURNS_ADULT_BEFORE_DEADLINE or warning.on is None:
            continue
        days_left = (warning.on - today).days
        step = reminder_step(days_left)
        key = f"turns-adult:{case.pk}:{warning.member}:{warning.on.isoformat()}:{step}"
        if step and key not in sent:
            reminders.append(DueReminder(key, case, warning.on, step, days_left, kind="turns_adult",
                                         member_name=names.get(warning.member, "")))
    return reminders


def send_due_reminders(today: date | None = None) -> list[str]:
    """Send what is due; return the keys sent. Safe to run as often as one likes."""
    today = today or timezone.localdate()
    sent = []
    for reminder in due_reminders(today):
        recipients = _recipients(reminder.case)
        try:
            with transaction.atomic():
                ReminderSent.objects.create(key=reminder.key, case=reminder.case, letter=reminder.letter,
                                            due_on=reminder.due_on, days_before=reminder.days_before,
                                            recipients=[user.email for user in recipients])
                for user in recipients:
                    _message(reminder, user).send()
        except IntegrityError:
            continue  # another run sent it meanwhile
        except Exception:  # a mail server failing must not block every later reminder
            logger.exception("Reminder %s could not be sent; it is tried again on the next run", reminder.key)
            continue
        sent.append(reminder.key)
        _text_the_sponsor(reminder)
    return sent


def _text_the_sponsor(reminder: DueReminder) -> None:
    """The sponsor also gets a text message, once per reminder (the e-mail went with the ``ReminderSent`` row)."""
    with transaction.atomic():
        if reminder.letter is not None:
            queue_notice(reminder.case, Notice.IND_LETTER, email=False, letter=reminder.letter)
        else:
            queue_notice(reminder.case, Notice.DEADLINE, email=False, days_left=reminder.days_left,
                         due_on=reminder.due_on)


def _recipients(case: Case) -> list:
    people = [case.sponsor, *case.counsellors.all()]
    return [user for user in people if user.email and user.is_active]


def _message(reminder: DueReminder, user) -> EmailMessage:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "reminder": reminder,
            "case": reminder.case,
            "letter": reminder.letter,
            "user": user,
            "is_sponsor": user.pk == reminder.case.sponsor_id,
            "case_url": settings.NAREIS_BASE_URL.rstrip("/") + reverse("tracker:case_detail", args=[reminder.case.pk]),
        }
        subject = localise_text_digits(render_to_string("tracker/email/reminder_subject.txt", context).strip(), language)
        body = localise_text_digits(render_to_string("tracker/email/reminder_body.txt", context), language)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])
