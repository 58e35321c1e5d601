"""A counsellor's form refused on the case page comes back as it was typed, open, each error beside its field.

The forms post to their own URL and redirect to the case page; the redirect used to lose what was typed (a long
explanation for the IND, a letter's notes, the case's facts) and said what was wrong only at the page's top.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CaseFactory, CounsellorFactory, FamilyMemberFactory
from tracker.models import Explanation, IndLetter
from tracker.review import CASE_FACT_FIELDS

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def case(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=TODAY - timedelta(days=20))
    FamilyMemberFactory(case=case, given_names="Nour", relation="child")
    client.force_login(counsellor)
    return case


def section(page: str, element_id: str) -> str:
    """The element with ``element_id`` (a <details> or <section>) up to its end."""
    start = page.rindex("<", 0, page.index(f'id="{element_id}"'))
    tag = re.match(r"<(\w+)", page[start:]).group(1)
    return page[start:page.index(f"</{tag}>", start)]


def test_an_explanation_missing_a_part_keeps_the_parts_written(client, case):
    parts = {"member": case.members.get().pk, "requirement": "identity", "remedy": "interview",
             "document_sought": "Passport of Nour", "text": "Eritrea issues no passports to those who left",
             "attempts": "  ", "other_evidence": "A baptism certificate from the church in Asmara"}

    page = client.post(reverse("tracker:explanation_create", args=[case.pk]), parts, follow=True).content.decode()

    assert not Explanation.objects.exists()
    form = section(page, "explanations")
    assert "<details open>" in form
    assert "Eritrea issues no passports to those who left" in form
    assert "A baptism certificate from the church in Asmara" in form and 'value="Passport of Nour"' in form
    assert '<option value="interview" selected>' in form
    attempts = re.search(r'<textarea name="attempts"[^>]*>', form).group(0)
    assert 'aria-invalid="true"' in attempts

    again = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Eritrea issues no passports" not in again  # shown back once, not kept for later visits


def test_a_letter_answered_before_it_came_keeps_its_subject_and_notes(client, case):
    letter = {"kind": "question", "received_on": TODAY.isoformat(),
              "response_due": (TODAY - timedelta(days=1)).isoformat(), "subject": "Vragen over Nour",
              "notes": "Bellen met de school over de inschrijving"}

    page = client.post(reverse("tracker:ind_letter_create", args=[case.pk]), letter, follow=True).content.decode()

    assert not IndLetter.objects.exists()
    form = section(page, "ind-letters")
    assert "<details open>" in form
    assert 'value="Vragen over Nour"' in form and "Bellen met de school over de inschrijving" in form
    assert "The response date cannot be before the letter was received." in form


def test_rules_chosen_without_a_reason_keep_the_other_facts_typed(client, case):
    facts = {field: getattr(case, field) or "" for field in CASE_FACT_FIELDS} | {
        "v_number": "1234567890", "policy_override": "before_two_status", "policy_override_reason": " ",
        "late_reason": "The decision reached the sponsor three weeks late"}

    page = client.post(reverse("tracker:case_facts_update", args=[case.pk]), facts, follow=True).content.decode()

    case.refresh_from_db()
    assert case.policy_override == "" and case.v_number != "1234567890"
    form = section(page, "case-facts")
    assert '<details class="card" id="case-facts" open>' in form
    assert 'value="1234567890"' in form and "The decision reached the sponsor three weeks late" in form
    assert "Give a reason when you choose which rules apply." in form


def test_a_note_refused_comes_back_with_its_due_date_and_person(client, case):
    counsellor = case.counsellors.get()
    note = {"text": "   ", "due_on": (TODAY + timedelta(days=3)).isoformat(), "assignee": counsellor.pk}

    page = client.post(reverse("tracker:note_create", args=[case.pk]), note, follow=True).content.decode()

    form = section(page, "notes")
    assert f'value="{note["due_on"]}"' in form and f'<option value="{counsellor.pk}" selected>' in form
    assert re.search(r'<textarea name="text"[^>]*aria-invalid="true"', form)


def test_what_was_typed_comes_back_on_its_own_case_only(client, case):
    """Another tab opening another case first showed this case's letter there, to be recorded on the wrong case."""
    other = CaseFactory(counsellors=list(case.counsellors.all()))
    letter = {"kind": "question", "received_on": TODAY.isoformat(),
              "response_due": (TODAY - timedelta(days=1)).isoformat(), "subject": "Vragen over Nour"}
    client.post(reverse("tracker:ind_letter_create", args=[case.pk]), letter)

    elsewhere = client.get(reverse("tracker:case_detail", args=[other.pk])).content.decode()
    assert "Vragen over Nour" not in elsewhere
    here = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert 'value="Vragen over Nour"' in here
