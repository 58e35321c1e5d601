"""Calendar arithmetic for the deadline and for ages."""

from calendar import monthrange
from datetime import date

from cases.deadline import add_months, deadline_for  # noqa: F401  (the deadline is the case's own)

from .codes import DeadlineStatus
from .policy import DUE_SOON_DAYS


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
