"""CONTRACTS.md section 4: versions of the rules, the filing day, foster children, a second partner's
children, adult children over 25, turning 18 before the deadline, passports without translation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from tracker.rules import (
    CaseFacts,
    PermitType,
    PolicyName,
    Relation,
    Requirement,
    SponsorFacts,
    WarningCode,
    choose,
    evaluate,
)
from tracker.rules import IneligibilityReason as Reason
from tracker.rules import RequirementStatus as Status

from .test_rules import DECIDED, TODAY, born, codes, doc, member, of, requirement, warnings

BEFORE, TWO_STATUS = PolicyName.BEFORE_TWO_STATUS, PolicyName.TWO_STATUS


def run(*members, policy=BEFORE, filed=None, documents=(), permit=PermitType.REFUGEE, decided=DECIDED, sponsor_age=35):
    facts = CaseFacts(
        SponsorFacts(born(sponsor_age), decided, permit),
        tuple(members),
        tuple(documents),
        application_date=filed,
        policy=policy,
    )
    return evaluate(facts, TODAY)


def reasons(evaluation):
    return {m.id: m.reasons for m in evaluation.members}


# --- Choosing a version -----------------------------------------------------------------------


def test_the_version_in_force_on_the_filing_day_applies():
    law = date(2027, 1, 1)
    assert choose(date(2026, 12, 31), law) == BEFORE
    assert choose(date(2027, 1, 1), law) == TWO_STATUS
    assert choose(date(2030, 1, 1), None) == BEFORE


# --- The two-status law ---------------------------------------------------------------------


def test_two_status_allows_only_spouse_and_minor_children():
    family = (
        member("s", Relation.SPOUSE, 30),
        member("c", Relation.CHILD, 8),
        member("pc", Relation.PARTNER_CHILD, 8),
        member("p", Relation.PARTNER, 30),
        member("a", Relation.ADULT_CHILD, 20),
        member("f", Relation.FOSTER_CHILD, 8),
    )
    assert reasons(run(*family, policy=TWO_STATUS)) == {
        "s": [],
        "c": [],
        "pc": [],
        "p": [Reason.RELATION_NOT_ALLOWED_BY_POLICY],
        "a": [Reason.RELATION_NOT_ALLOWED_BY_POLICY],
        "f": [Reason.RELATION_NOT_ALLOWED_BY_POLICY],
    }
    before = reasons(run(*family[1:], policy=BEFORE))  # one partner: the unmarried one
    assert all(not found for found in before.values())


def test_two_status_narrows_both_permit_types():
    evaluation = run(member("p", Relation.PARTNER, 30), policy=TWO_STATUS, permit=PermitType.SUBSIDIARY)
    assert of(evaluation, "p").reasons == [Reason.RELATION_NOT_ALLOWED_BY_POLICY]


def test_two_status_child_who_is_18_on_the_filing_day_may_not_come():
    child = member("c", Relation.CHILD, 18)
    assert of(run(child, policy=TWO_STATUS), "c").reasons == [Reason.RELATION_NOT_ALLOWED_BY_POLICY]
    assert of(run(child, policy=BEFORE), "c").eligible is True


def test_unmarried_partner_is_not_a_second_partner_under_two_status():
    evaluation = run(member("s", Relation.SPOUSE, 30), member("p", Relation.PARTNER, 30), policy=TWO_STATUS)
    assert reasons(evaluation) == {"s": [], "p": [Reason.RELATION_NOT_ALLOWED_BY_POLICY]}
    assert (WarningCode.MORE_THAN_ONE_PARTNER, None) not in warnings(evaluation)


def test_subsidiary_waiting_period_until_two_years_after_the_permit():
    decided = date(2026, 1, 15)
    waiting = run(member("s", Relation.SPOUSE, 30), policy=TWO_STATUS, permit=PermitType.SUBSIDIARY, decided=decided,
                  filed=date(2028, 1, 14))
    over = run(member("s", Relation.SPOUSE, 30), policy=TWO_STATUS, permit=PermitType.SUBSIDIARY, decided=decided,
               filed=date(2028, 1, 15))
    assert (WarningCode.SUBSIDIARY_WAITING_PERIOD, None) in warnings(waiting)
    assert (WarningCode.SUBSIDIARY_WAITING_PERIOD, None) not in warnings(over)


def test_no_waiting_period_for_refugees_or_before_the_law():
    for policy, permit in ((TWO_STATUS, PermitType.REFUGEE), (BEFORE, PermitType.SUBSIDIARY)):
        evaluation = run(member("s", Relation.SPOUSE, 30), policy=policy, permit=permit)
        assert (WarningCode.SUBSIDIARY_WAITING_PERIOD, None) not in warnings(evaluation)


# --- The filing day ---------------------------------------------------------------------------


def test_child_who_is_17_on_the_filing_day_stays_a_child():
    birth = date(2008, 12, 1)  # 18 on 1 December 2026, after the filing day, before TODAY + ...
    child = replace(member("c", Relation.CHILD, None), birth_date=birth, other_parent_stays_behind=True)
    evaluation = evaluate(
        CaseFacts(SponsorFacts(born(35), DECIDED), (child,), application_date=date(2026, 11, 30),
                  policy=TWO_STATUS),
        date(2027, 1, 10),
    )
    assert of(evaluation, "c").eligible is True
    assert Requirement.CONSENT in codes(evaluation, "c")


def test_ages_on_the_filing_day_decide_the_ind_statements():
    child = replace(member("c", Relation.CHILD, None), birth_date=date(2014, 12, 20))  # 12 on 20 December 2026
    assert Requirement.GOOD_CONDUCT not in codes(run(child), "c")
    assert Requirement.GOOD_CONDUCT in codes(run(child, filed=date(2026, 12, 20)), "c")


def test_partner_who_is_18_on_the_filing_day_may_come():
    partner = replace(member("s", Relation.SPOUSE, None), birth_date=date(2008, 12, 10))
    assert of(run(partner), "s").reasons == [Reason.PARTNER_IS_MINOR]
    assert of(run(partner, filed=date(2026, 12, 10)), "s").eligible is True


def test_expiry_and_deadline_stay_on_today():
    passport = replace(doc("p", "passport", "s"), expiry_date=TODAY - timedelta(days=1))
    evaluation = run(member("s", Relation.SPOUSE, 30), documents=[passport], filed=TODAY - timedelta(days=30))
    assert requirement(evaluation, "s", Requirement.IDENTITY).status == Status.MISSING
    assert evaluation.days_left == (evaluation.deadline - TODAY).days


# --- Turning 18 before the deadline ------------------------------------------------------------


def test_minor_who_turns_18_before_the_deadline_warns():
    deadline = date(2027, 2, 1)
    on_deadline = replace(member("c", Relation.CHILD, None), birth_date=date(2009, 2, 1))
    after = replace(member("d", Relation.CHILD, None), birth_date=date(2009, 2, 2))
    evaluation = run(on_deadline, after)
    assert evaluation.deadline == deadline
    assert warnings(evaluation) == [(WarningCode.TURNS_ADULT_BEFORE_DEADLINE, "c")]
    assert evaluation.warnings[0].on == date(2027, 2, 1)


def test_no_turning_18_warning_once_the_filing_day_is_known():
    child = replace(member("c", Relation.CHILD, None), birth_date=date(2009, 1, 1))
    assert warnings(run(child, filed=date(2026, 12, 1))) == []


# --- Foster children ----------------------------------------------------------------------------


def test_foster_child_bond_is_a_placement_decision():
    foster = member("f", Relation.FOSTER_CHILD, 6, other_parent_stays_behind=True)
    assert of(run(foster), "f").eligible is True
    birth = run(foster, documents=[doc("b", "birth_certificate", "f")])
    assert requirement(birth, "f", Requirement.FAMILY_BOND).status == Status.MISSING
    placed = run(foster, documents=[doc("d", "foster_care_decision", "f")])
    assert requirement(placed, "f", Requirement.FAMILY_BOND).status == Status.SATISFIED
    assert Requirement.CONSENT in codes(placed, "f")


def test_minor_sponsor_cannot_bring_a_foster_child():
    evaluation = run(member("f", Relation.FOSTER_CHILD, 6), sponsor_age=16)
    assert of(evaluation, "f").reasons == [Reason.RELATION_NOT_ALLOWED_FOR_MINOR_SPONSOR]


# --- A second partner's children ------------------------------------------------------------


def test_child_of_the_partner_who_stays_is_not_eligible():
    first, second = member("w1", Relation.SPOUSE, 35), member("w2", Relation.SPOUSE, 30)
    own = member("c1", Relation.CHILD, 8, other_parent="w1")
    theirs = member("c2", Relation.CHILD, 5, other_parent="w2")
    assert reasons(run(first, second, own, theirs)) == {
        "w1": [],
        "w2": [Reason.SECOND_PARTNER],
        "c1": [],
        "c2": [Reason.CHILD_OF_OTHER_PARTNER],
    }


def test_child_whose_other_parent_may_come_is_eligible():
    evaluation = run(member("w", Relation.SPOUSE, 35), member("c", Relation.CHILD, 8, other_parent="w"))
    assert of(evaluation, "c").eligible is True


# --- Adult children over 25 ----------------------------------------------------------------------


@pytest.mark.parametrize(("age", "warned"), [(24, False), (25, True)])
def test_adult_child_from_25_warns_about_dependency(age, warned):
    evaluation = run(member("a", Relation.ADULT_CHILD, age))
    assert ((WarningCode.ADULT_CHILD_DEPENDENCY, "a") in warnings(evaluation)) is warned


def test_ineligible_adult_child_over_25_gets_no_dependency_warning():
    evaluation = run(member("a", Relation.ADULT_CHILD, 30, married=True))
    assert warnings(evaluation) == []


# --- Translations --------------------------------------------------------------------------------


def test_passport_in_arabic_needs_no_translation():
    assert Requirement.TRANSLATION not in codes(run(member("s", Relation.SPOUSE, 30), documents=[
        doc("p", "passport", "s", language="ar")
    ]), "s")


def test_id_card_needs_no_translation_only_with_an_mrz():
    card = doc("i", "id_card", "s", language="ar")
    assert Requirement.TRANSLATION in codes(run(member("s", Relation.SPOUSE, 30), documents=[card]), "s")
    with_mrz = replace(card, mrz=True)
    assert Requirement.TRANSLATION not in codes(run(member("s", Relation.SPOUSE, 30), documents=[with_mrz]), "s")
