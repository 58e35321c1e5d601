"""The versions of the rules, the filing day, expiry and the other parent on the case page, the dashboard and
the counsellor's forms (issues 15 and 17)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.checklist import build_checklist
from tracker.caseload import dashboard_rows
from tracker.forms import FamilyMemberForm
from tracker.review import CASE_FACT_FIELDS

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def case():
    counsellor = CounsellorFactory(username="sanne")
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=TODAY - timedelta(days=20))
    case.counsellor = counsellor
    return case


def page(client, case, user=None) -> str:
    client.force_login(user or case.sponsor)
    return client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()


def save_facts(client, case, **changes):
    client.force_login(case.counsellor)
    data = {field: getattr(case, field) or "" for field in CASE_FACT_FIELDS} | changes
    return client.post(reverse("tracker:case_facts_update", args=[case.pk]), data, follow=True)


def member_row(case, member):
    return next(row for row in build_checklist(case).members if row.member == member)


def test_the_case_page_says_which_rules_apply_and_why(client, case, settings):
    settings.TWO_STATUS_RULES_FROM = TODAY + timedelta(days=60)
    html = page(client, case)
    assert 'data-policy="before_two_status"' in html
    assert "The rules from before the two-status law apply" in html
    assert "No filing date yet" in html and "The two-status law applies to applications filed from" in html

    case.planned_filing_on = TODAY + timedelta(days=60)
    case.save()
    html = page(client, case)
    assert 'data-policy="two_status"' in html and "The application is to be filed on" in html


def test_under_the_two_status_law_an_unmarried_partner_cannot_come(client, case, settings):
    settings.TWO_STATUS_RULES_FROM = TODAY - timedelta(days=1)
    partner = FamilyMemberFactory(case=case, relation="partner", birth_date=date(1990, 1, 1))
    row = member_row(case, partner)
    assert (row.eligible, row.reasons) == (False, ["relation_not_allowed_by_policy"])
    assert "The two-status law allows only the husband or wife and minor children." in page(client, case)


def test_a_counsellor_chooses_the_rules_only_with_a_reason(client, case, settings):
    settings.TWO_STATUS_RULES_FROM = TODAY - timedelta(days=1)
    response = save_facts(client, case, policy_override="before_two_status", policy_override_reason=" ")
    assert "Give a reason when you choose which rules apply." in response.content.decode()
    case.refresh_from_db()
    assert case.policy_override == ""

    save_facts(client, case, policy_override="before_two_status",
               policy_override_reason="Transitional rule: the IND received the application in 2026.")
    html = page(client, case, case.counsellor)
    assert 'data-policy="before_two_status"' in html and "data-override" in html
    assert "Transitional rule: the IND received the application in 2026." in html


def test_ages_count_on_the_planned_filing_day(client, case):
    child = FamilyMemberFactory(case=case, birth_date=TODAY.replace(year=TODAY.year - 18) + timedelta(days=5))
    assert member_row(case, child).warnings[0].code == "turns_adult_before_deadline"
    save_facts(client, case, planned_filing_on=TODAY + timedelta(days=10))
    case.refresh_from_db()
    row = member_row(case, child)
    assert row.eligible and [r.code for r in row.requirements][:2] == ["identity", "family_bond"]
    assert "good_conduct" in [r.code for r in row.requirements]  # 18 on the filing day, still a child
    assert row.warnings == []


def test_the_sponsors_asylum_application_date_keeps_a_minor_sponsor(client, case):
    case.sponsor_birth_date = TODAY.replace(year=TODAY.year - 18) - timedelta(days=30)
    case.save()
    mother = FamilyMemberFactory(case=case, relation="parent", birth_date=date(1975, 1, 1))
    assert member_row(case, mother).eligible is False
    save_facts(client, case, sponsor_asylum_application_date=TODAY - timedelta(days=400))
    case.refresh_from_db()
    assert member_row(case, mother).eligible is True


def test_an_expired_passport_says_so_with_its_date(client, case):
    child = FamilyMemberFactory(case=case)
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, expiry_date=date(2019, 5, 3),
                               review_status=Document.Review.ACCEPTED)
    passport.members.add(child)
    html = page(client, case)
    assert 'data-code="identity_document_expired"' in html
    assert "expired on" in html and "2019" in html
    assert {r.code: r.status for r in member_row(case, child).requirements}["identity"] == "missing"


def test_a_passport_that_expires_soon_warns_with_the_date(client, case):
    spouse = FamilyMemberFactory(case=case, relation="spouse", birth_date=date(1990, 1, 1))
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, expiry_date=TODAY + timedelta(days=8))
    passport.members.add(spouse)
    [warning] = member_row(case, spouse).warnings
    assert (warning.code, warning.on, warning.documents) == ("identity_document_expires_soon",
                                                            TODAY + timedelta(days=8), [passport])


def test_a_counsellor_corrects_the_expiry_date(client, case):
    child = FamilyMemberFactory(case=case)
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, expiry_date=date(2019, 5, 3))
    passport.members.add(child)
    client.force_login(case.counsellor)
    screen = reverse("tracker:review_screen", args=[passport.pk])
    assert 'name="expiry_date" value="2019-05-03"' in client.get(screen).content.decode()
    client.post(screen, {
        "review_status": "pending", "review_reason": "", "kind": "passport", "members": [child.pk],
        "translation_of": "", "expiry_date": "2031-05-03"})
    passport.refresh_from_db()
    assert passport.expiry_date == date(2031, 5, 3)
    assert {r.code: r.status for r in member_row(case, child).requirements}["identity"] == "pending"


def test_a_review_without_the_expiry_field_keeps_the_date(client, case):
    birth = DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE, expiry_date=None)
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, expiry_date=date(2030, 1, 1))
    client.force_login(case.counsellor)
    for document in (birth, passport):
        client.post(reverse("tracker:review_screen", args=[document.pk]), {
            "review_status": "accepted", "review_reason": "", "kind": document.kind, "members": [],
            "translation_of": ""})
    passport.refresh_from_db()
    assert passport.expiry_date == date(2030, 1, 1) and passport.review_status == "accepted"


def test_the_dashboard_puts_a_child_turning_18_before_the_deadline_first(case):
    calm = CaseFactory(counsellors=[case.counsellor], permit_decision_date=TODAY - timedelta(days=80))
    FamilyMemberFactory(case=case, birth_date=TODAY.replace(year=TODAY.year - 18) + timedelta(days=30))
    rows = dashboard_rows(case.counsellor)
    assert [row.case for row in rows] == [case, calm]
    assert rows[0].turns_adult_on == TODAY + timedelta(days=30)


def test_the_other_parent_is_chosen_among_the_family(case):
    mother = FamilyMemberFactory(case=case, relation="spouse", birth_date=date(1990, 1, 1))
    child = FamilyMemberFactory(case=case)
    stranger = FamilyMemberFactory(case=CaseFactory(), relation="spouse")
    form = FamilyMemberForm.for_member(child)
    assert list(form.fields["other_parent"].queryset) == [mother]
    assert stranger not in FamilyMemberForm(case=case).fields["other_parent"].queryset


def test_a_child_of_the_partner_who_stays_cannot_come(case):
    first = FamilyMemberFactory(case=case, relation="spouse", birth_date=date(1985, 1, 1))
    second = FamilyMemberFactory(case=case, relation="spouse", birth_date=date(1990, 1, 1))
    child = FamilyMemberFactory(case=case, other_parent=second)
    assert member_row(case, first).eligible
    assert member_row(case, child).reasons == ["child_of_other_partner"]


def test_after_the_deadline_the_page_says_apply_now_and_shows_the_reason_for_the_delay(client, case):
    case.permit_decision_date = TODAY - timedelta(days=120)
    case.save()
    html = page(client, case)
    assert "Apply now all the same, and explain why the application is late" in html
    save_facts(client, case, permit_decision_date=case.permit_decision_date,
               late_reason="The decision letter went to an old address.")
    assert "The decision letter went to an old address." in page(client, case)


def test_documents_that_disagree_are_shown_side_by_side_and_can_be_marked_explained(client, case):
    child = FamilyMemberFactory(case=case, given_names="Yonas", surname="Tesfay", birth_date=date(2016, 3, 1))
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, original_name="passport.jpg",
                               mrz={"surname": "TESFAY", "given_names": "SELAM", "birth_date": "2016-03-01",
                                    "valid": True})
    passport.members.add(child)
    row = member_row(case, child)
    assert [w.code for w in row.warnings] == ["inconsistent_given_names"]
    html = page(client, case, case.counsellor)
    start = html.index('id="disagreements"')
    panel = html[start:html.index("</section>", start)]
    assert "Entered by the sponsor" in panel and "Yonas" in panel and "SELAM" in panel and "passport.jpg" in panel

    marked = {"member": child.pk, "code": "inconsistent_given_names", "documents": [str(passport.pk)],
              "values": ["NS", "SLM"]}  # as the page's form sends them: the spelling keys
    assert 'name="values" value="SLM"' in panel
    client.post(reverse("tracker:disagreement_explained", args=[case.pk]), marked | {"note": " "})
    assert member_row(case, child).warnings  # no note, nothing changes
    client.post(reverse("tracker:disagreement_explained", args=[case.pk]),
                marked | {"note": "Selam is his baptismal name; the family calls him Yonas."})
    assert member_row(case, child).warnings == []
    assert "Selam is his baptismal name" in page(client, case, case.counsellor)

    booklet = DocumentFactory(case=case, kind=Document.Kind.FAMILY_BOOKLET,
                              fields={"people": [{"name": "Yonas Tesfay", "given_names": "Yonas",
                                                  "surname": "Tesfay", "birth_date": "2016-03-01"}]})
    booklet.members.add(child)
    assert member_row(case, child).warnings == []  # the booklet agrees with the sponsor: still explained
    other = DocumentFactory(case=case, kind=Document.Kind.ID_CARD,
                            mrz={"surname": "TESFAY", "given_names": "DAWIT", "birth_date": "2016-03-01"})
    other.members.add(child)
    assert [w.code for w in member_row(case, child).warnings] == ["inconsistent_given_names"]  # a third name


def test_a_decision_or_filing_date_in_the_future_is_refused_and_changes_nothing(client, case):
    """A year typed 2062 for 2026 moved the deadline 36 years away and the dashboard with it."""
    decided = case.permit_decision_date
    in_a_year = (TODAY + timedelta(days=365)).isoformat()
    html = save_facts(client, case, permit_decision_date=in_a_year, application_filed_on=in_a_year).content.decode()
    assert "This date is in the future. Check the day, month and year." in html
    case.refresh_from_db()
    assert case.permit_decision_date == decided and case.application_filed_on is None
    assert save_facts(client, case, planned_filing_on=in_a_year).status_code == 200  # a plan may lie ahead
    case.refresh_from_db()
    assert case.planned_filing_on.isoformat() == in_a_year


def test_a_v_number_is_kept_as_its_digits_or_refused(client, case):
    save_facts(client, case, v_number="V 2233 44 5566")
    case.refresh_from_db()
    assert case.v_number == "2233445566"
    html = save_facts(client, case, v_number="12345").content.decode()
    assert "A V-number has 10 digits" in html
    case.refresh_from_db()
    assert case.v_number == "2233445566"
