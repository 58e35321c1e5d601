"""The sponsor is told in their own language: a rejected document (with the reason), an IND letter, the deadline.

E-mail through Django's test outbox; text messages through the in-memory backend, and the HTTP gateway
backend against a real HTTP server of the test's own on 127.0.0.1.
"""

from __future__ import annotations

import io
import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.utils import timezone, translation

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, UserFactory
from tracker import sms
from tracker.correspondence import record_letter
from tracker.models import Notification
from tracker.notifications import DeliveryFailed, Notice, deliver, queue_notice
from tracker.reminders import send_due_reminders
from tracker.review import DocumentReview, review_document
from tracker.rules import deadline_for

from .sending import deliver_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def texts(settings):
    settings.SMS_BACKEND = "tracker.sms.LocmemSmsBackend"
    sms.outbox.clear()
    return sms.outbox


@pytest.fixture
def case():
    sponsor = UserFactory(preferred_language="ar", email="amal@example.org", phone="+31612345678")
    return CaseFactory(sponsor=sponsor, counsellors=[CounsellorFactory()])


def in_arabic(text) -> str:
    with translation.override("ar"):
        return str(text) if not isinstance(text, str) else translation.gettext(text)


def test_a_rejected_document_is_explained_in_the_sponsors_language(case, texts, django_capture_on_commit_callbacks):
    document = DocumentFactory(case=case, kind="passport", original_name="passport.jpg")
    with django_capture_on_commit_callbacks() as callbacks:
        review_document(document, DocumentReview(
            review_status=Document.Review.REJECTED, review_reason="Please include the page with the photo.",
            kind="passport", members=[], translation_of=None,
            rejection_reason=Document.RejectionReason.BLURRED), actor=case.counsellors.get())
    assert callbacks and deliver_all()

    [email] = mail.outbox
    reason = in_arabic(Document.RejectionReason.BLURRED.label)
    assert reason != Document.RejectionReason.BLURRED.label  # really translated
    assert email.to == ["amal@example.org"] and reason in email.body and "passport.jpg" in email.body
    assert "Please include the page with the photo." in email.body  # the counsellor's own words, as written
    assert in_arabic("Your counsellor wrote:") in email.body
    [text] = texts
    assert text.to == "+31612345678" and reason in text.text and f"/cases/{case.pk}/" in text.text


def test_accepting_tells_nobody(case, texts, django_capture_on_commit_callbacks):
    document = DocumentFactory(case=case)
    with django_capture_on_commit_callbacks() as callbacks:
        review_document(document, DocumentReview(review_status=Document.Review.ACCEPTED, review_reason="",
                                                 kind="passport", members=[], translation_of=None),
                        actor=case.counsellors.get())
    queued = [callback for callback in callbacks if callback.__module__ != "tracker.page_cache"]  # pages redrawn
    assert not queued and deliver_all() == 0
    assert mail.outbox == [] and texts == []


