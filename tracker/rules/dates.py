"""Calendar arithmetic for the deadline and for ages."""

from calendar import monthrange
from datetime import date

from .codes import DeadlineStatus
from .policy import DEADLINE_MONTHS, DUE_SOON_DAYS


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def deadline_for(decision_date: date) -> date:
    """The last day to apply: the decision date plus three calendar months (31 Aug -> 30 Nov)."""
    return add_months(decision_date, DEADLINE_MONTHS)


def deadline_status(days_left: int | None) -> DeadlineStatus:
    if days_left is None:
        return DeadlineStatus.UNKNOWN
    if days_left < 0:
        return DeadlineStatus.PASSED
    if days_left <= DUE_SOON_DAYS:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.OPEN


def age_on(birth_date: date, today: date) -> int:
    """Completed years; someone born on 29 February turns a year older on 1 March."""
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def birthday(birth_date: date, years: int) -> date:
    """The day someone turns `years` old, as `age_on` counts it (29 February: 1 March in other years)."""
    year = birth_date.year + years
    if (birth_date.month, birth_date.day) == (2, 29) and monthrange(year, 2)[1] == 28:
        return date(year, 3, 1)
    return birth_date.replace(year=year)
