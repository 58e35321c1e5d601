"""The deadline: seen before a read date is confirmed, checked by a counsellor, and one number for "due soon"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils import translation

from tests.factories import CaseFactory, CounsellorFactory, FamilyMemberFactory
from tracker import rules
from tracker.caseload import dashboard_rows
from tracker.dashboard import DashboardFilters, NeedsFilter
from tracker.reminders import REMINDER_DAYS, due_reminders

pytestmark = pytest.mark.django_db


def page(client, case) -> str:
    return client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()


@pytest.fixture
def counsellor():
    return CounsellorFactory()


def test_the_sponsor_sees_the_deadline_a_read_date_gives_before_confirming(client):
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=None, proposed_decision_date=today - timedelta(days=20))
    client.force_login(case.sponsor)
    deadline = rules.deadline_for(today - timedelta(days=20))
    html = page(client, case)
    assert f'data-proposed-deadline="{deadline:%Y-%m-%d}"' in html
    assert f"{(deadline - today).days} days left" in html


def test_a_date_the_sponsor_confirmed_is_to_be_checked_by_a_counsellor(client, counsellor):
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=None, proposed_decision_date=date(2026, 9, 1))
    client.force_login(case.sponsor)
    client.post(reverse("tracker:decision_date_confirm", args=[case.pk]))
    case.refresh_from_db()
    assert case.permit_decision_date == date(2026, 9, 1) and case.decision_date_to_check
    assert "To be checked by your counsellor." in page(client, case)

    client.force_login(counsellor)
    assert "data-date-to-check" in client.get(reverse("tracker:case_list")).content.decode()
    [row] = dashboard_rows(counsellor, DashboardFilters(needs=NeedsFilter.PROPOSED_DATE))
    assert row.case == case
    client.post(reverse("tracker:decision_date_checked", args=[case.pk]))
    case.refresh_from_db()
    assert not case.decision_date_to_check
    assert "data-to-check" not in page(client, case)
    assert "data-date-to-check" not in client.get(reverse("tracker:case_list")).content.decode()


def test_a_date_a_counsellor_confirmed_needs_no_check(client, counsellor):
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=None, proposed_decision_date=date(2026, 9, 1))
    client.force_login(counsellor)
    client.post(reverse("tracker:decision_date_confirm", args=[case.pk]))
    case.refresh_from_db()
    assert case.permit_decision_date == date(2026, 9, 1) and not case.decision_date_to_check


def test_the_sponsor_cannot_mark_the_date_checked(client):
    case = CaseFactory(decision_date_to_check=True)
    client.force_login(case.sponsor)
    assert client.post(reverse("tracker:decision_date_checked", args=[case.pk])).status_code == 403
    case.refresh_from_db()
    assert case.decision_date_to_check


@pytest.mark.parametrize("days_left", [(rules.DUE_SOON_DAYS + 10, rules.DUE_SOON_DAYS + 12),
                                       (rules.DUE_SOON_DAYS + 1, rules.DUE_SOON_DAYS + 4)])
def test_no_due_soon_notice_before_the_status_turns(client, days_left):
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=decided_for(today, *days_left))
    client.force_login(case.sponsor)
    html = page(client, case)
    assert 'data-code="deadline_due_soon"' not in html and "deadline-open" in html


def test_status_notice_filter_and_first_reminder_turn_on_the_same_day(client, counsellor):
    today = timezone.localdate()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_for(today, rules.DUE_SOON_DAYS - 3, rules.DUE_SOON_DAYS))
    client.force_login(case.sponsor)
    html = page(client, case)
    assert 'data-code="deadline_due_soon"' in html and "deadline-due_soon" in html
    [row] = dashboard_rows(counsellor, DashboardFilters(deadline="due_soon"))
    assert row.case == case
    assert max(REMINDER_DAYS) == rules.DUE_SOON_DAYS
    assert [r.days_before for r in due_reminders(today) if r.case == case] == [rules.DUE_SOON_DAYS]


def decided_for(today: date, fewest: int, most: int) -> date:
    """The latest decision date whose deadline leaves between ``fewest`` and ``most`` days after ``today``
    (three calendar months clamp at a month's end, so not every count of days is reachable on every day)."""
    decided = today - timedelta(days=200)
    found = None
    while decided < today:
        if fewest <= (rules.deadline_for(decided) - today).days <= most:
            found = decided
        decided += timedelta(days=1)
    assert found is not None
    return found


def test_the_counsellor_is_not_addressed_as_the_sponsor_on_the_case_page(client, counsellor):
    """The read decision date, a document waiting for review and a photo to retake, seen by each side."""
    from tests.factories import DocumentFactory

    case = CaseFactory(counsellors=[counsellor], permit_decision_date=None,
                       proposed_decision_date=timezone.localdate() - timedelta(days=20))
    decision = DocumentFactory(case=case, kind="asylum_decision", fields={"retake": ["blurred"]})
    decision.refresh_from_db()
    client.force_login(counsellor)
    staff = page(client, case)
    for sponsor_words in ("your asylum decision", "you uploaded", "your deadline", "Your counsellor will check it",
                          "Please take this photo again"):
        assert sponsor_words not in staff
    assert "Is this the date on the asylum decision?" in staff
    assert "The sponsor is asked to take this photo again:" in staff
    client.force_login(case.sponsor)
    sponsor = page(client, case)
    assert "Is this the date on your asylum decision?" in sponsor and "your deadline to apply" in sponsor
    assert "Received. Your counsellor will check it." in sponsor and "Please take this photo again." in sponsor


APPLY_BEFORE = "Apply before the deadline even if documents are still missing"
APPLY_NOW = "Apply now all the same"


def test_a_passed_deadline_says_what_to_do_once_and_no_longer_to_apply_before_it(client):
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=today - timedelta(days=120))
    client.force_login(case.sponsor)
    html = page(client, case)
    assert "The deadline has passed." in html and "deadline-passed" in html
    assert html.count(APPLY_NOW) == 1 and 'data-code="deadline_passed"' not in html
    assert APPLY_BEFORE not in html


