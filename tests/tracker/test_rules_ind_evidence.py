"""CONTRACTS.md section 3: what form 647 asks beyond identity and bond, expiry, the same person everywhere,
the sponsor who came alone as a child. One test per situation; pure Python."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tracker.rules import CaseFacts, PersonFacts, Relation, Requirement, SponsorFacts, WarningCode, WarningItem, evaluate
from tracker.rules import IneligibilityReason as Reason
from tracker.rules import RequirementStatus as Status

from .test_rules import DECIDED, TODAY, born, codes, doc, member, of, requirement, run, warnings


def aged_on(day: date, years: int) -> date:
    """Born so as to turn `years` exactly on `day`."""
    return day.replace(year=day.year - years)


def person(member_id: str, given: str | None = None, surname: str | None = None, birth: date | None = None):
    return PersonFacts(member_id, given, surname, birth)


def with_people(document, *people, expiry=None, mrz=False):
    return replace(document, people=tuple(people), expiry_date=expiry, mrz=mrz)


# --- Photo, good conduct from 12, marital status from 15 ------------------------------------


def test_every_eligible_member_needs_a_passport_photo_even_a_baby():
    assert Requirement.PHOTO in codes(run(member("c", Relation.CHILD, 0)), "c")


def test_passport_photo_meets_photo():
    evaluation = run(member("c", Relation.CHILD, 4), documents=[doc("p", "passport_photo", "c", language=None)])
    assert requirement(evaluation, "c", Requirement.PHOTO).status == Status.SATISFIED


def test_good_conduct_statement_from_the_12th_birthday():
    on_birthday = member("c", Relation.CHILD, None)
    twelve_today = replace(on_birthday, birth_date=aged_on(TODAY, 12))
    twelve_tomorrow = replace(on_birthday, birth_date=aged_on(TODAY + timedelta(days=1), 12))
    assert Requirement.GOOD_CONDUCT in codes(run(twelve_today), "c")
    assert Requirement.GOOD_CONDUCT not in codes(run(twelve_tomorrow), "c")


def test_marital_status_statement_from_the_15th_birthday():
    fifteen_today = replace(member("c", Relation.CHILD, None), birth_date=aged_on(TODAY, 15))
    fourteen = replace(fifteen_today, birth_date=aged_on(TODAY + timedelta(days=1), 15))
    assert codes(run(fifteen_today), "c")[-2:] == [Requirement.GOOD_CONDUCT, Requirement.MARITAL_STATUS]
    assert Requirement.MARITAL_STATUS not in codes(run(fourteen), "c")


def test_ind_statements_are_met_by_their_documents_and_count_for_completeness():
    documents = [doc("g", "good_conduct_statement", "s", status="pending"), doc("m", "marital_status_statement", "s")]
    evaluation = run(member("s", Relation.SPOUSE, 30), documents=documents)
    assert requirement(evaluation, "s", Requirement.GOOD_CONDUCT).status == Status.PENDING
    assert requirement(evaluation, "s", Requirement.MARITAL_STATUS).status == Status.SATISFIED
    assert evaluation.complete is False


def test_ineligible_member_is_asked_for_nothing():
    evaluation = run(member("p", Relation.PARENT, 60))
    assert of(evaluation, "p").requirements == []


def test_child_turning_12_before_the_deadline_is_told_in_advance():
    deadline = date(2027, 2, 1)
    birth = aged_on(date(2027, 1, 10), 12)
    evaluation = run(replace(member("c", Relation.CHILD, None), birth_date=birth))
    assert Requirement.GOOD_CONDUCT not in codes(evaluation, "c")
    assert [(u.code, u.starts_on) for u in of(evaluation, "c").upcoming] == [(Requirement.GOOD_CONDUCT, date(2027, 1, 10))]
    assert evaluation.deadline == deadline


# --- Expiry ---------------------------------------------------------------------------------


def test_expired_passport_does_not_meet_identity_and_warns():
    passport = with_people(doc("p", "passport", "s"), expiry=TODAY - timedelta(days=1))
    evaluation = run(member("s", Relation.SPOUSE, 30), documents=[passport])
    assert requirement(evaluation, "s", Requirement.IDENTITY).status == Status.MISSING
    assert (WarningCode.IDENTITY_DOCUMENT_EXPIRED, "s") in warnings(evaluation)


def test_passport_expiring_today_still_meets_identity_but_warns():
    passport = with_people(doc("p", "passport", "s"), expiry=TODAY)
    evaluation = run(member("s", Relation.SPOUSE, 30), documents=[passport])
    assert requirement(evaluation, "s", Requirement.IDENTITY).status == Status.SATISFIED
    assert WarningItem(WarningCode.IDENTITY_DOCUMENT_EXPIRES_SOON, "s", ("p",), TODAY) in evaluation.warnings


def test_expires_soon_within_180_days_not_after():
    def expiry_warnings(days):
        card = with_people(doc("i", "id_card", "s"), expiry=TODAY + timedelta(days=days))
        return [w for w in warnings(run(member("s", Relation.SPOUSE, 30), documents=[card])) if w[1] == "s"]

    assert expiry_warnings(180) == [(WarningCode.IDENTITY_DOCUMENT_EXPIRES_SOON, "s")]
    assert expiry_warnings(181) == []


def test_expired_passport_beside_a_valid_id_card():
    documents = [
        with_people(doc("p", "passport", "c"), expiry=date(2019, 5, 3)),
        with_people(doc("i", "id_card", "c"), expiry=date(2030, 1, 1)),
    ]
    evaluation = run(member("c", Relation.CHILD, 9), documents=documents)
    result = requirement(evaluation, "c", Requirement.IDENTITY)
    assert (result.status, result.documents) == (Status.SATISFIED, ("i",))
    assert warnings(evaluation) == [(WarningCode.IDENTITY_DOCUMENT_EXPIRED, "c")]


def test_rejected_expired_passport_gives_no_warning():
    passport = with_people(doc("p", "passport", "s", status="rejected"), expiry=date(2019, 5, 3))
    assert warnings(run(member("s", Relation.SPOUSE, 30), documents=[passport])) == []


# --- The same person on every document --------------------------------------------------------


def named(name: str, age: int = 10, relation=Relation.CHILD):
    return replace(member("c", relation, age), name=name)


def test_transliterated_first_names_agree():
    documents = [
        with_people(doc("p", "passport", "c"), person("c", "MUHAMMAD ALI", "HASSAN")),
        with_people(doc("b", "birth_certificate", "c"), person("c", "Mohamad", "Hasan")),
    ]
    assert warnings(run(named("Mohammed Ali Hassan"), documents=documents)) == []


def test_different_first_names_warn_with_the_documents_involved():
    documents = [
        with_people(doc("p", "passport", "c"), person("c", "YONAS", "TESFAY")),
        with_people(doc("b", "birth_certificate", "c"), person("c", "SELAM", "TESFAY")),
    ]
    evaluation = run(named("Yonas Tesfay"), documents=documents)
    assert evaluation.warnings == [WarningItem(WarningCode.INCONSISTENT_GIVEN_NAMES, "c", ("p", "b"))]
    assert evaluation.warnings[0].to_dict() == {"code": "inconsistent_given_names", "member": "c", "documents": ["p", "b"]}


def test_sponsors_entry_against_one_document():
    documents = [with_people(doc("p", "passport", "c"), person("c", "SELAM"))]
    assert warnings(run(named("Yonas Tesfay"), documents=documents)) == [(WarningCode.INCONSISTENT_GIVEN_NAMES, "c")]


def test_surnames_are_not_compared():
    documents = [with_people(doc("m", "marriage_certificate", "c"), person("c", "AMINA", "YUSUF"))]
    assert warnings(run(named("Amina Ahmed", 30, Relation.SPOUSE), documents=documents)) == []


def test_arabic_script_name_agrees_with_its_latin_spelling():
    documents = [
        with_people(doc("p", "passport", "c"), person("c", "MOHAMMED")),
        with_people(doc("b", "birth_certificate", "c", language="ar"), person("c", "محمد")),
    ]
    assert warnings(run(named("Muhammad Hassan"), documents=documents)) == []
    other = [with_people(doc("b", "birth_certificate", "c", language="ar"), person("c", "يوسف"))]
    assert warnings(run(named("Muhammad Hassan"), documents=other)) == [(WarningCode.INCONSISTENT_GIVEN_NAMES, "c")]


def test_birth_dates_that_disagree_warn():
    child = member("c", Relation.CHILD, 10)
    documents = [
        with_people(doc("p", "passport", "c"), person("c", birth=child.birth_date)),
        with_people(doc("b", "birth_certificate", "c"), person("c", birth=date(2016, 1, 1))),
    ]
    evaluation = run(child, documents=documents)
    assert evaluation.warnings == [WarningItem(WarningCode.INCONSISTENT_BIRTH_DATE, "c", ("p", "b"))]


def test_rejected_document_is_left_out_of_the_comparison():
    child = member("c", Relation.CHILD, 10)
    documents = [
        with_people(doc("p", "passport", "c"), person("c", birth=child.birth_date)),
        with_people(doc("b", "birth_certificate", "c", status="rejected"), person("c", birth=date(2016, 1, 1))),
    ]
    assert warnings(run(child, documents=documents)) == []


def test_what_a_document_says_about_someone_else_is_not_compared():
    child = member("c", Relation.CHILD, 10)
    booklet = with_people(doc("f", "family_booklet", "c"), person("s", "AMINA", birth=date(1990, 1, 1)))
    assert warnings(run(child, member("s", Relation.SPOUSE, 30), documents=[booklet])) == [
        (WarningCode.INCONSISTENT_BIRTH_DATE, "s")
    ]


# --- The sponsor who came alone as a child --------------------------------------------------


def sponsor_case(*members, birth: date, applied: date | None):
    return evaluate(CaseFacts(SponsorFacts(birth, DECIDED, asylum_application_date=applied), tuple(members)), TODAY)


def test_sponsor_who_applied_at_16_and_is_18_now_is_a_minor_sponsor():
    parent = member("p", Relation.PARENT, 45)
    birth = born(18)
    assert of(sponsor_case(parent, birth=birth, applied=None), "p").reasons == [
        Reason.RELATION_NOT_ALLOWED_FOR_ADULT_SPONSOR
    ]
    evaluation = sponsor_case(parent, birth=birth, applied=birth.replace(year=birth.year + 16))
    assert of(evaluation, "p").eligible is True
    assert (WarningCode.MINOR_SPONSOR_PROCEDURE, None) in warnings(evaluation)


def test_sponsor_who_applied_on_the_18th_birthday_is_an_adult_sponsor():
    evaluation = sponsor_case(member("p", Relation.PARENT, 45), birth=date(2000, 3, 1), applied=date(2018, 3, 1))
    assert of(evaluation, "p").reasons == [Reason.RELATION_NOT_ALLOWED_FOR_ADULT_SPONSOR]