def test_a_recorded_ind_letter_is_announced(case, texts, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        record_letter(case, kind="question", received_on=date(2026, 11, 2), response_due=date(2026, 11, 30),
                      subject="Vragen over uw aanvraag", actor=case.counsellors.get())
    assert callbacks and deliver_all()
    [email] = mail.outbox
    assert "Vragen over uw aanvraag" in email.body and in_arabic("Nareis: a letter from the IND") == email.subject
    [text] = texts
    assert text.to == "+31612345678" and "2026" in text.text


def test_the_deadline_reminder_also_comes_as_a_text_message(case, texts):
    today = timezone.localdate()
    decided = today - timedelta(days=80)
    case.permit_decision_date = decided
    case.save()
    days_left = (deadline_for(decided) - today).days
    assert send_due_reminders(today)
    assert deliver_all() == 1
    [text] = texts
    assert text.to == "+31612345678" and str(days_left) in text.text


def test_without_address_or_number_nothing_is_sent(texts):
    case = CaseFactory(sponsor=UserFactory(email="", phone=""))
    assert queue_notice(case, Notice.IND_LETTER) == []
    assert deliver_all() == 0 and mail.outbox == [] and texts == []


class Gateway(BaseHTTPRequestHandler):
    received: list[dict] = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Gateway.received.append({"body": json.loads(body), "authorization": self.headers.get("Authorization"),
                                 "content_type": self.headers.get("Content-Type"),
                                 "idempotency_key": self.headers.get("Idempotency-Key")})
        self.send_response(Gateway.status)
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    Gateway.received, Gateway.status = [], 200
    server = HTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/messages"
    server.shutdown()
    server.server_close()


def test_the_http_gateway_gets_one_json_post_per_message(case, gateway, settings):
    settings.SMS_BACKEND = "tracker.sms.HttpGatewaySmsBackend"
    settings.SMS_GATEWAY_URL, settings.SMS_GATEWAY_TOKEN, settings.SMS_SENDER = gateway, "secret-token", "Nareis"
    queue_notice(case, Notice.DEADLINE, email=False, days_left=7, due_on=date(2027, 1, 1))
    assert deliver_all() == 1
    [request] = Gateway.received
    assert request["authorization"] == "Bearer secret-token" and request["content_type"].startswith("application/json")
    assert request["body"]["to"] == "+31612345678" and request["body"]["from"] == "Nareis"
    assert "7" in request["body"]["text"]


def test_a_failing_gateway_is_retried_and_nothing_is_lost(case, gateway, settings):
    settings.SMS_BACKEND = "tracker.sms.HttpGatewaySmsBackend"
    settings.SMS_GATEWAY_URL = gateway
    Gateway.status = 503
    email, text = queue_notice(case, Notice.DEADLINE, days_left=7, due_on=date(2027, 1, 1))
    with pytest.raises(DeliveryFailed):
        deliver(text.pk)
    assert deliver(email.pk) and len(mail.outbox) == 1  # the e-mail does not wait for the gateway
    text.refresh_from_db()
    assert text.sent_at is None and text.attempts == 1 and "503" in text.last_error

    Gateway.status = 200
    assert deliver(text.pk) and len(Gateway.received) == 2
    assert not deliver(email.pk) or len(mail.outbox) == 1  # each is sent once
    text.refresh_from_db()
    assert text.sent_at is not None and text.attempts == 2


def test_the_sweep_queues_again_only_what_is_unsent_a_while(case, monkeypatch):
    from tracker import notifications

    fresh, old = queue_notice(case, Notice.IND_LETTER)
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - notifications.SWEEP_AFTER - timedelta(minutes=1))
    queued = []
    monkeypatch.setattr(notifications, "dispatch", queued.extend)
    assert notifications.send_pending() == 1 and queued == [old.pk]
    deliver(old.pk)
    assert notifications.send_pending() == 0


def test_the_console_backend_prints_the_message():
    stream = io.StringIO()
    sms.ConsoleSmsBackend(stream).send(sms.TextMessage("+31612345678", "Hallo"))
    assert "+31612345678" in stream.getvalue() and "Hallo" in stream.getvalue()



def test_a_file_name_in_an_arabic_e_mail_is_isolated_from_the_sentence(case, django_capture_on_commit_callbacks):
    """In a plain-text e-mail, "photo (2).jpg" inside Arabic would show as "jpg.(2) photo" without isolates."""
    document = DocumentFactory(case=case, kind="passport", original_name="photo (2).jpg")
    with django_capture_on_commit_callbacks() as callbacks:
        review_document(document, DocumentReview(
            review_status=Document.Review.REJECTED, review_reason="", kind="passport", members=[],
            translation_of=None, rejection_reason=Document.RejectionReason.BLURRED), actor=case.counsellors.get())
    assert callbacks and deliver_all()

    [email] = mail.outbox
    assert "\u2068photo (2).jpg\u2069" in email.body


@pytest.mark.django_db(transaction=True)
def test_a_rejection_on_the_review_screen_is_sent_by_the_worker_after_the_request(client, celery_worker):
    import time

    from django.urls import reverse

    sponsor = UserFactory(preferred_language="ar", email="amal@example.org", phone="+31612345678")
    counsellor = CounsellorFactory()
    case = CaseFactory(sponsor=sponsor, counsellors=[counsellor])
    document = DocumentFactory(case=case, kind="passport")
    client.force_login(counsellor)

    response = client.post(reverse("tracker:review_screen", args=[document.pk]), {
        "review_status": "rejected", "rejection_reason": "blurred", "kind": "passport"})

    assert response.status_code == 302
    assert mail.outbox == []  # nothing was sent in the request itself
    rows = Notification.objects.filter(case=case)
    assert sorted(rows.values_list("channel", flat=True)) == ["email", "sms"]
    deadline = time.monotonic() + 60  # a ceiling against hangs, not a speed check
    while rows.filter(sent_at__isnull=True).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not rows.filter(sent_at__isnull=True).exists(), "the worker did not send the notifications"
    assert set(rows.values_list("attempts", flat=True)) == {1}


