"""The nareis policy as data: the one place to look when the rules change.

Sources: DOMAIN.md (IND policy on gezinshereniging asiel) and CONTRACTS.md sections 2 to 4.
The rules come in versions (`POLICIES`), one per state of the law, each a complete
`Policy` that reads on its own: `BEFORE_TWO_STATUS` (sections 2 and 3) and
`TWO_STATUS` (the two-status law, Kamerstukken 36 703: section 4). `choose` picks
one by the day the application is filed. `evaluation.py` applies them. The few
rules that are not a table (one partner only, and only that partner's children;
partners adult; adult children unmarried and single; siblings minor) are spelled
out in `evaluation._reasons_for_relation`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from cases.deadline import DEADLINE_MONTHS  # noqa: F401

from .codes import (
    IneligibilityReason,
    PermitType,
    PolicyName,
    Relation,
    Requirement,
    RequirementStatus,
    SponsorAge,
    WarningCode,
)
from .codes import DocumentKind as Kind

ADULT_AGE = 18

# --- Deadline (nareistermijn): the same under every version ------------------------
# DEADLINE_MONTHS (3, after the date on the asylum decision) is the case's own: cases.deadline.
# The one number that decides "due soon" wherever the product shows or acts on it: the status, the notice on the
# sponsor's and counsellor's pages (tracker.checklist.shown_warnings), the dashboard filters and the first reminder.
DUE_SOON_DAYS = 30  # deadline_status "due_soon" at this many days left or fewer
# A missed deadline is the worst outcome, so the warning comes earlier than the
# status turns: CONTRACTS.md's example warns with 34 days left. Six weeks leaves
# time to gather documents and still file a month ahead.
# Only evaluate_case's JSON (CONTRACTS.md section 2 fixes this warning at 34 days left in its example) uses it.
WARN_DAYS_BEFORE_DEADLINE = 42

# A case is complete when every requirement of the sponsor and of every eligible
# member has one of these statuses: a counsellor's explanation stands in for a
# document the family cannot get (the IND may then offer a DNA test or interview).
COMPLETE_STATUSES = frozenset({RequirementStatus.SATISFIED, RequirementStatus.EXPLAINED})

NOT_ALLOWED_FOR_SPONSOR_AGE: dict[SponsorAge, IneligibilityReason] = {
    SponsorAge.ADULT: IneligibilityReason.RELATION_NOT_ALLOWED_FOR_ADULT_SPONSOR,
    SponsorAge.MINOR: IneligibilityReason.RELATION_NOT_ALLOWED_FOR_MINOR_SPONSOR,
}

# Only one of these may come; the first listed in the case is the one.
PARTNER_RELATIONS = frozenset({Relation.SPOUSE, Relation.PARTNER})

# Children are judged by their age on the filing day, whatever relation was entered:
# under ADULT_AGE they are minor children (consent may apply); from ADULT_AGE on they
# are adult children (must be unmarried, without a relationship).
CHILD_RELATIONS = frozenset({Relation.CHILD, Relation.PARTNER_CHILD, Relation.ADULT_CHILD, Relation.FOSTER_CHILD})

# Relations that are grown-ups by nature: with no birth date they are still asked
# for the statements the IND wants from those of 12 and 15 or older.
ADULT_RELATIONS = frozenset({Relation.SPOUSE, Relation.PARTNER, Relation.ADULT_CHILD, Relation.PARENT})

# An eligible adult child of this age or older: the IND asks for more than the usual dependence.
ADULT_CHILD_DEPENDENCY_AGE = 25

# --- Identity documents ------------------------------------------------------------
IDENTITY_DOCUMENTS = frozenset({Kind.PASSPORT, Kind.ID_CARD})
# One that expires within this many days warns: the family travels on it after the decision.
EXPIRES_SOON_DAYS = 180

# --- Translations (Wbtv) -----------------------------------------------------------
# Documents in any other language need a sworn translation...
LANGUAGES_WITHOUT_TRANSLATION = frozenset({"nl", "en", "fr", "de"})
# ...except these, whose data are printed in Latin script as well.
NEVER_TRANSLATED = frozenset({Kind.PASSPORT})
NOT_TRANSLATED_WITH_MRZ = frozenset({Kind.ID_CARD})

# --- Evidence: which document kinds, about the member, meet each requirement --------
_IDENTITY = IDENTITY_DOCUMENTS
_BIRTH = frozenset({Kind.BIRTH_CERTIFICATE, Kind.FAMILY_BOOKLET})
_MARRIAGE = frozenset({Kind.MARRIAGE_CERTIFICATE, Kind.FAMILY_BOOKLET})
# No civil document proves an unmarried relationship: "other" proof linked to the
# partner (joint lease, photos, children's records, ...) counts once a counsellor
# accepts it; where there is none, the counsellor records an explanation.
_RELATIONSHIP = frozenset({Kind.OTHER})
_PLACEMENT = frozenset({Kind.FOSTER_CARE_DECISION})
# A signed consent of the parent who stays behind, or that parent's death
# certificate, linked to the child. Proof of no custody: a counsellor's explanation.
_CONSENT = frozenset({Kind.CONSENT_DECLARATION, Kind.DEATH_CERTIFICATE})

EVIDENCE: dict[Requirement, dict[Relation, frozenset[Kind]]] = {
    Requirement.IDENTITY: {relation: _IDENTITY for relation in Relation},
    Requirement.FAMILY_BOND: {
        Relation.SPOUSE: _MARRIAGE,
        Relation.PARTNER: _RELATIONSHIP,
        Relation.CHILD: _BIRTH,
        Relation.PARTNER_CHILD: _BIRTH,
        Relation.ADULT_CHILD: _BIRTH,
        Relation.FOSTER_CHILD: _PLACEMENT,
        Relation.PARENT: _BIRTH,
        Relation.SIBLING: _BIRTH,
    },
    Requirement.CONSENT: {relation: _CONSENT for relation in CHILD_RELATIONS},
    Requirement.PHOTO: {relation: frozenset({Kind.PASSPORT_PHOTO}) for relation in Relation},
    Requirement.GOOD_CONDUCT: {relation: frozenset({Kind.GOOD_CONDUCT_STATEMENT}) for relation in Relation},
    Requirement.MARITAL_STATUS: {relation: frozenset({Kind.MARITAL_STATUS_STATEMENT}) for relation in Relation},
}

# Relations whose family bond the sponsor's own documents (members: []) also prove:
# the sponsor's birth certificate names the parents and, with theirs, the siblings.
BOND_PROVEN_BY_SPONSOR_DOCUMENTS = frozenset({Relation.PARENT, Relation.SIBLING})

SPONSOR_EVIDENCE: dict[Requirement, frozenset[Kind]] = {
    Requirement.ASYLUM_DECISION: frozenset({Kind.ASYLUM_DECISION}),
}

# What form 647 asks of every eligible member beyond identity and bond (CONTRACTS.md
# section 3), from the age given (judged on the filing day).
EXTRA_EVIDENCE_FROM_AGE: dict[Requirement, int] = {
    Requirement.PHOTO: 0,  # a recent passport photo
    Requirement.GOOD_CONDUCT: 12,  # antecedentenverklaring
    Requirement.MARITAL_STATUS: 15,  # verklaring burgerlijke staat
}


# --- The versions ------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """One version of the rules: who may come, for which sponsor and permit, and what warns."""

    name: PolicyName
    # Which sponsors may bring each relation. An adult sponsor brings the family; an
    # unaccompanied minor brings parents and siblings (another procedure, see
    # WarningCode.MINOR_SPONSOR_PROCEDURE).
    sponsor_ages_by_relation: Mapping[Relation, frozenset[SponsorAge]]
    # Relations the law does not let come at all: IneligibilityReason.RELATION_NOT_ALLOWED_BY_POLICY.
    relations_not_allowed: frozenset[Relation]
    # Whether a child (any of CHILD_RELATIONS) who is 18 or older on the filing day may come.
    adult_children_may_come: bool
    # Case-wide warnings raised by the permit type alone.
    warnings_by_permit_type: Mapping[PermitType, tuple[WarningCode, ...]]
    # Years after the permit before a holder of this permit type may apply (SUBSIDIARY_WAITING_PERIOD).
    waiting_years_by_permit_type: Mapping[PermitType, int]


BEFORE_TWO_STATUS = Policy(
    name=PolicyName.BEFORE_TWO_STATUS,
    sponsor_ages_by_relation={
        Relation.SPOUSE: frozenset({SponsorAge.ADULT}),
        Relation.PARTNER: frozenset({SponsorAge.ADULT}),
        Relation.CHILD: frozenset({SponsorAge.ADULT}),
        Relation.PARTNER_CHILD: frozenset({SponsorAge.ADULT}),
        Relation.ADULT_CHILD: frozenset({SponsorAge.ADULT}),
        Relation.FOSTER_CHILD: frozenset({SponsorAge.ADULT}),
        Relation.PARENT: frozenset({SponsorAge.MINOR}),
        Relation.SIBLING: frozenset({SponsorAge.MINOR}),
    },
    relations_not_allowed=frozenset(),
    adult_children_may_come=True,
    # Subsidiary protection: a counsellor checks every such case by hand.
    warnings_by_permit_type={
        PermitType.REFUGEE: (),
        PermitType.SUBSIDIARY: (WarningCode.SUBSIDIARY_PROTECTION,),
    },
    waiting_years_by_permit_type={PermitType.REFUGEE: 0, PermitType.SUBSIDIARY: 0},
)

# The two-status law: only the core family (spouse, or a partner who is married to
# the sponsor, and minor children) for both permit types; holders of subsidiary
# protection wait two years after the permit.
TWO_STATUS = Policy(
    name=PolicyName.TWO_STATUS,
    sponsor_ages_by_relation={
        Relation.SPOUSE: frozenset({SponsorAge.ADULT}),
        Relation.PARTNER: frozenset({SponsorAge.ADULT}),
        Relation.CHILD: frozenset({SponsorAge.ADULT}),
        Relation.PARTNER_CHILD: frozenset({SponsorAge.ADULT}),
        Relation.ADULT_CHILD: frozenset({SponsorAge.ADULT}),
        Relation.FOSTER_CHILD: frozenset({SponsorAge.ADULT}),
        Relation.PARENT: frozenset({SponsorAge.MINOR}),
        Relation.SIBLING: frozenset({SponsorAge.MINOR}),
    },
    relations_not_allowed=frozenset({Relation.PARTNER, Relation.ADULT_CHILD, Relation.FOSTER_CHILD}),
    adult_children_may_come=False,
    warnings_by_permit_type={
        PermitType.REFUGEE: (),
        PermitType.SUBSIDIARY: (WarningCode.SUBSIDIARY_PROTECTION,),
    },
    waiting_years_by_permit_type={PermitType.REFUGEE: 0, PermitType.SUBSIDIARY: 2},
)

POLICIES: dict[PolicyName, Policy] = {policy.name: policy for policy in (BEFORE_TWO_STATUS, TWO_STATUS)}


def choose(filing_day: date, two_status_from: date | None) -> PolicyName:
    """The version in force on the filing day; `two_status_from` is the day the two-status law applies
    (None: not in force)."""
    if two_status_from is not None and filing_day >= two_status_from:
        return PolicyName.TWO_STATUS
    return PolicyName.BEFORE_TWO_STATUS
