"""Admin oversight: filter cases by deadline, counsellor and missing evidence; reassign, export, read again."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from documents.models import Document
from tests.conftest import admin_action
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:cases_case_changelist"


def listed(admin_client, **params) -> set[int]:
    response = admin_client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return {case.pk for case in response.context["cl"].result_list}


def test_filter_by_deadline_status(admin_client):
    today = timezone.localdate()
    soon = CaseFactory(permit_decision_date=today - timedelta(days=80))
    roomy = CaseFactory(permit_decision_date=today - timedelta(days=5))
    passed = CaseFactory(permit_decision_date=today - timedelta(days=100))
    unknown = CaseFactory(permit_decision_date=None)
    filed = CaseFactory(permit_decision_date=today - timedelta(days=80), application_filed_on=today)

    assert listed(admin_client, deadline="due_soon") == {soon.pk}
    assert listed(admin_client, deadline="open") == {roomy.pk}
    assert listed(admin_client, deadline="passed") == {passed.pk}
    assert listed(admin_client, deadline="unknown") == {unknown.pk}
    assert listed(admin_client, deadline="filed") == {filed.pk}


def test_filter_by_missing_evidence_and_counsellor(admin_client):
    counsellor = CounsellorFactory()
    complete = CaseFactory(counsellors=[counsellor])
    DocumentFactory(case=complete, kind=Document.Kind.ASYLUM_DECISION, review_status="accepted")
    missing = CaseFactory()

    assert listed(admin_client, evidence="missing") == {missing.pk}
    assert listed(admin_client, evidence="complete") == {complete.pk}
    assert listed(admin_client, counsellors__id__exact=counsellor.pk) == {complete.pk}


def test_reassigning_counsellors_is_recorded(admin_client):
    old, new = CounsellorFactory(), CounsellorFactory()
    case = CaseFactory(counsellors=[old])
    asking = admin_action(admin_client, CHANGELIST, "reassign_counsellors", [case])
    assert asking.status_code == 200  # the form asking to whom

    done = admin_action(admin_client, CHANGELIST, "reassign_counsellors", [case], apply="1", counsellors=[new.pk],
                        replace="on", follow=True)
    assert "Counsellors of 1 case updated." in done.content.decode()  # not "1 cases"

    assert list(case.counsellors.all()) == [new]
    event = AuditEvent.objects.get(target_id=str(case.pk), action="change")
    assert event.changes == {"counsellors": [[old.pk], [new.pk]]}


def breadcrumbs(page: str) -> list[str]:
    trail = re.search(r'<div class="breadcrumbs">(.*?)</div>', page, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", step).strip() for step in trail.split("&rsaquo;")]


def test_the_reassign_page_is_reached_through_cases_like_a_case(admin_client):
    case = CaseFactory()
    page = admin_action(admin_client, CHANGELIST, "reassign_counsellors", [case]).content.decode()
    a_case = admin_client.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()

    assert breadcrumbs(page) == ["Home", "Cases", "Cases", "Reassign counsellors"]
    assert breadcrumbs(page)[:3] == breadcrumbs(a_case)[:3]
    assert f'href="{reverse("admin:app_list", args=["cases"])}"' in page and f'href="{reverse(CHANGELIST)}"' in page


def test_export_from_the_admin(admin_client):
    cases = [CaseFactory(), CaseFactory()]
    response = admin_action(admin_client, CHANGELIST, "export_dossiers", cases)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(archive.namelist()) == 2 and all(name.endswith(".zip") for name in archive.namelist())


def test_reading_documents_again_resets_and_queues_them(admin_client, django_capture_on_commit_callbacks):
    failed = DocumentFactory(status=Document.Status.FAILED, attempts=3, error_message="Unreadable", kind="")
    with django_capture_on_commit_callbacks(execute=True):
        admin_action(admin_client, "admin:documents_document_changelist", "read_documents_again", [failed])
    failed.refresh_from_db()
    assert failed.status == Document.Status.QUEUED  # reset to received, then queued through the real Redis
    assert failed.attempts == 0 and failed.error_message == ""


def test_the_case_page_in_the_admin_shows_its_history_read_only(admin_client):
    case = CaseFactory()
    AuditEvent.objects.create(action="review", actor_name="sanne", target_type="documents.document", target_id="7",
                              target_repr="passport.jpg", case_id=case.pk, changes={"review_status": ["pending", "accepted"]})
    page = admin_client.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()
    assert "passport.jpg" in page and "review_status: pending → accepted" in page


def test_the_admin_offers_counsellors_named_with_their_organisation(admin_client):
    from tests.factories import OrganisationFactory

    case = CaseFactory()
    CounsellorFactory(first_name="Sanne", last_name="de Vries", organisation=case.organisation)
    CounsellorFactory(first_name="Sanne", last_name="de Vries", organisation=OrganisationFactory(name="Elders"))
    page = admin_client.get(reverse("admin:cases_case_change", args=[case.pk])).content.decode()
    assert f"Sanne de Vries ({case.organisation})" in page and "Sanne de Vries (Elders)" in page


def test_reassigning_offers_the_counsellors_of_the_cases_organisations_named_with_it(admin_client):
    ours = OrganisationFactory(name="Gemeente Utrecht")
    sanne = CounsellorFactory(organisation=ours, first_name="Sanne", last_name="de Vries")
    CounsellorFactory(organisation=OrganisationFactory(name="Advocaten Noord"), first_name="Sanne", last_name="de Vries")
    case = CaseFactory(organisation=ours, sponsor__first_name="محمد", sponsor__last_name="الأحمد")

    page = admin_action(admin_client, CHANGELIST, "reassign_counsellors", [case]).content.decode()

    assert "Sanne de Vries (Gemeente Utrecht)" in page and "Advocaten Noord" not in page
    assert f"<bdi>{case}</bdi> {case.v_number}" in page  # an Arabic name does not pull the V-number before it
    assert f'value="{sanne.pk}"' in page


def test_deleting_cases_is_offered_once_as_a_purge(admin_client):
    CaseFactory()
    actions = [value for value, _ in admin_client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices]
    assert "purge_selected" in actions and "delete_selected" not in actions
