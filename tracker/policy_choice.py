"""Which version of the rules applies to a case, and why (CONTRACTS.md section 4).

The filing day decides: the day the application was filed, else the day it is
planned, else today. A counsellor can choose the other version, with a reason
(a transitional arrangement, a court ruling); the case page says which applies and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.conf import settings

from cases.models import Case

from . import rules


class DecidedBy(StrEnum):
    FILED = "filed"  # the day the application was filed
    PLANNED = "planned"  # the day it will be filed
    TODAY = "today"  # neither is known: as if filed today
    COUNSELLOR = "counsellor"  # a counsellor chose, with a reason


@dataclass(frozen=True)
class PolicyChoice:
    name: rules.PolicyName
    decided_by: DecidedBy
    filing_day: date  # the day every age is judged on
    law_from: date | None  # the day the two-status rules apply from (None: not in force)
    reason: str = ""  # the counsellor's, when they chose

    @property
    def is_two_status(self) -> bool:
        return self.name == rules.PolicyName.TWO_STATUS


def policy_for(case: Case, today: date) -> PolicyChoice:
    law_from = settings.TWO_STATUS_RULES_FROM
    if case.application_filed_on:
        filing_day, decided_by = case.application_filed_on, DecidedBy.FILED
    elif case.planned_filing_on:
        filing_day, decided_by = case.planned_filing_on, DecidedBy.PLANNED
    else:
        filing_day, decided_by = today, DecidedBy.TODAY
    if case.policy_override:
        return PolicyChoice(rules.PolicyName(case.policy_override), DecidedBy.COUNSELLOR, filing_day, law_from,
                            case.policy_override_reason)
    return PolicyChoice(rules.choose(filing_day, law_from), decided_by, filing_day, law_from)
