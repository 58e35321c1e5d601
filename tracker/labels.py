"""Words people read for the codes the rules use: one place, all translated."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import rules

REQUIREMENT_LABELS = {
    rules.Requirement.IDENTITY: _("Identity"),
    rules.Requirement.FAMILY_BOND: _("Family bond"),
    rules.Requirement.CONSENT: _("Consent of the other parent"),
    rules.Requirement.TRANSLATION: _("Sworn translation"),
    rules.Requirement.PHOTO: _("Passport photo"),
    rules.Requirement.GOOD_CONDUCT: _("Good-conduct statement"),
    rules.Requirement.MARITAL_STATUS: _("Marital-status statement"),
    rules.Requirement.ASYLUM_DECISION: _("Asylum decision"),
}

REQUIREMENT_HELP = {
    rules.Requirement.IDENTITY: _("A passport, or else a national ID card, issued by the country of origin."),
    rules.Requirement.FAMILY_BOND: _(
        "A marriage certificate or family booklet for a spouse; a birth certificate or family booklet for a child."
    ),
    rules.Requirement.CONSENT: _(
        "The other parent's signed consent to the child leaving, or proof that this parent has died or has no custody."
    ),
    rules.Requirement.TRANSLATION: _(
        "Documents not in Dutch, English, French or German need a translation by a sworn translator "
        "(registered under the Wbtv), attached to a copy of the original."
    ),
    rules.Requirement.PHOTO: _("A recent passport photo of this person: the face alone, against a light background."),
    rules.Requirement.GOOD_CONDUCT: _(
        "The IND's statement on criminal history (antecedentenverklaring), signed by this person. "
        "Everyone aged 12 or older."
    ),
    rules.Requirement.MARITAL_STATUS: _(
        "The IND's statement of marital status and relationships (verklaring burgerlijke staat), signed by this "
        "person. Everyone aged 15 or older."
    ),
    rules.Requirement.ASYLUM_DECISION: _("The decision that granted your asylum permit. Its date fixes the deadline."),
}

# Which documents meet a requirement, for the sponsor who has to find them.
REQUIREMENT_DOCUMENTS = {
    rules.Requirement.IDENTITY: [_("Passport"), _("National ID card (if there is no passport)")],
    rules.Requirement.FAMILY_BOND: [
        _("Marriage certificate (for a husband or wife)"),
        _("Birth certificate (for a child, or the sponsor's own for parents, brothers and sisters)"),
        _("Family booklet"),
        _("For an unmarried partner: other proof of the relationship, such as photos or messages over the years"),
    ],
    rules.Requirement.CONSENT: [
        _("Signed consent of the other parent, with a copy of that parent's passport or ID card"),
        _("Death certificate of the other parent"),
        _("A court decision that gives you custody"),
    ],
    rules.Requirement.TRANSLATION: [_("A sworn translation into Dutch, English, French or German")],
    rules.Requirement.PHOTO: [_("A passport photo taken in the last six months")],
    rules.Requirement.GOOD_CONDUCT: [_("The IND form 'antecedentenverklaring', filled in and signed")],
    rules.Requirement.MARITAL_STATUS: [_("The IND form 'verklaring burgerlijke staat', filled in and signed")],
    rules.Requirement.ASYLUM_DECISION: [_("The IND decision on your asylum application (beschikking)")],
}

# Where to get what is missing, when that is not obvious.
REQUIREMENT_WHERE = {
    rules.Requirement.IDENTITY: _("From the authorities of the country of origin. No passport or ID card? "
                                  "Tell your counsellor: the IND can offer an interview or a DNA test."),
    rules.Requirement.FAMILY_BOND: _("From the civil registry of the country of origin. Missing papers? "
                                     "Tell your counsellor: the IND can offer an interview or a DNA test."),
    rules.Requirement.CONSENT: _("The other parent signs a consent form. Your counsellor can give you one."),
    rules.Requirement.TRANSLATION: _(
        "Only a sworn translator in the Netherlands can make it. Find one in the register at bureauwbtv.nl, "
        "or ask your counsellor. Keep the translation together with a copy of the original."
    ),
    rules.Requirement.PHOTO: _("At a photographer's, or a photo booth. Ask for a passport photo."),
    rules.Requirement.GOOD_CONDUCT: _("Your counsellor gives you the form. The family member signs it."),
    rules.Requirement.MARITAL_STATUS: _("Your counsellor gives you the form. The family member signs it."),
    rules.Requirement.ASYLUM_DECISION: _("You received it from the IND by post. Your lawyer also has a copy."),
}

# The same requirements as staff read them: about the sponsor, not to the sponsor. Only the texts whose sponsor's
# wording is wrong for a counsellor are here; the others read right for both.
STAFF_REQUIREMENT_HELP = {
    rules.Requirement.ASYLUM_DECISION: _(
        "The decision that granted the sponsor's asylum permit. Its date fixes the deadline."
    ),
}

STAFF_REQUIREMENT_DOCUMENTS = {
    rules.Requirement.CONSENT: [
        _("Signed consent of the other parent, with a copy of that parent's passport or ID card"),
        _("Death certificate of the other parent"),
        _("A court decision that gives the sponsor custody"),
    ],
    rules.Requirement.ASYLUM_DECISION: [_("The IND decision on the sponsor's asylum application (beschikking)")],
}

STAFF_REQUIREMENT_WHERE = {
    rules.Requirement.IDENTITY: _("From the authorities of the country of origin. None to be had? "
                                  "Record why, and propose an interview or a DNA test to the IND."),
    rules.Requirement.FAMILY_BOND: _("From the civil registry of the country of origin. Missing papers? "
                                     "Record why, and propose an interview or a DNA test to the IND."),
    rules.Requirement.CONSENT: _("The other parent signs a consent form: give the sponsor one to send."),
    rules.Requirement.TRANSLATION: _(
        "Only a sworn translator in the Netherlands can make it: see the register at bureauwbtv.nl. "
        "The translation is kept together with a copy of the original."
    ),
    rules.Requirement.GOOD_CONDUCT: _("Give the sponsor the IND form. The family member signs it."),
    rules.Requirement.MARITAL_STATUS: _("Give the sponsor the IND form. The family member signs it."),
    rules.Requirement.ASYLUM_DECISION: _(
        "The sponsor received it from the IND by post; the sponsor's lawyer also has a copy."
    ),
}


@dataclass(frozen=True)
class RequirementTexts:
    help: str
    documents: list
    where: str


def requirement_texts(code: str, *, for_staff: bool) -> RequirementTexts:
    """What meets a requirement and where it is had, in its reader's words: the sponsor's own, or staff's about
    the sponsor."""
    def chosen(for_sponsor: dict, staff_wording: dict, empty):
        if for_staff and code in staff_wording:
            return staff_wording[code]
        return for_sponsor.get(code, empty)

    return RequirementTexts(
        help=chosen(REQUIREMENT_HELP, STAFF_REQUIREMENT_HELP, ""),
        documents=chosen(REQUIREMENT_DOCUMENTS, STAFF_REQUIREMENT_DOCUMENTS, []),
        where=chosen(REQUIREMENT_WHERE, STAFF_REQUIREMENT_WHERE, ""),
    )


STATUS_LABELS = {
    rules.RequirementStatus.SATISFIED: _("Done"),
    rules.RequirementStatus.PENDING: _("Waiting for review"),
    rules.RequirementStatus.EXPLAINED: _("Explained"),
    rules.RequirementStatus.MISSING: _("Missing"),
}

DEADLINE_STATUS_LABELS = {
    rules.DeadlineStatus.OPEN: _("Open"),
    rules.DeadlineStatus.DUE_SOON: _("Due soon"),
    rules.DeadlineStatus.PASSED: _("Passed"),
    rules.DeadlineStatus.UNKNOWN: _("Unknown: the date of the asylum decision is missing"),
}


def requirement_choices() -> list[tuple[str, str]]:
    return [(code.value, label) for code, label in REQUIREMENT_LABELS.items()]

WARNING_LABELS = {
    rules.WarningCode.DEADLINE_DUE_SOON: _("The deadline is less than a month away. Apply now, even if documents are missing."),
    rules.WarningCode.DEADLINE_PASSED: _(
        "The nareis deadline has passed. Apply now all the same and explain why the application is late: "
        "the IND can excuse a delay."
    ),
    rules.WarningCode.NOT_MENTIONED_IN_ASYLUM_PROCEDURE: _(
        "The sponsor did not name this family member in the asylum procedure. The IND may refuse them."
    ),
    rules.WarningCode.SUBSIDIARY_PROTECTION: _(
        "Subsidiary protection: since 2026 nareis may be restricted. A counsellor must check this case."
    ),
    rules.WarningCode.MINOR_SPONSOR_PROCEDURE: _(
        "The sponsor is under 18: other procedures apply and there can be costs. The guardian decides."
    ),
    rules.WarningCode.MORE_THAN_ONE_PARTNER: _("Only one partner may come, with the children of that partner."),
    rules.WarningCode.SUBSIDIARY_WAITING_PERIOD: _(
        "Subsidiary protection under the two-status law: the family can only apply two years after the permit."
    ),
    rules.WarningCode.TURNS_ADULT_BEFORE_DEADLINE: _(
        "Turns 18 before the deadline. Apply before that birthday, so this child is still judged as a minor."
    ),
    rules.WarningCode.ADULT_CHILD_DEPENDENCY: _(
        "25 or older: the IND asks for more proof that this child still depends on the family."
    ),
    rules.WarningCode.IDENTITY_DOCUMENT_EXPIRED: _(
        "The passport or ID card has expired: a new one is needed, or record why it cannot be had."
    ),
    rules.WarningCode.IDENTITY_DOCUMENT_EXPIRES_SOON: _(
        "The passport or ID card expires within six months. The family travels on it: renew it in time."
    ),
    rules.WarningCode.INCONSISTENT_BIRTH_DATE: _("The documents do not agree on the date of birth."),
    rules.WarningCode.INCONSISTENT_GIVEN_NAMES: _("The documents do not agree on the first given name."),
}

REASON_LABELS = {
    rules.IneligibilityReason.RELATION_NOT_ALLOWED_FOR_ADULT_SPONSOR: _("An adult sponsor cannot bring this relative."),
    rules.IneligibilityReason.RELATION_NOT_ALLOWED_FOR_MINOR_SPONSOR: _("A sponsor under 18 cannot bring this relative."),
    rules.IneligibilityReason.ADULT_CHILD_MARRIED: _("An adult child who is married cannot come."),
    rules.IneligibilityReason.ADULT_CHILD_IN_RELATIONSHIP: _("An adult child with a relationship of their own cannot come."),
    rules.IneligibilityReason.NOT_PART_OF_FAMILY: _("Did not belong to the family abroad."),
    rules.IneligibilityReason.SECOND_PARTNER: _("Only one partner may come."),
    rules.IneligibilityReason.PARTNER_IS_MINOR: _("A partner must be 18 or older."),
    rules.IneligibilityReason.SIBLING_IS_ADULT: _("Adult brothers and sisters can only come in exceptional cases."),
    rules.IneligibilityReason.RELATION_NOT_ALLOWED_BY_POLICY: _(
        "The two-status law allows only the husband or wife and minor children."
    ),
    rules.IneligibilityReason.CHILD_OF_OTHER_PARTNER: _(
        "A child of a partner who may not come cannot come either."
    ),
}

# A family member's relation in the words for their sex, where the sex is known: Arabic and Somali,
# among others, have no word for "child" that fits a 16-year-old daughter.
RELATION_BY_SEX = {
    (rules.Relation.SPOUSE, "M"): _("Husband"),
    (rules.Relation.SPOUSE, "F"): _("Wife"),
    (rules.Relation.CHILD, "M"): _("Son (under 18)"),
    (rules.Relation.CHILD, "F"): _("Daughter (under 18)"),
    (rules.Relation.PARTNER_CHILD, "M"): _("Son of the partner"),
    (rules.Relation.PARTNER_CHILD, "F"): _("Daughter of the partner"),
    (rules.Relation.ADULT_CHILD, "M"): _("Adult son (18 or older)"),
    (rules.Relation.ADULT_CHILD, "F"): _("Adult daughter (18 or older)"),
    (rules.Relation.PARENT, "M"): _("Father"),
    (rules.Relation.PARENT, "F"): _("Mother"),
    (rules.Relation.SIBLING, "M"): _("Brother"),
    (rules.Relation.SIBLING, "F"): _("Sister"),
}


def relation_label(member) -> str:
    """``member``'s relation to the sponsor: "Daughter (under 18)" where the sex is known, else "Child"."""
    return str(RELATION_BY_SEX.get((member.relation, member.sex)) or member.get_relation_display())
