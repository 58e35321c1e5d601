"""Words people read for the codes the rules use: one place, all translated."""

from django.utils.translation import gettext_lazy as _

from . import rules

REQUIREMENT_LABELS = {
    rules.Requirement.IDENTITY: _("Identity"),
    rules.Requirement.FAMILY_BOND: _("Family bond"),
    rules.Requirement.CONSENT: _("Consent of the other parent"),
    rules.Requirement.TRANSLATION: _("Sworn translation"),
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
    rules.Requirement.ASYLUM_DECISION: _("You received it from the IND by post. Your lawyer also has a copy."),
}

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
        "The nareis deadline has passed. Only the regular family route remains, with income and integration requirements."
    ),
    rules.WarningCode.NOT_MENTIONED_IN_ASYLUM_PROCEDURE: _(
        "This family member was not mentioned during the asylum procedure. The IND may refuse them."
    ),
    rules.WarningCode.SUBSIDIARY_PROTECTION: _(
        "Subsidiary protection: since 2026 nareis may be restricted. A counsellor must check this case."
    ),
    rules.WarningCode.MINOR_SPONSOR_PROCEDURE: _(
        "The sponsor is under 18: other procedures apply and there can be costs. The guardian decides."
    ),
    rules.WarningCode.MORE_THAN_ONE_PARTNER: _("Only one partner may come, with the children of that partner."),
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
    rules.IneligibilityReason.RELATION_NOT_ALLOWED_FOR_PERMIT: _("Not allowed with this kind of permit."),
}
