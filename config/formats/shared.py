"""One way of writing dates per language, on every page, in the dossier and in e-mails.

Every format name Django knows (``DATE_FORMAT``, ``SHORT_DATE_FORMAT``, the date
filter's default...) gives the same day-month-year with the month's name, so a
screen never mixes "01/20/2027" with "Jan. 20, 2027"; times on a 24-hour clock
("15:27"), in the Netherlands' time zone (``TIME_ZONE``). Each language's
``formats.py`` takes these; month names come from Django's catalogue (Tigrinya's
from ours).
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = DATE_FORMAT
TIME_FORMAT = "H:i"
DATETIME_FORMAT = f"{DATE_FORMAT}, {TIME_FORMAT}"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
# Forms take ISO dates first (what <input type="date"> sends), then day-month-year as people type it.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
