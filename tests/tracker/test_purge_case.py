"""Deleting removes files from storage: a sponsor's document, and an admin's purge of a whole case."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from cases.models import Case, FamilyMember
from documents.bin import empty_bin
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from audit.models import AuditEvent
from audit.services import record_event
from documents.models import Document
from tracker.models import Explanation
from tracker.purging import purge_case
from tests.factories import AdminFactory, CaseFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)  # files leave storage when the deletion commits


def test_a_removed_document_keeps_its_file_until_the_bin_empties(client):
    document = DocumentFactory()
    name = document.file.name
    assert default_storage.exists(name)
    client.force_login(document.case.sponsor)

    response = client.post(reverse("documents:remove", args=[document.pk]), follow=True)

    assert "is in the bin" in response.content.decode()
    assert default_storage.exists(name)
    assert empty_bin(now=timezone.now() + timedelta(days=settings.DOCUMENT_BIN_DAYS)) == 1
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not default_storage.exists(name)


@pytest.fixture
def full_case():
    case = CaseFactory()
    member = FamilyMemberFactory(case=case)
    passport = DocumentFactory(case=case)
    translation = DocumentFactory(case=case, translation_of=passport)
    translation.members.add(member)
    Explanation.objects.create(case=case, member=member, requirement="identity", text="No passport office")
    # A file left behind by an interrupted upload, with no row.
    leftover = default_storage.save(f"cases/{case.pk}/interrupted.jpg", ContentFile(b"\xff\xd8\xff"))
    return case, [passport.file.name, translation.file.name, leftover]


def test_purging_a_case_removes_every_row_and_file(full_case):
    case, files = full_case
    case_id = case.pk
    other = DocumentFactory()

    removed = purge_case(case, actor=AdminFactory())

    assert removed == 2
    assert not Case.objects.filter(pk=case_id).exists()
    assert not FamilyMember.objects.filter(case_id=case_id).exists()
    assert not Document.objects.filter(case_id=case_id).exists()
    assert not Explanation.objects.filter(case_id=case_id).exists()
    assert not any(default_storage.exists(name) for name in files)
    assert not default_storage.exists(f"cases/{case_id}")
    assert default_storage.exists(other.file.name)  # other cases keep theirs
    assert AuditEvent.objects.filter(action="delete", target_type="cases.case", case_id=case_id).exists()


def test_admin_purges_a_case_with_the_admin_action(client, full_case):
    case, files = full_case
    client.force_login(AdminFactory())
    changelist = reverse("admin:cases_case_changelist")

    confirmation = client.post(changelist, {"action": "purge_selected", "_selected_action": [case.pk]})
    assert confirmation.status_code == 200 and "Are you sure" in confirmation.content.decode()
    client.post(changelist, {"action": "purge_selected", "_selected_action": [case.pk], "post": "yes"})

    assert not Case.objects.filter(pk=case.pk).exists()
    assert not any(default_storage.exists(name) for name in files)


def test_deleting_a_case_in_the_admin_is_a_purge(client, full_case):
    case, files = full_case
    client.force_login(AdminFactory())
    client.post(reverse("admin:cases_case_delete", args=[case.pk]), {"post": "yes"})
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not any(default_storage.exists(name) for name in files)


def test_deleting_a_document_in_the_admin_removes_its_file(client):
    document = DocumentFactory()
    client.force_login(AdminFactory())
    client.post(reverse("admin:documents_document_delete", args=[document.pk]), {"post": "yes"})
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not default_storage.exists(document.file.name)


def test_purge_keeps_the_audit_trail_but_not_the_family_s_names(full_case):
    case, _ = full_case
    member = case.members.first()
    admin = AdminFactory()
    record_event(actor=admin, action=AuditEvent.Action.CHANGE, target=member, case_id=case.pk,
                 changes={"full_name": ["Amal Hassan", member.full_name], "birth_date": [None, "2015-03-01"]})
    document = Document.objects.filter(case=case).first()
    record_event(actor=admin, action=AuditEvent.Action.VIEW, target=document, case_id=case.pk)

    case_id = case.pk
    purge_case(case, actor=admin)

    events = AuditEvent.objects.filter(case_id=case_id)
    change = events.get(action="change", target_type="cases.familymember")
    assert change.actor_name == admin.username and change.target_id == str(member.pk)
    assert change.changes == {"full_name": ["[purged]", "[purged]"], "birth_date": [None, "[purged]"]}
    assert not events.exclude(target_type="cases.case").exclude(target_repr="").exists()
    assert events.get(target_type="cases.case", action="delete").changes == {"purged_documents": [2, 0]}


def test_purge_blanks_the_sponsors_name_and_contact_details(full_case):
    case, _ = full_case
    sponsor = case.sponsor
    sponsor.first_name, sponsor.last_name, sponsor.email = "Amal", "Hassan", "amal@example.org"
    sponsor.save()

    purge_case(case, actor=AdminFactory())

    sponsor.refresh_from_db()
    assert (sponsor.first_name, sponsor.last_name, sponsor.email, sponsor.is_active) == ("", "", "", False)
    assert not sponsor.has_usable_password()
