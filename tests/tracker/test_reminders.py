"""Reminder e-mails 30, 14 and 7 days before the deadline and IND response dates, each once."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from config.celery import app as celery_app
from tests.factories import CaseFactory, CounsellorFactory, UserFactory
from tracker.models import IndLetter, ReminderSent
from tracker.reminders import reminder_step, send_due_reminders
from tracker.rules import deadline_for
from tracker.tasks import SEND_REMINDERS_TASK

from .sending import deliver_all

DECIDED = date(2026, 9, 1)  # deadline 2026-12-01
DEADLINE = deadline_for(DECIDED)


def make_case(**kwargs):
    sponsor = UserFactory(email="omar@example.org", preferred_language="nl")
    counsellor = CounsellorFactory(email="sanne@example.org")
    return CaseFactory(sponsor=sponsor, counsellors=[counsellor], permit_decision_date=DECIDED, **kwargs)


@pytest.mark.parametrize(("days_left", "step"), [(45, None), (31, None), (30, 30), (15, 30), (14, 14), (8, 14),
                                                  (7, 7), (0, 7), (-1, None)])
def test_the_reminder_a_due_date_calls_for(days_left, step):
    assert reminder_step(days_left) == step


@pytest.mark.django_db
def test_sponsor_and_counsellor_get_each_deadline_reminder_once():
    make_case()
    sent_on = {}
    for days_left in range(40, -3, -1):
        mail.outbox.clear()
        send_due_reminders(today=DEADLINE - timedelta(days=days_left))
        send_due_reminders(today=DEADLINE - timedelta(days=days_left))  # a second run the same day sends nothing
        if mail.outbox:
            sent_on[days_left] = sorted(message.to[0] for message in mail.outbox)

    # And once the day after the deadline: apply now all the same, and explain the delay.
    assert sent_on == {days: ["omar@example.org", "sanne@example.org"] for days in (30, 14, 7, -1)}


@pytest.mark.django_db
def test_the_sponsor_reads_the_reminder_in_their_language():
    make_case()
    send_due_reminders(today=DEADLINE - timedelta(days=7))
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient["sanne@example.org"].subject == "Nareis: 7 days left to apply for family reunification"
    assert "/cases/" in by_recipient["sanne@example.org"].body


@pytest.mark.django_db
def test_a_case_that_arrives_late_gets_only_the_nearest_reminder_and_filed_cases_none():
    make_case()
    make_case(application_filed_on=DECIDED + timedelta(days=20))
    send_due_reminders(today=DEADLINE - timedelta(days=10))
    assert len(mail.outbox) == 2 and ReminderSent.objects.get().days_before == 14


@pytest.mark.django_db
def test_ind_response_dates_are_reminded_until_answered():
    case = make_case(application_filed_on=DECIDED + timedelta(days=20))
    today = date(2026, 12, 10)
    open_letter = IndLetter.objects.create(case=case, kind="herstelverzuim", received_on=today, subject="Aanvulling",
                                           response_due=today + timedelta(days=14))
    IndLetter.objects.create(case=case, received_on=today, subject="Al beantwoord", response_due=today,
                             answered_on=today)

    send_due_reminders(today=today)

    assert [r.letter for r in ReminderSent.objects.all()] == [open_letter]
    assert all("last chance" in message.body for message in mail.outbox if message.to == ["sanne@example.org"])


@pytest.mark.django_db
def test_a_corrected_deadline_is_reminded_anew():
    case = make_case()
    send_due_reminders(today=DEADLINE - timedelta(days=7))
    case.permit_decision_date = DECIDED + timedelta(days=1)
    case.save()
    mail.outbox.clear()
    send_due_reminders(today=DEADLINE - timedelta(days=6))
    assert len(mail.outbox) == 2


def test_celery_beat_runs_the_reminders_every_hour():
    assert settings.CELERY_BEAT_SCHEDULE["send-reminders"]["task"] == SEND_REMINDERS_TASK


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_reminders_when_beat_asks(celery_worker):
    today = timezone.localdate()
    case = make_case()
    case.permit_decision_date = today - timedelta(days=85)  # a few days left
    case.save()

    celery_app.send_task(SEND_REMINDERS_TASK, queue=celery_worker.queue)

    deadline = time.monotonic() + 60  # a ceiling against hangs, not a speed check
    while not ReminderSent.objects.filter(case=case).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    sent = ReminderSent.objects.get(case=case)
    assert sent.days_before == 7 and sorted(sent.recipients) == ["omar@example.org", "sanne@example.org"]


@pytest.mark.django_db
def test_after_the_deadline_one_reminder_says_apply_now_and_explain_the_delay():
    make_case()
    send_due_reminders(today=DEADLINE + timedelta(days=1))
    by_recipient = {message.to[0]: message for message in mail.outbox}
    counsellor = by_recipient["sanne@example.org"]
    assert counsellor.subject == "Nareis: the deadline has passed. Apply now and explain the delay"
    assert "explain why the application is late" in counsellor.body
    mail.outbox.clear()
    send_due_reminders(today=DEADLINE + timedelta(days=2))
    assert mail.outbox == []


@pytest.mark.django_db
def test_long_passed_deadlines_send_nothing():
    make_case()
    send_due_reminders(today=DEADLINE + timedelta(days=40))
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_child_turning_18_before_the_deadline_is_reminded_before_the_birthday():
    from tests.factories import FamilyMemberFactory

    case = make_case()
    birthday = DEADLINE - timedelta(days=10)
    FamilyMemberFactory(case=case, relation="child", given_names="Selam", surname="Tesfay",
                        birth_date=birthday.replace(year=birthday.year - 18))
    send_due_reminders(today=birthday - timedelta(days=30))
    subjects = sorted({message.subject for message in mail.outbox})
    assert "Nareis: apply before Selam Tesfay turns 18" in subjects
    body = next(m.body for m in mail.outbox if "turns 18" in m.subject and m.to == ["sanne@example.org"])
    assert "Selam Tesfay turns 18 on" in body and "before that birthday" in body


LANGUAGES = ("en", "nl", "ar", "fa", "ti", "so", "tr")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_on_the_deadline_day_every_language_says_today_is_the_last_day(language, settings):
    """Not "0 days left": the mail, its subject and the text message say today is the last day."""
    from django.utils import translation

    from tracker import sms

    settings.SMS_BACKEND = "tracker.sms.LocmemSmsBackend"
    sms.outbox.clear()
    sponsor = UserFactory(email="omar@example.org", phone="+31612345678", preferred_language=language)
    CaseFactory(sponsor=sponsor, permit_decision_date=DECIDED)
    send_due_reminders(today=DEADLINE)
    deliver_all()

    [message] = mail.outbox
    [text] = sms.outbox
    with translation.override(language):
        assert message.subject == translation.gettext(
            "Nareis: today is the last day to apply for family reunification")
        assert translation.gettext("Today is the last day.") in message.body
        last_day = translation.gettext("Nareis: today is the last day to apply for family reunification "
                                       "(%(due)s). Apply even if documents are missing.")
        assert text.text.startswith(last_day.split("(%(due)s)")[0].rstrip())
    assert "0 " not in text.text.replace(f"{DEADLINE.year}", "")
    if language != "en":
        assert "last day" not in message.subject + text.text  # really translated


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "words"), [("en", "1 day left"), ("nl", "nog 1 dag "), ("ar", "بقي يوم واحد"),
                                                 ("tr", "1 gün kaldı")])
def test_one_day_before_the_deadline_the_text_counts_one_day(language, words, settings):
    from tracker import sms
    from tracker.notifications import Notice, queue_notice

    settings.SMS_BACKEND = "tracker.sms.LocmemSmsBackend"
    sms.outbox.clear()
    case = CaseFactory(sponsor=UserFactory(phone="+31612345678", preferred_language=language))
    queue_notice(case, Notice.DEADLINE, email=False, days_left=1, due_on=DEADLINE)
    deliver_all()
    [text] = sms.outbox
    assert words in text.text


@pytest.mark.django_db
def test_a_farsi_reminder_counts_in_persian_digits_and_keeps_its_link(settings):
    """Like the pages: the days, the date and the text message in Persian digits; the case's link as it is."""
    from tracker import sms

    settings.SMS_BACKEND = "tracker.sms.LocmemSmsBackend"
    sms.outbox.clear()
    sponsor = UserFactory(email="omar@example.org", phone="+31612345678", preferred_language="fa")
    case = CaseFactory(sponsor=sponsor, permit_decision_date=DECIDED)
    send_due_reminders(today=DEADLINE - timedelta(days=14))
    deliver_all()

    [message] = mail.outbox
    [text] = sms.outbox
    assert "۱۴" in message.subject and not any(digit in message.subject for digit in "0123456789")
    assert f"/cases/{case.pk}/" in message.body
    link = next(word for word in message.body.split() if "://" in word)
    prose = message.body.replace(link, "")
    assert not any(digit in prose for digit in "0123456789")
    assert "۱۴" in text.text or str(DEADLINE.year).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in text.text