def test_the_task_retries_a_failing_gateway_and_keeps_the_message_for_the_sweep(case, gateway, settings):
    from tracker.tasks import NOTIFICATION_RETRY_DELAYS, send_notification_task

    settings.SMS_BACKEND = "tracker.sms.HttpGatewaySmsBackend"
    settings.SMS_GATEWAY_URL = gateway
    Gateway.status = 502
    [text] = queue_notice(case, Notice.DEADLINE, email=False, days_left=7, due_on=date(2027, 1, 1))

    send_notification_task.apply(args=[text.pk])  # run here: a retry runs again at once

    text.refresh_from_db()
    assert text.sent_at is None and text.attempts == len(NOTIFICATION_RETRY_DELAYS) + 1
    assert len(Gateway.received) == text.attempts


def test_admins_see_what_still_waits_to_be_sent_with_the_last_error(client, case):
    from django.urls import reverse

    from tests.factories import AdminFactory

    [waiting] = queue_notice(case, Notice.IND_LETTER, email=False)
    Notification.objects.filter(pk=waiting.pk).update(attempts=3, last_error="The SMS gateway answered 503.")
    client.force_login(AdminFactory())
    page = client.get(reverse("admin:tracker_notification_changelist"), {"sent_at__isempty": "1"}).content.decode()
    assert "The SMS gateway answered 503." in page and "ind_letter" in page


class WorkerStopped(BaseException):
    """The worker process killed right after the gateway took the message (not an error the task catches)."""


def test_a_message_tried_again_after_an_unknown_outcome_keeps_its_identity(case, gateway, settings, monkeypatch):
    """A worker dies after the gateway accepted the text: the next attempt knows the outcome is unknown, sends it
    again deliberately with the same idempotency key and reference (the gateway can drop it) and counts it."""
    settings.SMS_BACKEND = "tracker.sms.HttpGatewaySmsBackend"
    settings.SMS_GATEWAY_URL = gateway
    [text] = queue_notice(case, Notice.DEADLINE, email=False, days_left=7, due_on=date(2027, 1, 1))
    hand_over = sms.HttpGatewaySmsBackend.send

    def accepted_then_killed(self, message):
        hand_over(self, message)
        raise WorkerStopped

    monkeypatch.setattr(sms.HttpGatewaySmsBackend, "send", accepted_then_killed)
    with pytest.raises(WorkerStopped):
        deliver(text.pk)
    text.refresh_from_db()
    assert text.sent_at is None and text.attempt_started_at is not None  # started, outcome unknown
    assert not deliver(text.pk)  # still claimed by the dead worker: nobody sends it meanwhile

    monkeypatch.setattr(sms.HttpGatewaySmsBackend, "send", hand_over)
    Notification.objects.filter(pk=text.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert deliver(text.pk)
    first, again = Gateway.received
    assert first["body"] == again["body"] and first["body"]["reference"] == f"nareis-notification-{text.pk}"
    assert first["idempotency_key"] == again["idempotency_key"] == text.message_key
    text.refresh_from_db()
    assert text.sent_at is not None and text.attempt_started_at is None
    assert (text.attempts, text.unknown_outcomes) == (2, 1) and text.last_error == ""
    assert deliver(text.pk) and len(Gateway.received) == 2  # sent: never again


def test_an_e_mail_has_the_same_message_id_on_every_attempt(case, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    [email] = queue_notice(case, Notice.IND_LETTER, sms=False)
    keep = EmailBackend.send_messages

    def accepted_then_killed(self, messages):
        keep(self, messages)
        raise WorkerStopped

    monkeypatch.setattr(EmailBackend, "send_messages", accepted_then_killed)
    with pytest.raises(WorkerStopped):
        deliver(email.pk)
    monkeypatch.setattr(EmailBackend, "send_messages", keep)
    Notification.objects.filter(pk=email.pk).update(claimed_until=None)
    assert deliver(email.pk)
    first, again = (message.message()["Message-ID"] for message in mail.outbox)
    assert first == again == f"<nareis-notification-{email.pk}@127.0.0.1>"
    email.refresh_from_db()
    assert email.unknown_outcomes == 1


def test_unknown_outcomes_count_as_attempts_and_are_given_up_in_the_end(case, texts):
    from tracker import notifications

    [text] = queue_notice(case, Notice.IND_LETTER, email=False)
    Notification.objects.filter(pk=text.pk).update(attempt_started_at=timezone.now() - timedelta(hours=1),
                                                   attempts=notifications.MAX_ATTEMPTS - 1)
    assert not deliver(text.pk)  # a message whose every attempt stopped the worker is not tried for ever
    text.refresh_from_db()
    assert text.sent_at is None and text.attempts == notifications.MAX_ATTEMPTS and text.unknown_outcomes == 1
    assert texts == []
