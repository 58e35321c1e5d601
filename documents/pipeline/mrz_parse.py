"""Parse machine-readable zones (ICAO Doc 9303) from OCR'd text lines.

OCR of an MRZ is never trusted as read: every position is corrected to the
character class the layout allows there (digits in dates, letters in country
codes, fillers after the names), and check digits choose among the remaining
ambiguities. Pure Python, no image code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .mrz_codes import document_code, plausible_countries
from .mrz_layouts import (
    ALPHABET,
    AMBIGUOUS,
    FILLER,
    FILLER_LOOKALIKES,
    FRENCH_ID,
    FRENCH_ID_START,
    SEX_FIXES,
    TD1,
    TD2,
    TD3,
    TO_DIGIT,
    TO_LETTER,
    VISA_LAYOUTS,
    ZERO_LOOKALIKES,
    Layout,
    layout_of,
)
from .types import MrzDoubt, MrzResult


def char_value(char: str) -> int:
    """A character's value in ICAO 9303 check digits: digits as themselves, A=10 .. Z=35, "<" = 0."""
    if char.isdigit():
        return int(char)
    return ord(char) - 55 if "A" <= char <= "Z" else 0


CHECK_WEIGHTS = (7, 3, 1)


def check_digit(data: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1 over the characters' values."""
    return str(sum(char_value(char) * CHECK_WEIGHTS[index % 3] for index, char in enumerate(data)) % 10)


def checked_fields(result: MrzResult) -> list[str]:
    """The values of the fields a check digit covers."""
    layout = layout_of(result)
    return [result.lines[f.line][f.start:f.end] for f in layout.fields if f.check is not None]


def check_holds(data: str, digit: str) -> bool:
    if digit == FILLER:
        return data.strip(FILLER) == ""  # empty field, "<" instead of 0
    return check_digit(data) == digit


def normalise_line(raw: str) -> str:
    # OCR-B's S has a long spine that Tesseract reads as "$": kept, it keeps the line's length.
    text = raw.upper().replace("«", "<<").replace("‹", "<").replace("$", "S")
    text = re.sub(r"[\s]", "", text)
    return "".join(char for char in text if char in ALPHABET)


def guess_layout(lines: Sequence[str]) -> Layout | None:
    if len(lines) == 3:
        return TD1
    if len(lines) == 2:
        longest = max(len(line) for line in lines)
        # Two lines of 30 are a TD1 with a line missing, not a TD2.
        layout = TD3 if longest >= 40 else TD2 if longest >= 33 else None
        if layout is not None and document_code(lines[0][:2]).startswith("V"):
            return VISA_LAYOUTS[layout.format]
        if layout is TD2 and document_code(lines[0][:2]) + _to_letters(lines[0][2:5]) == FRENCH_ID_START:
            return FRENCH_ID
        return layout
    return None


def fit_length(line: str, length: int) -> str:
    """Stretch or shrink the longest filler run (where OCR drops or doubles '<') to reach ``length``."""
    if len(line) == length:
        return line
    runs = [(m.end() - m.start(), m.start(), m.end()) for m in re.finditer(r"<+", line)]
    if not runs:
        return line[:length] if len(line) > length else line + FILLER * (length - len(line))
    _, start, end = max(runs)
    run = end - start
    target = max(run + length - len(line), 0)
    line = line[:start] + FILLER * target + line[end:]
    return line[:length] if len(line) > length else line + FILLER * (length - len(line))


def _fit_names_line(line: str, length: int) -> str:
    """The names run to the end of their line, so surplus or missing characters are fillers there."""
    return line[:length] if len(line) > length else line + FILLER * (length - len(line))


def _to_digits(text: str) -> str:
    return "".join(TO_DIGIT.get(char, char) for char in text)


def _to_letters(text: str) -> str:
    return "".join(TO_LETTER.get(char, char) for char in text)


def _collapse_long_separators(field: str) -> str:
    """"ERIKSSON<<<ANNA": a run of fillers followed by real name letters is the "<<" separator."""
    def firm(text: str) -> bool:
        return any(char != FILLER and char not in FILLER_LOOKALIKES for char in text)

    position = 0
    while (match := re.compile("<{3,}").search(field, position)) is not None:
        if not firm(field[match.end():]):
            break
        field = field[:match.start()] + "<<" + field[match.end():]
        position = match.start() + 2
    return field


_X_BEFORE_CONSONANT = re.compile("^X(?=[BCDFGJKLMNPQRSTVWXZ])")


def repair_names(field: str) -> str:
    """Turn the filler run after the names back into '<' (OCR reads it as K, X, S, E ...)."""
    length = len(field)
    field = _collapse_long_separators(_to_letters(field))
    field += FILLER * (length - len(field))
    cut = field.find("<<<")
    if cut < 0:
        match = re.search(r"<[<" + "".join(sorted(FILLER_LOOKALIKES)) + r"]{3,}$", field)
        # No name is eight K/X/S/E/C/L letters long; a mostly-"<" tail is filler too.
        if match and (len(match.group()) >= 8 or match.group().count(FILLER) * 5 >= len(match.group()) * 3):
            cut = match.start()
    if cut < 0:
        cut = len(field)
    names = field[:cut]
    tokens = names.split(FILLER)
    # No name has four equal letters in a row: from such a token on it is misread filler.
    garbage = next((i for i, token in enumerate(tokens) if i and re.search(r"(.)\1{3}", token)), None)
    if garbage is not None:
        tokens = tokens[:garbage]
    # "SELAM<K<<<": a lone K/X/S before the fillers is a misread "<", not an initial;
    # so is a lone K or X between names ("OSMAN<K<SELAM" for "OSMAN<<SELAM").
    while len(tokens) > 1 and tokens[-1] in FILLER_LOOKALIKES:
        tokens.pop()
    # No name begins with X before a consonant other than H (XAVIER, XU, XHEMAL: no transliteration ICAO
    # uses spells one so): such an X after a filler is that "<" read twice ("ANNA<XMARIA"), and goes.
    tokens = tokens[:1] + ["" if token in ("K", "X") else _X_BEFORE_CONSONANT.sub("", token) for token in tokens[1:]]
    names = FILLER.join(tokens)
    return names + FILLER * (len(field) - len(names))


JUNK_AFTER_FILLERS = FILLER_LOOKALIKES | {"6", "0", FILLER}


def _repair_optional(field: str, has_check: bool, check: str | None, ends_line: bool = False) -> str:
    looks_empty = all(char == FILLER or char in FILLER_LOOKALIKES for char in field)
    if looks_empty and (not has_check or check in (FILLER, "0") or field.count(FILLER) * 2 >= len(field)):
        return FILLER * len(field)
    # Data stands at the field's start and fillers pad it: after three fillers, a tail of nothing but the glyphs
    # OCR makes of "<" in a noisy photo ("<<<<66CEKKKKKEK", "<<<<K6KCKKK") is fillers, not data; the composite
    # check digit, which may pass such junk by chance, judges the field as printed.
    padding = field.find(FILLER * 3)
    if padding >= 0 and set(field[padding:]) <= JUNK_AFTER_FILLERS:
        field = field[:padding] + FILLER * (len(field) - padding)
    # K weighs 20 and 0 nothing: to every check digit they are a "<" (0). Lone among fillers, or alone at the
    # field's start before them ("UTO0<<<": the country code's O read twice), they are one; so is X, and so are
    # Ks and 0s running among fillers ("<<KK<<", "UTO0K<<").
    field = re.sub(r"(?:(?<=<)|^)(?:X|[K0]+)(?=<|$)", lambda match: FILLER * len(match.group()), field)
    if not has_check and any(char.isdigit() for char in field):
        # A number no check digit guards (a visa's, a card's personal number): O is 0 there, as
        # issuers leave the letter out of numbers for its likeness to the digit.
        field = field.replace("O", "0")
    if ends_line and not has_check:
        # Data stands at the field's start, fillers pad it: a character or two after a run of
        # fillers at the end of the line (a visa's) is the page's print beside the zone.
        stray = re.search(r"<{3,}[^<]{1,2}$", field)
        if stray:
            return field[:stray.start()] + FILLER * (len(field) - stray.start())
    return field


def correct_by_position(lines: list[str], layout: Layout) -> list[str]:
    chars = [list(line) for line in lines]
    for field in layout.fields:
        row = chars[field.line]
        text = "".join(row[field.start:field.end])
        if field.kind in ("digits",):
            text = _to_digits(text)
        elif field.kind == "alpha":
            text = _to_letters(text)
        elif field.kind == "code":
            text = document_code(text)
        elif field.kind == "names":
            text = repair_names(text)
        elif field.kind == "sex":
            text = SEX_FIXES.get(text, text)
        elif field.kind == "optional":
            check = TO_DIGIT.get(row[field.check], row[field.check]) if field.check is not None else None
            text = _repair_optional(text, field.check is not None, check, field.end == layout.line_length)
        row[field.start:field.end] = list(text)
        if field.check is not None and row[field.check] != FILLER:
            row[field.check] = TO_DIGIT.get(row[field.check], row[field.check])
    if layout.composite_at is not None:
        line, index = layout.composite_at
        chars[line][index] = TO_DIGIT.get(chars[line][index], chars[line][index])
    return ["".join(row) for row in chars]


def _class_changes(text: str) -> int:
    kinds = [char.isdigit() for char in text.rstrip(FILLER)]
    return sum(a != b for a, b in zip(kinds, kinds[1:]))


def _document_number_variants(text: str) -> list[str]:
    """Single letter/digit flips that make the number more regular (a letter among digits, a digit
    among letters) or give it a leading letter. A check digit accepts one wrong variant in ten,
    so arbitrary flips would often 'validate' a misread number."""
    variants = []
    for position, char in enumerate(text):
        if char not in AMBIGUOUS:
            continue
        variant = text[:position] + AMBIGUOUS[char] + text[position + 1:]
        if position == 0 or _class_changes(variant) < _class_changes(text) or (
            # "BAAD00589": OCR-B's 0 read as D or O where the letters end (not B for 8: both are common)
            char in ZERO_LOOKALIKES and _class_changes(variant) == _class_changes(text) and _at_boundary(variant, position)
        ):
            variants.append(variant)
    return variants


def _at_boundary(text: str, position: int) -> bool:
    """The character at ``position`` is of the other class (letter, digit) than one neighbour and
    the same as the other."""
    kinds = [char.isdigit() for char in text]
    neighbours = [kinds[i] for i in (position - 1, position + 1) if 0 <= i < len(text) and text[i] != FILLER]
    return len(neighbours) == 2 and neighbours[0] != neighbours[1]


def resolve_document_number(lines: list[str], layout: Layout) -> list[str]:
    """Flip an ambiguous letter/digit (O/0, B/8 ...) in the document number when that makes its
    check digit hold (the composite adds nothing here: it weighs the number the same way)."""
    field = layout.field("document_number")
    row = lines[field.line]
    number, digit = row[field.start:field.end], row[field.check]
    if digit == FILLER:
        return lines
    if not check_holds(number, digit):
        passing = [variant for variant in _document_number_variants(number) if check_holds(variant, digit)]
        if not passing:
            return lines
        number = min(passing, key=irregularity)
    # "BAADD0589" for "BAA000589": D weighs 13, so two of them at weights 7 and 3 weigh as two zeros and the
    # check digit holds either way; letters like 0 running into a 0 are zeros where it cannot tell.
    if check_holds(zeros := _zeros_into_digits(number), digit):
        number = zeros
    trial = list(lines)
    trial[field.line] = row[:field.start] + number + row[field.end:]
    return trial


def _zeros_into_digits(number: str) -> str:
    """``number`` with each run of letters like 0 (O, D, Q) that a 0 follows turned to zeros; and a number of
    nothing but such letters and zeros (a specimen's "000000000" read out of focus as "DDOOODDDD") all zeros:
    no issuer makes a number of those letters alone."""
    if number.rstrip(FILLER) and set(number.rstrip(FILLER)) <= ZERO_LOOKALIKES | {"0"}:
        return re.sub(f"[{''.join(sorted(ZERO_LOOKALIKES))}]", "0", number)
    number = re.sub(f"[{''.join(sorted(ZERO_LOOKALIKES))}]+(?=0)", lambda match: "0" * len(match.group()), number)
    # Runs with an O or Q in them ending the number, three or more ("XXDDOOOO" for "XX000000"), or between digits
    # ("99CO3853" for "99003853"): issuers leave O and Q out of numbers for their likeness to 0, and two or more
    # such letters misread pass the check digit of the zeros one time in ten (the caller keeps them unless the
    # zeros pass too).
    number = re.sub(r"[DOQ]*[OQ][DOQ]*(?=<*$)", lambda match: "0" * len(match.group()) if len(match.group()) >= 3
                    else match.group(), number)
    return re.sub(r"(?<=\d)[CDOQ]*[OQ][CDOQ]*(?=\d)", lambda match: "0" * len(match.group()), number)


# Letters a digit of a personal number is read as (O/Q/D for 0, I for 1, Z for 2 ...).
DIGIT_LOOKALIKES = {letter: digit for letter, digit in AMBIGUOUS.items() if letter.isalpha() and digit.isdigit()}


def resolve_optional_data(lines: list[str], layout: Layout) -> list[str]:
    """Optional data misread where a check digit says so, when every check digit of the zone then holds:
    letters among the digits of a number (a personal number, the rest of a long card number: "1Z90Z96" for
    "1290296") read as the digits they resemble; and, where the field has a check digit of its own (TD3's),
    one letter/digit flip that makes it more regular, as in document numbers ("2E184226B" for "ZE184226B").
    Only the composite may cover the field (a TD1 card's), so only when every other check holds already."""
    checked = [field for field in layout.fields if field.check is not None]
    results = checks(lines, layout)
    if all(results):
        return _checked_numbers_as_digits(lines, layout)
    if not all(holds for field, holds in zip(checked, results) if field.kind != "optional"):
        return lines
    for field in layout.fields:
        if field.kind != "optional":
            continue
        row = lines[field.line]
        rows = [_digits_among_digits(row, field.start, field.end)]
        if field.check is not None:
            data = row[field.start:field.end]
            rows += [row[:field.start] + variant + row[field.end:]
                     for variant in sorted(_document_number_variants(data), key=irregularity)]
        for regular in rows:
            trial = list(lines)
            trial[field.line] = regular
            if regular != row and all(checks(trial, layout)):
                return trial
    return lines


# Letters a digit is read as whose value differs from the digit's by no multiple of 10: one of them alone, read
# for its digit, breaks the check digit (unlike L and 1, G and 6, U and 0, which weigh alike at every weight).
# (Y too: the shapes of OCR-B read a 1 out of focus, its flag and foot blurred, as one.)
_TOLD_APART_FROM_DIGITS = {letter: digit for letter, digit in (TO_DIGIT | {"Y": "1"}).items()
                           if (char_value(letter) - int(digit)) % 10 != 0}


def _checked_numbers_as_digits(lines: list[str], layout: Layout) -> list[str]:
    """A zone whose every check holds as read, with a personal number (optional data with a check digit of its own)
    of digits and letters OCR makes of digits after its first digit, no more letters than digits ("123A56789O" for
    "1234567890", "11O1O1Y1Y" for "110101111"): where the number
    read with those letters as digits passes every check too, the digits. Two letters or more misread so pass one
    time in ten (TD3's composite weighs the field as its own check digit does, so it adds nothing); the number of
    digits is far likelier (issuers mixing letters into a personal number put them first, or end it with one)."""
    for field in layout.fields:
        if field.kind != "optional" or field.check is None:
            continue
        row = lines[field.line]
        data = row[field.start:field.end].rstrip(FILLER)
        first_digit = next((index for index, char in enumerate(data) if char.isdigit()), None)
        if first_digit is None:
            continue
        rest = data[first_digit:]
        letters = [char for char in rest if not char.isdigit()]
        if len(letters) < 2 or len(rest) < 2 * len(letters) or not all(char in _TOLD_APART_FROM_DIGITS for char in letters):
            continue
        digits = data[:first_digit] + "".join(_TOLD_APART_FROM_DIGITS.get(char, char) for char in rest)
        trial = list(lines)
        trial[field.line] = row[:field.start] + digits + row[field.start + len(data):]
        if all(checks(trial, layout)):
            return trial
    return lines


def _digits_among_digits(row: str, start: int, end: int) -> str:
    """``row`` with each digit lookalike from ``start`` to ``end`` whose neighbours on the line are digits (or
    lookalikes beside digits) a digit. (A letter ending a number, before its fillers, is left: "99999999R".)"""
    chars = list(row)
    flippable = [char in DIGIT_LOOKALIKES for char in chars]
    digit_like = [char.isdigit() or flip for char, flip in zip(chars, flippable)]
    for index in range(start, end):
        char = chars[index]
        if not flippable[index]:
            continue
        neighbours = [i for i in (index - 1, index + 1) if 0 <= i < len(chars)]
        if len(neighbours) == 2 and all(digit_like[i] for i in neighbours) and any(chars[i].isdigit() for i in neighbours):
            chars[index] = DIGIT_LOOKALIKES[char]
    return "".join(chars)


def irregularity(number: str) -> tuple[int, int]:
    """How unlike a document number ``number`` is: switches between letters and digits ("8AAD00589"
    against "BAA000589"), then letters O and Q (issuers avoid them: they pass for 0)."""
    return _class_changes(number), sum(char in "OQ" for char in number)


def _composite_data(lines: Sequence[str], layout: Layout) -> str:
    return "".join(lines[line][start:end] for line, start, end in layout.composite_spans)


def checks(lines: Sequence[str], layout: Layout) -> list[bool]:
    """Every check digit of the MRZ, the composite (where the layout has one) last."""
    results = []
    for field in layout.fields:
        if field.check is None:
            continue
        row = lines[field.line]
        data, digit = row[field.start:field.end], row[field.check]
        if field.kind == "optional" and digit in (FILLER, "0") and data.strip(FILLER) == "":
            results.append(True)
        elif field.name == "document_number" and FILLER in data.rstrip(FILLER):
            # Numbers are padded at their end, never inside: a filler there is a misread character
            # (one the check digit cannot tell from "<": A, K, U and 0 weigh the same at a weight of 7).
            results.append(False)
        elif field.name == "document_number" and layout is TD1 and digit == FILLER:
            results.append(_long_td1_number(lines)[1])
        else:
            results.append(check_holds(data, digit))
    if layout.composite_at is not None:
        line, index = layout.composite_at
        results.append(check_digit(_composite_data(lines, layout)) == lines[line][index])
    return results


def _long_td1_number(lines: Sequence[str]) -> tuple[str, bool]:
    """TD1 numbers over 9 characters continue in the optional data, then their check digit."""
    extra = lines[0][15:30].split(FILLER)[0]
    if len(extra) < 2:
        return lines[0][5:14].rstrip(FILLER), False
    number = lines[0][5:14] + extra[:-1]
    return number, check_digit(number) == extra[-1]


def _parse_date(text: str, *, birth: bool, today: date | None = None) -> date | None:
    if not text.isdigit():
        return None
    year, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
    today = today or date.today()
    try:
        if not birth:
            return date(2000 + year, month, day)
        candidate = date(2000 + year, month, day)
        return candidate if candidate <= today else date(1900 + year, month, day)
    except ValueError:
        return None


def _split_names(field: str) -> tuple[str, str]:
    surname, _, given = field.strip(FILLER).partition("<<")
    clean = lambda part: re.sub(r"\s+", " ", part.replace(FILLER, " ")).strip()  # noqa: E731
    return clean(surname), clean(given)


def build_result(lines: Sequence[str], layout: Layout) -> MrzResult:
    def part(name: str) -> str:
        field = layout.field(name)
        return lines[field.line][field.start:field.end]

    number = part("document_number").rstrip(FILLER)
    if layout is TD1 and lines[0][14] == FILLER:
        number = _long_td1_number(lines)[0]
    if layout is FRENCH_ID:  # the surname alone on one line, the given names on the other
        surname, given_names = _split_names(part("names"))[0], re.sub(r"<+", " ", part("given_names")).strip()
    else:
        surname, given_names = _split_names(part("names"))
    sex = part("sex")
    return MrzResult(
        format=layout.format,
        lines=tuple(lines),
        document_number=number.replace(FILLER, ""),
        surname=surname,
        given_names=given_names,
        # A national card without a nationality field is held by the issuing state's nationals.
        nationality=part("nationality" if layout.has("nationality") else "issuing_country").replace(FILLER, ""),
        issuing_country=part("issuing_country").replace(FILLER, ""),
        birth_date=_parse_date(part("birth_date"), birth=True),
        sex=sex if sex in ("M", "F") else "X",
        expiry_date=_parse_date(part("expiry_date"), birth=False) if layout.has("expiry_date") else None,
        # A letter left in a date passes its check digit only by chance (F counts 15); a date that
        # never was (month 49, 29 February of 1981) is printed wrong or read wrong: not valid either.
        valid=all(checks(lines, layout)) and _dates_are_digits(lines, layout) and _dates_exist(lines, layout),
    )


def _dates_exist(lines: Sequence[str], layout: Layout) -> bool:
    """Every fully printed date field holds a day of the calendar. Unknown parts (a refugee's day of
    birth) are printed as fillers or 00 and pass."""
    for field in layout.fields:
        text = lines[field.line][field.start:field.end]
        if field.kind != "digits" or not text.isdigit():
            continue
        month, day = int(text[2:4]), int(text[4:6])
        if month > 12 or day > 31 or (month and day and _parse_date(text, birth=False) is None):
            return False
    return True


def _dates_are_digits(lines: Sequence[str], layout: Layout) -> bool:
    return all(
        all(char.isdigit() or char == FILLER for char in lines[field.line][field.start:field.end])
        for field in layout.fields if field.kind == "digits"
    )


def _realign_candidates(line: str, length: int) -> list[str]:
    """A character OCR added or dropped shifts every field after it: try each single edit
    (``fit_length`` then restores the length in the filler run)."""
    span = range(min(len(line), length))
    doubled = [i for i in span if i and line[i] == line[i - 1]]  # OCR's favourite insertion: first
    deletions = [line[:i] + line[i + 1:] for i in doubled + [i for i in span if i not in doubled]]
    # A dropped letter or digit cannot be restored, only a dropped filler.
    next_to_filler = [i for i in span if FILLER in line[max(i - 1, 0):i + 1]]
    # Print beside the zone (the table, a newspaper under the document) read onto the line's end or start.
    beside = [line[:length], line[-length:]] if len(line) > length else []
    return beside + deletions + [line[:i] + FILLER + line[i:] for i in next_to_filler]


def correct_lines(lines: Sequence[str], layout: Layout) -> tuple[list[str], int | None]:
    """The lines corrected by position and check digits, and, where a character dropped or added realigned a line,
    how many fields' check digits of that line stand after the edit (those that judged it, with the composite)."""
    normalised = [normalise_line(line) for line in lines]
    best, realigned = _correct_fitted(normalised, layout), None
    results = checks(best, layout)
    best_score = (sum(results), 0)
    # Only a line of the wrong length or several broken checks suggest a shift; for one misread
    # character (one check plus the composite) trying edits would only find a chance match.
    if all(results):
        return best, None
    shifted_fields = results[:-1].count(False) >= 2
    for index, line in enumerate(normalised):
        if index == layout.names_line or not (shifted_fields or len(line) != layout.line_length):
            continue
        for candidate in _realign_candidates(line, layout.line_length):
            if _drops_the_composite(line, candidate, index, layout):
                continue
            trial = _correct_fitted(normalised[:index] + [candidate] + normalised[index + 1:], layout, flips=False)
            # Many edits are tried: one that breaks a country code is a chance match of the check digits.
            if not _plausible_number(trial, layout) or not plausible_countries(trial, layout):
                continue
            # Among equally good edits, the one needing fewest letter/digit corrections.
            fitted = fit_length(candidate, layout.line_length)
            corrections = sum(a != b for a, b in zip(fitted, trial[index]))
            trial_score = (sum(checks(trial, layout)), -corrections)
            if trial_score > best_score:
                best, best_score = trial, trial_score
                realigned = _checks_after(index, next((i for i, (a, b) in enumerate(zip(candidate, line)) if a != b),
                                                      min(len(candidate), len(line))), layout)
    return best, realigned


def _checks_after(line: int, position: int, layout: Layout) -> int:
    """How many fields' check digits of ``line`` stand at ``position`` or after."""
    return sum(field.check >= position for field in layout.fields if field.check is not None and field.line == line)


def _drops_the_composite(line: str, candidate: str, index: int, layout: Layout) -> bool:
    """Whether ``candidate`` is ``line`` (no longer than its layout's) without its last character, a digit or one
    read for a digit, on the composite's line: the composite as read, which ``restore_composite`` would make up
    again to agree with whatever the line then holds (a misread passing every check)."""
    return (layout.composite_at is not None and index == layout.composite_at[0] and len(line) <= layout.line_length
            and candidate == line[:-1] and (line[-1].isdigit() or line[-1] in TO_DIGIT))


def _plausible_number(lines: Sequence[str], layout: Layout) -> bool:
    """Document numbers are padded with fillers at the end, never inside."""
    field = layout.field("document_number")
    number = lines[field.line][field.start:field.end]
    return FILLER not in number.rstrip(FILLER)


def _correct_fitted(lines: Sequence[str], layout: Layout, flips: bool = True) -> list[str]:
    names_line = layout.names_line
    fitted = [
        _fit_names_line(line, layout.line_length) if index == names_line else fit_length(line, layout.line_length)
        for index, line in enumerate(normalise_line(line) for line in lines)
    ]
    corrected = correct_by_position(fitted, layout)
    if flips:
        corrected = resolve_optional_data(resolve_document_number(corrected, layout), layout)
    return _restore_composite(corrected, layout)


def _restore_composite(lines: list[str], layout: Layout) -> list[str]:
    """The composite check digit is a digit; read as "<" (the page's edge after the zone's last
    character, or a faint print) it is the one the fields give, when every other check holds."""
    if layout.composite_at is None:
        return lines
    line, index = layout.composite_at
    if lines[line][index] != FILLER or not all(checks(lines, layout)[:-1]):
        return lines
    restored = list(lines)
    restored[line] = lines[line][:index] + check_digit(_composite_data(lines, layout)) + lines[line][index + 1:]
    return restored


def looks_like_mrz(lines: Sequence[str], layout: Layout) -> bool:
    """Reject text that merely has the right number of lines."""
    raw = [normalise_line(line) for line in lines]
    names_line = layout.names_line
    for index, line in enumerate(raw):
        # The OCR drops many of the fillers that end the names line; parsing puts them back.
        shortfall = layout.line_length * (0.6 if index == names_line and line.endswith(FILLER) else 0.3)
        if len(line) > layout.line_length * 1.3 or len(line) < layout.line_length - shortfall:
            return False
    return sum(line.count(FILLER) for line in raw) >= 2


def parse_mrz(lines: Sequence[str]) -> MrzResult | None:
    """Parse 2 (TD2/TD3) or 3 (TD1) raw OCR'd lines: normalise, correct by position, validate check digits."""
    cleaned = [normalise_line(line) for line in lines if normalise_line(line)]
    layout = guess_layout(cleaned)
    if layout is None or not looks_like_mrz(cleaned, layout):
        return None
    corrected, realigned = correct_lines(cleaned, layout)
    result = build_result(corrected, layout)
    if not result.valid and not any(checks(corrected, layout)) and result.birth_date is None:
        return None
    if result.valid and realigned == 1 and not _composite_read(cleaned, layout):
        # A line realigned by a character dropped or added, whose checked fields after the edit one check digit alone
        # judged (the edit in the line's last checked field; a visa has no composite, and one read as a filler is
        # made up from the fields, see ``_restore_composite``): they pass it one time in ten. (An edit past every
        # checked field moves none: a nationality read with a character too many.)
        return replace(result, doubt=str(MrzDoubt.NARROW_VOTE))
    return result


def _composite_read(lines: Sequence[str], layout: Layout) -> bool:
    if layout.composite_at is None:
        return False
    line, index = layout.composite_at
    return fit_length(lines[line], layout.line_length)[index] != FILLER
