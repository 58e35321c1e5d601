"""The nareis deadline: three calendar months after the date on the asylum decision. Pure Python."""

from calendar import monthrange
from datetime import date

DEADLINE_MONTHS = 3  # after the date on the asylum decision; the same under every version of the rules


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def deadline_for(decision_date: date) -> date:
    """The last day to apply: the decision date plus three calendar months (31 Aug -> 30 Nov)."""
    return add_months(decision_date, DEADLINE_MONTHS)
