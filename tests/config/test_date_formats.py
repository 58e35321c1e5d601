"""One way of writing a date per language, everywhere; times on the Netherlands' clock."""

from __future__ import annotations

from datetime import date, datetime, timezone as dt_timezone

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

DAY = date(2027, 1, 20)
# 14:27 UTC is 15:27 in Amsterdam in winter.
MOMENT = datetime(2027, 1, 20, 14, 27, tzinfo=dt_timezone.utc)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "20 January 2027"), ("nl", "20 januari 2027"), ("ar", "20 يناير 2027"), ("fa", "20 ژانویه 2027"),
])
def test_every_date_format_name_gives_the_same_date_in_a_language(language, expected):
    with translation.override(language):
        written = {date_format(DAY, name) for name in ("DATE_FORMAT", "SHORT_DATE_FORMAT")}
        written.add(Template("{{ day|date }}").render(Context({"day": DAY})))
    assert written == {expected}


def test_times_are_on_a_24_hour_clock_in_amsterdam():
    with translation.override("en"):
        rendered = Template('{{ moment|date:"SHORT_DATETIME_FORMAT" }}|{{ moment|time }}').render(
            Context({"moment": MOMENT}))
    assert rendered == "20 January 2027, 15:27|15:27"


@pytest.mark.parametrize(("language", "expected"), [("ar", "20 يناير 2027، 15:27"), ("fa", "20 ژانویه 2027، 15:27")])
def test_arabic_script_parts_date_and_time_with_its_own_comma(language, expected):
    with translation.override(language):
        rendered = Template('{{ moment|date:"DATETIME_FORMAT" }}').render(Context({"moment": MOMENT}))
    assert rendered == expected


def test_tigrinya_parts_date_and_time_with_the_eritrean_comma():
    """locale/GLOSSARY.md: ፡ is Tigrinya's comma; a Latin comma between the date and the time reads as foreign."""
    with translation.override("ti"):
        rendered = Template('{{ moment|date:"DATETIME_FORMAT" }}|{{ moment|date:"SHORT_DATETIME_FORMAT" }}').render(
            Context({"moment": MOMENT}))
    first, second = rendered.split("|")
    assert first == second and first.endswith("2027፡ 15:27") and "," not in first
