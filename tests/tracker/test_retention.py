"""Closing cases, the coordinators' warning a month ahead, keeping longer, and the purge that keeps figures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from documents.models import Document
from tests.factories import CaseFactory, CoordinatorFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.models import CaseFigures
from tracker.reports import Period, build_report
from tracker.retention import RETENTION_WARNING_DAYS, purge_expired, warn_coordinators

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def retention(settings):
    settings.CASE_RETENTION_DAYS = 100


def test_a_counsellor_closes_a_case_and_it_leaves_the_dashboard(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    client.force_login(counsellor)

    client.post(reverse("tracker:case_close", args=[case.pk]), {"reason": "arrived"})

    case.refresh_from_db()
    assert case.closed_on == timezone.localdate() and case.close_reason == "arrived"
    assert case.purge_after == timezone.localdate() + timedelta(days=100)
    dashboard = client.get(reverse("tracker:case_list"))
    assert dashboard.context["summary"].cases == 0
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "data-closed-on" in page


def test_coordinators_are_warned_a_month_ahead_once_and_can_keep_the_case_longer(client):
    coordinator = CoordinatorFactory(email="lead@example.org")
    case = CaseFactory(organisation=coordinator.organisation, closed_on=timezone.localdate() - timedelta(days=80),
                       close_reason="decided", purge_after=timezone.localdate() + timedelta(days=20))

    assert warn_coordinators() == 1 and warn_coordinators() == 0
    assert len(mail.outbox) == 1 and case.v_number in mail.outbox[0].body

    client.force_login(coordinator)
    assert case in client.get(reverse("tracker:case_list")).context["purge_soon"]
    client.post(reverse("tracker:case_keep_longer", args=[case.pk]))
    case.refresh_from_db()
    assert case.purge_after == timezone.localdate() + timedelta(days=120)
    assert case.purge_warned_on is None  # warned again a month before the new date
    assert case.purge_after - timezone.localdate() > timedelta(days=RETENTION_WARNING_DAYS)


def test_a_counsellor_cannot_keep_a_case_longer(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], closed_on=timezone.localdate(), close_reason="arrived",
                       purge_after=timezone.localdate() + timedelta(days=5))
    client.force_login(counsellor)
    assert client.post(reverse("tracker:case_keep_longer", args=[case.pk])).status_code == 403


def test_the_purge_removes_the_case_and_keeps_its_anonymous_figures_for_the_reports():
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=today - timedelta(days=150), closed_on=today - timedelta(days=101),
                       close_reason="withdrawn", purge_after=today - timedelta(days=1))
    FamilyMemberFactory(case=case, given_names="Marigold")
    DocumentFactory(case=case, kind=Document.Kind.PASSPORT, review_status="rejected", review_reason="Marigold",
                    rejection_reason="blurred")
    kept = CaseFactory(closed_on=today, close_reason="arrived", purge_after=today + timedelta(days=100))
    period = Period(today - timedelta(days=200), today)
    before = build_report(case.organisation_id, period)

    assert purge_expired() == 1

    assert not Case.objects.filter(pk=case.pk).exists() and Case.objects.filter(pk=kept.pk).exists()
    [figures] = CaseFigures.objects.all()
    assert figures.close_reason == "withdrawn" and figures.documents[0][1:] == ["passport", "rejected", "blurred"]
    assert "Marigold" not in str(figures.__dict__)
    after = build_report(case.organisation_id, period)
    assert after.deadlines_missed == before.deadlines_missed == 1
    assert after.tables["documents"].rows == before.tables["documents"].rows
    assert after.tables["rejections"].rows == [["The photo is blurred. Take it again, holding the phone still.", 1]]


def test_the_sponsor_of_a_closed_case_is_no_longer_told_to_apply_before_a_deadline(client):
    """The family arrived and the case was closed: the page said "52 days left, apply before the deadline"."""
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=timezone.localdate() - timedelta(days=30),
                       sponsor__preferred_language="ar")
    client.force_login(counsellor)
    client.post(reverse("tracker:case_close", args=[case.pk]), {"reason": "arrived"})
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "data-case-closed" in page and "الملف مغلق" in page and "وصلت العائلة" in page
    assert 'class="days-left"' not in page and "قدّم الطلب قبل فوات آخر موعد" not in page
