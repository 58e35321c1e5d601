"""Internal notes and tasks: staff write them on a case; the sponsor never sees them; open tasks reach the dashboard."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from tests.factories import CaseFactory, CounsellorFactory
from tracker.models import CaseNote

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    counsellor = CounsellorFactory(first_name="Sanne", last_name="de Vries")
    colleague = CounsellorFactory(first_name="Pieter", last_name="Bakker")
    case = CaseFactory(counsellors=[counsellor, colleague])
    case.counsellor, case.colleague = counsellor, colleague
    return case


def test_a_task_for_a_colleague_shows_on_the_case_and_on_their_dashboard_until_done(client, case):
    client.force_login(case.counsellor)
    client.post(reverse("tracker:note_create", args=[case.pk]), {
        "text": "Bel de referent over de geboorteakte", "due_on": "2026-12-10", "assignee": case.colleague.pk})
    task = CaseNote.objects.get()
    assert (task.author, task.assignee, task.due_on) == (case.counsellor, case.colleague, date(2026, 12, 10))
    assert AuditEvent.objects.filter(action="create", target_type="tracker.casenote").exists()

    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert '<p dir="auto">Bel de referent over de geboorteakte</p>' in page and 'data-task="open"' in page

    client.force_login(case.colleague)
    dashboard = client.get(reverse("tracker:case_list")).content.decode()
    assert f'data-my-task="{task.pk}"' in dashboard and "10 December 2026" in dashboard
    assert 'data-open-tasks="1"' in dashboard

    client.post(reverse("tracker:note_done", args=[task.pk]))
    dashboard = client.get(reverse("tracker:case_list")).content.decode()
    assert "data-my-task" not in dashboard and 'data-open-tasks="0"' in dashboard


def test_the_sponsor_never_sees_internal_notes(client, case):
    CaseNote.objects.create(case=case, author=case.counsellor, text="Sponsor seemed unsure about the dates")
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Sponsor seemed unsure" not in page and 'id="notes"' not in page
    live = client.get(reverse("tracker:case_live", args=[case.pk])).content.decode()
    assert "Sponsor seemed unsure" not in live


def test_a_task_can_only_be_assigned_to_a_counsellor_of_the_case(client, case):
    client.force_login(case.counsellor)
    stranger = CounsellorFactory()
    client.post(reverse("tracker:note_create", args=[case.pk]), {"text": "x", "assignee": stranger.pk})
    assert not CaseNote.objects.exists()
