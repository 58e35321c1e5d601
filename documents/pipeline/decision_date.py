"""The date of an asylum decision, told apart from the other dates its letter carries.

A decision letter states several dates: its own (the letter head's "Datum ...", "Den Haag, ...",
"Date of decision: ..."), the permit's start date ("met ingang van ...", "with effect from ...",
often the day of the asylum application, months earlier), the application's ("uw aanvraag van ...",
"u heeft op ... asiel aangevraagd"), the permit's end ("geldig tot ..."), and birth dates. Only the
first starts the three months of nareis, so each date is judged by its label: the words leading
up to it in its own clause (or the label line above it, or the label column beside it); where
nothing leads up to it, the words that follow it in its sentence. A date with another date's label
never counts; among the rest a decision label beats none, and the earliest wins. No date at all is
better than a wrong one: the counsellor then enters it.
"""

from __future__ import annotations

import re
from datetime import date

from .dates import DateSpan, date_spans, fold_for_dates


def _words(*patterns: str) -> re.Pattern:
    return re.compile("|".join(patterns))


# Labels of every other date a decision letter carries (folded: lower case, no accents). Dutch stems match
# inside compounds too ("asielaanvraag", "ingangsdatum").
OTHER_DATE = _words(
    # the permit's start and end
    r"ingang", r"ingaande", r"gaat in", r"vanaf", r"geldig", r"\bvalid", r"effect", r"\bstart", r"commenc",
    r"\bas of\b", r"\b(?:from|per|to|tot|till)\s*$", r"a compter", r"a partir", r"tot en met", r"t/m", r"\buntil\b",
    r"expir", r"verval", r"verloop", r"verlopen", r"einddatum", r"jusqu",
    # the application and the steps before the decision
    r"aanvra", r"aangevraagd", r"ingediend", r"indiening", r"\bapplica", r"\bapplied", r"submitted", r"lodged",
    r"\bfiled", r"demande", r"\bdepos", r"ontvang", r"received", r"uw brief", r"your letter", r"verzonden",
    r"\bsent\b", r"voornemen", r"intention", r"intended", r"zienswijze", r"gehoor", r"interview", r"binnenkomst",
    r"aankomst", r"\barriv", r"\bentry", r"\bentered", r"aanmeld", r"registr", r"inreis",
    # people's birth dates
    r"geboren", r"geboorte", r"birth", r"\bborn", r"naissance", r"\bnee?\b", r"geburt", r"\bgeb\b", r"dogum",
)
STRONG_DECISION = _words(
    r"datum (van )?(het |de )?(besluit|beschikking)", r"besluitdatum", r"dagtekening", r"date of (the )?decision",
    r"decision date", r"date (de la|of) (decision|notification)",
)
DECISION = _words(
    r"datum\b", r"\bdate\b", r"\bdated\b", r"besluit", r"beschikking", r"besloten", r"beslist", r"decision",
    r"decided", r"verleend", r"granted", r"toegekend", r"\bfait a\b",
    r"(?:den haag|s gravenhage|zwolle|rijswijk)\W*$",  # where the IND dates its letters
)
# "Amsterdam, 14 september 2026": a place and a comma before the date, as letters are dated.
PLACE_AND_COMMA = re.compile(r"^\s*[a-z][a-z' \-]{2,30},\s*$")
# A sentence ends at a stop after a word (not "d.d." or an initial).
SENTENCE_END = re.compile(r"(?<=[a-z0-9]{2})[.!?;](?:\s|$)")
LABEL_MAX_WORDS = 4

STRONG, LABELLED, UNLABELLED = 3, 2, 0


def decision_date(text: str) -> date | None:
    lines = [fold_for_dates(line) for line in text.splitlines()]
    lines = [line for line in lines if line.strip()]
    column_labels = _column_labels(lines)
    candidates = []
    for index, line in enumerate(lines):
        spans = date_spans(line)
        for position, span in enumerate(spans):
            before_start = spans[position - 1].end if position else 0
            lead = _last_clause(line[before_start:span.start])
            if not _has_words(lead) and position == 0:
                lead = column_labels.get(index) or _label_above(lines, index) or lead
            weight = _judge(lead, _following(lines, index, spans, position))
            if weight is not None:
                candidates.append((weight, -index, -position, span.value))
    return max(candidates)[3] if candidates else None