def test_an_application_filed_in_time_is_not_told_its_deadline_passed(client):
    """A sponsor who applied two days before the deadline read, a month later, "The deadline has passed",
    "Apply before the deadline" and "Apply now all the same and explain why the application is late"."""
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=today - timedelta(days=120), sponsor__preferred_language="nl")
    case.application_filed_on = rules.deadline_for(case.permit_decision_date) - timedelta(days=2)
    case.save()
    client.force_login(case.sponsor)
    html = page(client, case)
    assert "data-filed" in html and "deadline-filed" in html and "deadline-passed" not in html
    assert "De aanvraag is ingediend op" in html
    assert "De uiterste datum is voorbij" not in html and "data-late" not in html
    assert "data-apply-hint" not in html and 'data-code="deadline_passed"' not in html


def test_a_filed_application_is_not_told_to_hurry(client):
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=today - timedelta(days=80), application_filed_on=today)
    client.force_login(case.sponsor)
    html = page(client, case)
    assert 'data-code="deadline_due_soon"' not in html and "data-apply-hint" not in html
    assert "days left" not in html and "data-filed" in html


def test_the_deadline_card_names_the_child_who_turns_18_first_and_that_day(client):
    """The card said "52 days left" while a son turned 18 in 20 days; only his own card, far below, said so."""
    today = timezone.localdate()
    case = CaseFactory(permit_decision_date=decided_for(today, 50, 55), sponsor__preferred_language="nl")
    later = FamilyMemberFactory(case=case, given_names="Sara", birth_date=today.replace(year=today.year - 18) + timedelta(days=40))
    first = FamilyMemberFactory(case=case, given_names="Yonas", surname="Haile",
                                birth_date=today.replace(year=today.year - 18) + timedelta(days=20))
    client.force_login(case.sponsor)
    html = page(client, case)
    assert f'data-turns-adult="{first.pk}"' in html and f'data-turns-adult="{later.pk}"' not in html
    with translation.override("nl"):
        day = date_format(today + timedelta(days=20), "DATE_FORMAT")
    assert f"Dien de aanvraag in vóór {day}: op die dag wordt <bdi>Yonas Haile</bdi> 18." in html

    case.application_filed_on = today
    case.save()
    assert "data-turns-adult" not in page(client, case)
