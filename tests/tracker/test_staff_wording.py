"""Staff read the case page about the sponsor, not as the sponsor: its help texts do not speak to them as "you"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import CaseFactory, CoordinatorFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker import labels, rules

pytestmark = pytest.mark.django_db

SPEAKS_TO_THE_READER = re.compile(r"\b(you|your|I|me|my)\b", re.IGNORECASE)


def _checklist_texts(page: str) -> list[str]:
    """The help under the checklist's requirements, as text."""
    hints = re.findall(r'<li class="requirement.*?</li>', page, re.DOTALL)
    return [text.strip() for hint in hints for text in re.sub(r"<[^>]+>", "\n", hint).splitlines() if text.strip()]


@pytest.fixture
def case_missing_everything():
    """A late case whose 16-year-old, whose other parent stays behind, has only an Arabic birth certificate."""
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], organisation=counsellor.organisation,
                       permit_decision_date=date(2025, 1, 1), late_reason="Papers lost in the war.")
    child = FamilyMemberFactory(case=case, birth_date=date(2010, 3, 1), other_parent_stays_behind=True)
    DocumentFactory(case=case, kind="birth_certificate", languages=["ar"]).members.add(child)
    return case


def _page(client, user, case) -> str:
    client.force_login(user)
    return client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()


def test_staff_read_the_missing_requirements_about_the_sponsor(client, case_missing_everything):
    case = case_missing_everything
    coordinator = CoordinatorFactory(organisation=case.organisation)
    for reader in (case.counsellors.get(), coordinator):
        page = _page(client, reader, case)
        texts = _checklist_texts(page)
        assert "Record why, and propose an interview or a DNA test to the IND." in page
        assert "A court decision that gives the sponsor custody" in page
        assert "Give the sponsor the IND form. The family member signs it." in page
        assert [text for text in texts if SPEAKS_TO_THE_READER.search(text)] == []
        assert "Reason for the delay, as recorded:" in page
        assert "your counsellor" not in page.lower()


def test_the_sponsor_still_reads_them_as_before(client, case_missing_everything):
    page = _page(client, case_missing_everything.sponsor, case_missing_everything)
    assert "Tell your counsellor: the IND can offer an interview or a DNA test." in page
    assert "A court decision that gives you custody" in page
    assert "Your counsellor gives you the form. The family member signs it." in page
    assert "Reason for the delay, as your counsellor recorded it:" in page
    assert "the sponsor" not in " ".join(_checklist_texts(page))


@pytest.mark.parametrize("code", list(rules.Requirement))
def test_every_requirement_has_words_for_staff_that_do_not_address_the_sponsor(code):
    texts = labels.requirement_texts(code, for_staff=True)
    for text in [texts.help, texts.where, *texts.documents]:
        assert not SPEAKS_TO_THE_READER.search(str(text)), text
    assert labels.requirement_texts(code, for_staff=False).help == labels.REQUIREMENT_HELP[code]


def test_staff_are_warned_of_unsent_photos_on_their_computer_the_sponsor_on_their_phone(client,
                                                                                        case_missing_everything):
    case = case_missing_everything
    staff_page = _page(client, case.counsellors.get(), case)
    sponsor_page = _page(client, case.sponsor, case)
    assert "removed from this computer" in staff_page and "this phone" not in staff_page
    assert "removed from this phone" in sponsor_page and "this computer" not in sponsor_page


def test_staff_are_asked_for_a_scan_or_photo_the_sponsor_for_a_photo_on_a_table(client, case_missing_everything):
    case = case_missing_everything
    assert "Upload a scan or a photo of each page." in _page(client, case.counsellors.get(), case)
    assert "Take a photo of each page, on a table, in good light." in _page(client, case.sponsor, case)