def _judge(lead: str, follow: tuple[str, str]) -> int | None:
    """How surely the date so labelled is the decision's; None for another date's label.

    ``follow``: the rest of the sentence on the date's line, and on the next line. The next line can
    only tell that it is another date ("3 maart 2025 / een aanvraag ingediend"): read across the columns
    of a letter head, it may hold the next value's label."""
    if OTHER_DATE.search(lead):
        return None
    if STRONG_DECISION.search(lead):
        return STRONG
    if DECISION.search(lead) or PLACE_AND_COMMA.match(lead):
        return LABELLED
    same_line, next_line = follow
    other, decision = OTHER_DATE.search(same_line), DECISION.search(same_line)
    if other is not None and (decision is None or other.start() < decision.start()):
        return None
    if decision is not None:
        return LABELLED
    return None if OTHER_DATE.search(next_line) else UNLABELLED


def _following(lines: list[str], index: int, spans: list[DateSpan], position: int) -> tuple[str, str]:
    """The rest of the date's sentence up to the next date: on its line, and on the next when the date ends its line."""
    line = lines[index]
    end = spans[position + 1].start if position + 1 < len(spans) else len(line)
    follow, next_line = line[spans[position].end:end], ""
    if position + 1 == len(spans) and not _has_words(follow) and index + 1 < len(lines):
        following_line = lines[index + 1]
        next_dates = date_spans(following_line)
        next_line = following_line[: next_dates[0].start if next_dates else len(following_line)]
    return SENTENCE_END.split(follow, maxsplit=1)[0], SENTENCE_END.split(next_line, maxsplit=1)[0]


def _last_clause(text: str) -> str:
    return SENTENCE_END.split(text)[-1]


def _has_words(text: str) -> bool:
    return bool(re.search(r"[a-z]{2}", text))


def _is_label(line: str) -> bool:
    """A short line of words without digits: "Datum", "Ons kenmerk", "Datum aanvraag:"."""
    return not re.search(r"\d", line) and 0 < len(line.split()) <= LABEL_MAX_WORDS and _has_words(line)


def _label_above(lines: list[str], index: int) -> str | None:
    """The words that end the line above, when it holds no number: a letter head that puts each label above
    its value ("Datum" / "14 september 2026"), a sentence that goes on ("met ingang van" / "3 maart 2025"),
    or a head read across its columns ("Aan A. Osman   Datum")."""
    above = lines[index - 1] if index else ""
    if not _has_words(above) or re.search(r"\d", above):
        return None
    return " ".join(_last_clause(above).split()[-LABEL_MAX_WORDS:])


def _column_labels(lines: list[str]) -> dict[int, str]:
    """Labels of values laid out in a column beside them: OCR reads the label column first, then the values.

    A run of value lines (each with a digit) that follows a run of label lines within a few lines pairs
    up row by row with the label run's last lines (a heading above the labels makes that run longer)."""
    label_runs = _runs(lines, _is_label)
    value_runs = _runs(lines, lambda line: bool(re.search(r"\d", line)) and len(line.split()) <= 6)
    paired: dict[int, str] = {}
    for label_start, label_count in label_runs:
        for value_start, value_count in value_runs:
            gap = value_start - (label_start + label_count)
            if label_count >= value_count >= 2 and 0 <= gap <= 3:
                first_label = label_start + label_count - value_count
                paired.update({value_start + row: lines[first_label + row] for row in range(value_count)})
                break
    return paired


def _runs(lines: list[str], belongs) -> list[tuple[int, int]]:
    """(first index, length) of each run of consecutive lines that ``belongs``."""
    runs: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if not belongs(line):
            continue
        if runs and runs[-1][0] + runs[-1][1] == index:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs
