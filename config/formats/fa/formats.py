"""Dates in this language: see ``config.formats.shared``; the date and the time are parted by the Arabic comma."""

from config.formats.shared import *  # noqa: F403
from config.formats.shared import DATE_FORMAT, TIME_FORMAT

DATETIME_FORMAT = f"{DATE_FORMAT}، {TIME_FORMAT}"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
