"""Date formats for Tigrinya, which Django does not ship: the same as every language (``config.formats.shared``),
with the date and the time parted by the Eritrean comma ``፡`` (locale/GLOSSARY.md), not a Latin one.

Month names come from the project's catalogue: the markers below keep them there.
"""

from django.utils.translation import gettext_noop

from config.formats.shared import *  # noqa: F403
from config.formats.shared import DATE_FORMAT, TIME_FORMAT

DATETIME_FORMAT = f"{DATE_FORMAT}፡ {TIME_FORMAT}"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT

MONTH_NAMES = [
    gettext_noop("January"), gettext_noop("February"), gettext_noop("March"), gettext_noop("April"),
    gettext_noop("May"), gettext_noop("June"), gettext_noop("July"), gettext_noop("August"),
    gettext_noop("September"), gettext_noop("October"), gettext_noop("November"), gettext_noop("December"),
]
