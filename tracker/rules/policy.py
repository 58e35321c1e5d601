"""The nareis policy as data: the one place to look when the rules change.

Sources: DOMAIN.md (IND policy on gezinshereniging asiel) and CONTRACTS.md section 2.
`evaluation.py` applies these tables. The few rules that are not a table (one
partner only; partners adult; adult children unmarried and single; siblings minor)
are spelled out in `evaluation._reasons_for_relation`.
"""

from .codes import (
    IneligibilityReason,
    PermitType,
    Relation,
    Requirement,
    RequirementStatus,
    SponsorAge,
    WarningCode,
)
from .codes import DocumentKind as Kind

ADULT_AGE = 18

# --- Deadline (nareistermijn) -------------------------------------------------------
DEADLINE_MONTHS = 3  # after the date on the asylum decision
DUE_SOON_DAYS = 30  # deadline_status "due_soon" at this many days left or fewer
# A missed deadline is the worst outcome, so the warning comes earlier than the
# status turns: CONTRACTS.md's example warns with 34 days left. Six weeks leaves
# time to gather documents and still file a month ahead.
WARN_DAYS_BEFORE_DEADLINE = 42

# A case is complete when every requirement of the sponsor and of every eligible
# member has one of these statuses: a counsellor's explanation stands in for a
# document the family cannot get (the IND may then offer a DNA test or interview).
COMPLETE_STATUSES = frozenset({RequirementStatus.SATISFIED, RequirementStatus.EXPLAINED})

# --- Who may come -------------------------------------------------------------------
# Which sponsors may bring each relation. An adult sponsor brings the nuclear family;
# an unaccompanied minor brings parents and siblings (another procedure, see
# WarningCode.MINOR_SPONSOR_PROCEDURE).
SPONSOR_AGES_BY_RELATION: dict[Relation, frozenset[SponsorAge]] = {
    Relation.SPOUSE: frozenset({SponsorAge.ADULT}),
    Relation.PARTNER: frozenset({SponsorAge.ADULT}),
    Relation.CHILD: frozenset({SponsorAge.ADULT}),
    Relation.PARTNER_CHILD: frozenset({SponsorAge.ADULT}),
    Relation.ADULT_CHILD: frozenset({SponsorAge.ADULT}),
    Relation.PARENT: frozenset({SponsorAge.MINOR}),
    Relation.SIBLING: frozenset({SponsorAge.MINOR}),
}

NOT_ALLOWED_FOR_SPONSOR_AGE: dict[SponsorAge, IneligibilityReason] = {
    SponsorAge.ADULT: IneligibilityReason.RELATION_NOT_ALLOWED_FOR_ADULT_SPONSOR,
    SponsorAge.MINOR: IneligibilityReason.RELATION_NOT_ALLOWED_FOR_MINOR_SPONSOR,
}

# The two-status system (2026) may narrow nareis for subsidiary protection to the core
# family. THIS is where to change it, e.g.
#     PermitType.SUBSIDIARY: frozenset({Relation.SPOUSE, Relation.PARTNER, Relation.CHILD, Relation.PARTNER_CHILD}),
# Members outside the set get IneligibilityReason.RELATION_NOT_ALLOWED_FOR_PERMIT.
RELATIONS_BY_PERMIT_TYPE: dict[PermitType, frozenset[Relation]] = {
    PermitType.REFUGEE: frozenset(Relation),
    PermitType.SUBSIDIARY: frozenset(Relation),
}

# Case-wide warnings raised by the permit type alone: until the policy settles, a
# counsellor must check every subsidiary-protection case by hand.
WARNINGS_BY_PERMIT_TYPE: dict[PermitType, tuple[WarningCode, ...]] = {
    PermitType.REFUGEE: (),
    PermitType.SUBSIDIARY: (WarningCode.SUBSIDIARY_PROTECTION,),
}

# Only one of these may come; the first listed in the case is the one.
PARTNER_RELATIONS = frozenset({Relation.SPOUSE, Relation.PARTNER})

# Children are judged by their age on the day of evaluation, whatever relation was
# entered: under ADULT_AGE they are minor children (consent may apply); from
# ADULT_AGE on they are adult children (must be unmarried, without a relationship).
CHILD_RELATIONS = frozenset({Relation.CHILD, Relation.PARTNER_CHILD, Relation.ADULT_CHILD})

# --- Evidence -----------------------------------------------------------------------
_IDENTITY = frozenset({Kind.PASSPORT, Kind.ID_CARD})
_BIRTH = frozenset({Kind.BIRTH_CERTIFICATE, Kind.FAMILY_BOOKLET})
_MARRIAGE = frozenset({Kind.MARRIAGE_CERTIFICATE, Kind.FAMILY_BOOKLET})
# No civil document proves an unmarried relationship: "other" proof linked to the
# partner (joint lease, photos, children's records, ...) counts once a counsellor
# accepts it; where there is none, the counsellor records an explanation.
_RELATIONSHIP = frozenset({Kind.OTHER})
# A signed consent of the parent who stays behind, or that parent's death
# certificate, linked to the child. Proof of no custody: a counsellor's explanation.
_CONSENT = frozenset({Kind.CONSENT_DECLARATION, Kind.DEATH_CERTIFICATE})

# Which document kinds, about the member, meet each requirement for each relation.
EVIDENCE: dict[Requirement, dict[Relation, frozenset[Kind]]] = {
    Requirement.IDENTITY: {relation: _IDENTITY for relation in Relation},
    Requirement.FAMILY_BOND: {
        Relation.SPOUSE: _MARRIAGE,
        Relation.PARTNER: _RELATIONSHIP,
        Relation.CHILD: _BIRTH,
        Relation.PARTNER_CHILD: _BIRTH,
        Relation.ADULT_CHILD: _BIRTH,
        Relation.PARENT: _BIRTH,
        Relation.SIBLING: _BIRTH,
    },
    Requirement.CONSENT: {relation: _CONSENT for relation in CHILD_RELATIONS},
}

# Relations whose family bond the sponsor's own documents (members: []) also prove:
# the sponsor's birth certificate names the parents and, with theirs, the siblings.
BOND_PROVEN_BY_SPONSOR_DOCUMENTS = frozenset({Relation.PARENT, Relation.SIBLING})

SPONSOR_EVIDENCE: dict[Requirement, frozenset[Kind]] = {
    Requirement.ASYLUM_DECISION: frozenset({Kind.ASYLUM_DECISION}),
}

# Documents in any other language need a sworn translation (Wbtv).
LANGUAGES_WITHOUT_TRANSLATION = frozenset({"nl", "en", "fr", "de"})
