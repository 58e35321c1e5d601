"""IND letters with their response dates, on the case and on the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.documents.test_location_data import phone_photo
from tests.factories import CaseFactory, CounsellorFactory
from tracker.models import IndLetter, ReplacedLetterScan

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    case.counsellor = counsellor
    return case


def test_a_herstelverzuim_letter_shows_on_the_case_and_the_dashboard_until_answered(client, case):
    today = timezone.localdate()
    client.force_login(case.counsellor)

    response = client.post(reverse("tracker:ind_letter_create", args=[case.pk]), {
        "kind": "herstelverzuim", "received_on": today.isoformat(),
        "response_due": (today + timedelta(days=14)).isoformat(), "subject": "Ontbrekende geboorteakte",
        "notes": "Stuur de geboorteakte van Nour."})
    assert response.status_code == 302
    letter = IndLetter.objects.get()

    dashboard = client.get(reverse("tracker:case_list")).content.decode()
    assert 'data-open-letters="1"' in dashboard and "herstelverzuim" in dashboard
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Ontbrekende geboorteakte" in page and 'data-open="true"' in page

    client.force_login(case.counsellor)
    client.post(reverse("tracker:ind_letter_answered", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.answered_on == today
    assert 'data-open-letters="0"' in client.get(reverse("tracker:case_list")).content.decode()


def test_a_response_date_before_the_letter_is_refused_with_a_message(client, case):
    today = timezone.localdate()
    client.force_login(case.counsellor)
    response = client.post(reverse("tracker:ind_letter_create", args=[case.pk]), {
        "kind": "question", "received_on": today.isoformat(), "response_due": (today - timedelta(days=1)).isoformat(),
        "subject": "Vragen"}, follow=True)
    assert not IndLetter.objects.exists()
    assert "cannot be before" in response.content.decode()


def test_the_sponsor_cannot_record_or_close_letters(client, case):
    letter = IndLetter.objects.create(case=case, received_on=timezone.localdate(), subject="Vragen",
                                      response_due=timezone.localdate())
    client.force_login(case.sponsor)
    assert client.post(reverse("tracker:ind_letter_answered", args=[letter.pk])).status_code == 403
    client.force_login(CounsellorFactory())
    assert client.post(reverse("tracker:ind_letter_answered", args=[letter.pk])).status_code == 404
    letter.refresh_from_db()
    assert letter.answered_on is None


def letter_form(today, **extra) -> dict:
    return {"kind": "question", "received_on": today.isoformat(),
            "response_due": (today + timedelta(days=14)).isoformat(), "subject": "Vragen over uw gezin"} | extra


def test_a_letter_keeps_its_scan_privately_without_location_data_and_serves_it_to_whoever_sees_the_case(client, case):
    client.force_login(case.counsellor)
    scan = SimpleUploadedFile("brief-ind.jpg", phone_photo("JPEG"), content_type="image/jpeg")
    client.post(reverse("tracker:ind_letter_create", args=[case.pk]), letter_form(timezone.localdate(), scan=scan))

    letter = IndLetter.objects.get()
    assert letter.scan.name.startswith(f"cases/{case.pk}/letters/") and "brief" not in letter.scan.name
    with letter.scan.open("rb") as stored:
        assert Image.open(stored).getexif().get_ifd(0x8825) == {}
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "data-letter-scan" in page
    response = client.get(reverse("tracker:ind_letter_scan", args=[letter.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff" and "sandbox" in response["Content-Security-Policy"]
    client.force_login(CaseFactory().sponsor)
    assert client.get(reverse("tracker:ind_letter_scan", args=[letter.pk])).status_code == 404


def test_a_scan_that_is_not_a_document_is_refused_with_its_reason_and_no_letter_is_recorded(client, case):
    client.force_login(case.counsellor)
    page = SimpleUploadedFile("brief.html", b"<html><script>alert(1)</script></html>", content_type="image/jpeg")
    response = client.post(reverse("tracker:ind_letter_create", args=[case.pk]),
                           letter_form(timezone.localdate(), scan=page), follow=True)
    assert not IndLetter.objects.exists()
    assert "not a supported document type" in response.content.decode()


def test_a_counsellor_adds_the_scan_later_and_replaces_it_each_change_audited(
        client, case, django_capture_on_commit_callbacks):
    from audit.models import AuditEvent

    letter = IndLetter.objects.create(case=case, kind="question", received_on=timezone.localdate(), subject="Vragen")
    client.force_login(case.counsellor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert reverse("tracker:ind_letter_scan_upload", args=[letter.pk]) in page and "Add the scan" in page

    first = SimpleUploadedFile("brief-ind.jpg", phone_photo("JPEG"), content_type="image/jpeg")
    response = client.post(reverse("tracker:ind_letter_scan_upload", args=[letter.pk]), {"scan": first}, follow=True)
    assert "The scan of the letter was added." in response.content.decode()
    letter.refresh_from_db()
    assert letter.scan.name.startswith(f"cases/{case.pk}/letters/") and letter.scan_name == "brief-ind.jpg"
    with letter.scan.open("rb") as stored:
        assert Image.open(stored).getexif().get_ifd(0x8825) == {}  # no location, as for documents
    old_file = letter.scan.name

    second = SimpleUploadedFile("brief-ind-2.png", phone_photo("PNG"), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("tracker:ind_letter_scan_upload", args=[letter.pk]), {"scan": second})
    letter.refresh_from_db()
    assert letter.scan_name == "brief-ind-2.png" and letter.scan_content_type == "image/png"
    assert letter.scan.storage.exists(old_file)  # the replaced scan is in the bin, not deleted
    replaced = ReplacedLetterScan.objects.get(letter=letter)
    assert (replaced.scan.name, replaced.scan_name, replaced.replaced_by) == (old_file, "brief-ind.jpg", case.counsellor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert f'data-replaced-scan="{replaced.pk}"' in page and "Put the earlier scan back" in page
    assert list(AuditEvent.objects.filter(target_id=str(letter.pk), action=AuditEvent.Action.CHANGE)
                .order_by("id").values_list("changes", flat=True)) == [
        {"scan_name": [None, "brief-ind.jpg"]}, {"scan_name": ["brief-ind.jpg", "brief-ind-2.png"]}]

    # Put back: the earlier scan is the letter's again, and the one it replaced goes to the bin in turn.
    new_file = letter.scan.name
    response = client.post(reverse("tracker:ind_letter_scan_restore", args=[replaced.pk]), follow=True)
    assert "The earlier scan of the letter is back." in response.content.decode()
    letter.refresh_from_db()
    assert (letter.scan.name, letter.scan_name, letter.scan_content_type) == (old_file, "brief-ind.jpg", "image/jpeg")
    assert list(ReplacedLetterScan.objects.values_list("scan", "scan_name")) == [(new_file, "brief-ind-2.png")]
    restored = AuditEvent.objects.filter(target_id=str(letter.pk), action=AuditEvent.Action.CHANGE).latest("id")
    assert restored.changes == {"scan_name": ["brief-ind-2.png", "brief-ind.jpg"]}


def test_the_bin_empties_itself_of_replaced_scans_after_the_bin_period(
        client, case, settings, django_capture_on_commit_callbacks):
    from audit.models import AuditEvent
    from tracker.correspondence import attach_scan, empty_replaced_scans

    letter = IndLetter.objects.create(case=case, kind="question", received_on=timezone.localdate(), subject="Vragen")
    for name in ("eerste.jpg", "tweede.jpg"):
        attach_scan(letter, SimpleUploadedFile(name, phone_photo("JPEG"), content_type="image/jpeg"),
                    actor=case.counsellor)
    replaced = ReplacedLetterScan.objects.get()
    storage, old_file = replaced.scan.storage, replaced.scan.name
    almost = replaced.replaced_at + timedelta(days=settings.DOCUMENT_BIN_DAYS) - timedelta(minutes=1)
    assert empty_replaced_scans(now=almost) == 0 and storage.exists(old_file)

    with django_capture_on_commit_callbacks(execute=True):
        assert empty_replaced_scans(now=almost + timedelta(minutes=2)) == 1
    assert not ReplacedLetterScan.objects.exists() and not storage.exists(old_file)
    letter.refresh_from_db()
    assert letter.scan_name == "tweede.jpg" and storage.exists(letter.scan.name)
    deleted = AuditEvent.objects.get(target_id=str(letter.pk), action=AuditEvent.Action.DELETE)
    assert deleted.actor is None and deleted.changes == {"replaced_scan": ["eerste.jpg", None]}


def test_a_bad_scan_later_is_refused_with_its_reason_and_the_letter_keeps_its_scan(client, case):
    client.force_login(case.counsellor)
    scan = SimpleUploadedFile("brief.jpg", phone_photo("JPEG"), content_type="image/jpeg")
    client.post(reverse("tracker:ind_letter_create", args=[case.pk]), letter_form(timezone.localdate(), scan=scan))
    letter = IndLetter.objects.get()
    kept = letter.scan.name

    bad = SimpleUploadedFile("brief.html", b"<html><script>alert(1)</script></html>", content_type="image/jpeg")
    response = client.post(reverse("tracker:ind_letter_scan_upload", args=[letter.pk]), {"scan": bad}, follow=True)
    assert "not a supported document type" in response.content.decode()
    letter.refresh_from_db()
    assert letter.scan.name == kept and letter.scan.storage.exists(kept)

    client.force_login(case.sponsor)
    other = SimpleUploadedFile("b.jpg", phone_photo("JPEG"), content_type="image/jpeg")
    assert client.post(reverse("tracker:ind_letter_scan_upload", args=[letter.pk]), {"scan": other}).status_code == 403


def test_a_letter_received_in_the_future_is_refused(client, case):
    today = timezone.localdate()
    client.force_login(case.counsellor)
    response = client.post(reverse("tracker:ind_letter_create", args=[case.pk]), {
        "kind": "question", "received_on": (today + timedelta(days=3)).isoformat(),
        "response_due": (today + timedelta(days=30)).isoformat(), "subject": "Vragen"}, follow=True)
    assert not IndLetter.objects.exists()
    assert "This date is in the future" in response.content.decode()


def test_a_letter_an_admin_deletes_takes_its_scans_out_of_storage(client, case, django_capture_on_commit_callbacks):
    from tests.factories import AdminFactory

    client.force_login(case.counsellor)
    scan = SimpleUploadedFile("brief-ind.jpg", phone_photo("JPEG"), content_type="image/jpeg")
    client.post(reverse("tracker:ind_letter_create", args=[case.pk]), letter_form(timezone.localdate(), scan=scan))
    letter = IndLetter.objects.get()
    first = letter.scan.name
    newer = SimpleUploadedFile("brief-ind-2.png", phone_photo("PNG"), content_type="image/png")
    client.post(reverse("tracker:ind_letter_scan_upload", args=[letter.pk]), {"scan": newer})
    letter.refresh_from_db()
    storage, files = letter.scan.storage, [first, letter.scan.name]
    assert all(storage.exists(name) for name in files)

    client.force_login(AdminFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:tracker_indletter_delete", args=[letter.pk]), {"post": "yes"})
    assert response.status_code == 302 and not IndLetter.objects.exists()
    assert not any(storage.exists(name) for name in files)  # the scan and the one it replaced
