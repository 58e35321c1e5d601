"""The document pipeline: load → orientation → OCR (script, languages) → MRZ → (faces) → classify → extract.

``run_pipeline`` is the one entry point: the Celery task, ``classify_documents``,
the benchmark and the tests all call it. It never raises for a bad file; the
problem becomes ``PipelineResult.error``, a message the user can act on.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
from PIL import Image

from . import (classify, doubt, extract, faces, languages, lighting, loading, mrz, mrz_names, mrz_page, mrz_zone, ocr,
               orientation, retake, spreads)
from .mrz_layouts import is_visa, layout_of
from .mrz_parse import checks
from .types import DocumentKind, MrzResult, PipelineError, PipelineResult

__all__ = ["run_pipeline"]

PAGE_BREAK = "\n\f\n"
KINDS_WITHOUT_MRZ = frozenset({DocumentKind.PASSPORT_PHOTO, DocumentKind.GOOD_CONDUCT_STATEMENT,
                               DocumentKind.MARITAL_STATUS_STATEMENT})
# The MRZ search, the geometry and the retake measures look at a copy about this long: the page is shrunk once.
OVERVIEW_SIDE = max(mrz_zone.WORK_SIDE, orientation.ANALYSIS_SIDE)


def run_pipeline(source: str | Path | bytes, limits: loading.LoadLimits = loading.DEFAULT_LIMITS) -> PipelineResult:
    """``limits``: the pixel and page caps; the worker passes the same as the upload check (settings)."""
    started = time.perf_counter()
    try:
        result = _run(source, limits)
    except PipelineError as exc:
        result = PipelineResult(kind=DocumentKind.OTHER, error=str(exc))
    except FileNotFoundError:
        result = PipelineResult(kind=DocumentKind.OTHER, error="The file does not exist.")
    except (IsADirectoryError, PermissionError):
        result = PipelineResult(kind=DocumentKind.OTHER, error="The file cannot be opened.")
    result.seconds = time.perf_counter() - started
    return result


def _run(source: str | Path | bytes, limits: loading.LoadLimits) -> PipelineResult:
    texts = []
    machine_zone: MrzResult | None = None
    portrait: faces.Face | None = None
    photo_measures = []
    unread_zone: MrzResult | None = None  # a zone left out for want of ID wording, though mostly checked
    readings: list[ocr.Reading] = []  # the OCR's own, for how much of the text it was sure of
    holder_face = False  # a face on a card labelling its holder's parents and birth (``_holder_face``)
    for page in loading.iter_pages(source, limits):  # one page decoded at a time
        overview = loading.shrink_page(page, OVERVIEW_SIDE)
        text, page_zone, unread = _read_page(page, look_for_mrz=machine_zone is None or not machine_zone.valid,
                                     overview=overview, readings=readings)
        # A passport photo is one page: a face on the first is looked for before the page is let go.
        portrait = _portrait(page, text, page_zone) if not texts else None
        holder_face = holder_face or (not texts and page_zone is None and _holder_face(overview, text))
        photo_measures.append(retake.measure(page, overview))
        page.close()
        texts.append(text)
        machine_zone = _better_mrz(machine_zone, page_zone)
        unread_zone = unread_zone or unread
    text = PAGE_BREAK.join(texts)
    unread_zone = unread_zone if machine_zone is None else None
    classification = classify.classify(text, machine_zone, portrait, unread_zone, holder_face)
    kind = classification.kind
    unsure = doubt.doubt(classification, machine_zone, is_visa=machine_zone is not None and is_visa(machine_zone.lines),
                         little_text=classify.has_little_text(text) or _garbled(readings),
                         unread_zone=unread_zone)
    doubts_kind = bool(unsure) and getattr(unsure, "code", None) not in doubt.MRZ_READING_DOUBTS
    confidence = min(classification.confidence, doubt.DOUBTFUL_CONFIDENCE) if doubts_kind else classification.confidence
    if kind in KINDS_WITHOUT_MRZ:  # CONTRACTS.md section 3: a stray zone read from their text is no holder's
        machine_zone = None
    text_languages = languages.detect_languages(text)
    return PipelineResult(
        kind=kind,
        confidence=confidence,
        unsure=unsure,
        languages=text_languages,
        pages=len(texts),
        text=text,
        mrz=machine_zone,
        decision_date=extract.decision_date(text) if kind is DocumentKind.ASYLUM_DECISION else None,
        translation=extract.translation_info(text, text_languages) if kind is DocumentKind.TRANSLATION else None,
        people=extract.people(text, kind, machine_zone),
        retake=[str(advice) for advice in retake.advise(photo_measures, kind, text,
                                                        mrz_valid=machine_zone is not None and machine_zone.valid)],
    )


def _portrait(page: Image.Image, text: str, machine_zone: MrzResult | None) -> faces.Face | None:
    """The face of a photo with little text, when it fills much of the frame (a passport photo).
    Documents with text never pay for the face search."""
    if machine_zone is not None or not classify.has_little_text(text):
        return None
    return faces.portrait_face(page)


CARD_SHAPE = 1.2  # a card (ID-1: 86 x 54 mm) lies this much wider than high at least, the way its face is upright
HOLDER_FACE_SHARE = 0.08  # a card's photo on a table: its face spans this share of the photo's shorter side at least


def _holder_face(overview: Image.Image, text: str) -> bool:
    """Whether a page labelling a person's parents and birth (a birth record, or an identity card of some
    countries) shows a face among its text and is wider than high, the way the face is upright: a card and its
    holder. Birth records carry no face and stand upright. Looked for only where those labels are read: the
    search costs a few tens of milliseconds per way up (``overview``: the page's small copy)."""
    if not classify.parents_and_birth(classify.normalise(text)):
        return False
    for turn in (0, 90, 270, 180):
        turned = overview.rotate(turn, expand=True) if turn else overview
        found = faces.find_faces(turned, smallest_share=HOLDER_FACE_SHARE)
        if found and not faces.pale_as_paper(turned, found[0]):
            return turned.width >= CARD_SHAPE * turned.height
    return False


def _read_page(page: Image.Image, look_for_mrz: bool, overview: Image.Image | None = None,
               straighten: bool = True,
               found: mrz.ZoneReading | None = None,
               readings: list[ocr.Reading] | None = None) -> tuple[str, MrzResult | None, MrzResult | None]:
    """The page's text and its MRZ, if any.

    The MRZ zone is looked for first (no OCR, ~20 ms). One that reads with every check digit
    right settles which way up the page is and is left out of the page's OCR, where its
    chevrons cost the most time and give the least; its corrected lines end the page's text.

    Otherwise, where no angle near a quarter turn lines the text up (a photo taken turned 30
    degrees), the lines are looked for at every angle, and a page lying far askew is straightened
    and read as if it had come so (``straighten``: whether that may still happen). A document lying
    small in the photo (on a cluttered table) has its zone looked for again within its own outline,
    where the table's texture and edges do not drown its lines (``found``: a zone read so).

    The third value: a zone that failed its check digits and was left out for want of passport or ID
    wording, though most of its check digits hold (a card photographed dim or at an angle, or a vehicle
    registration): not evidence of a kind, but a reason to doubt "other". ``readings``: the OCR's readings
    of the page are added to it.
    """
    if overview is None:
        overview = loading.shrink_page(page, OVERVIEW_SIDE)
    if (lit := lighting.brightened(page, overview)) is not None:  # a photo taken in a dim room
        page, overview = lit, lighting.brightened(overview)
    if found is None and look_for_mrz:
        found = _zone_or_none(mrz.read_machine_zone(page, overview))
    if found is not None and found.result.valid:
        outline = found.page_outline(page.size)
        if _is_passport_page(found.result) and (box := mrz_page.data_page_box(outline, found.page_rotation, page.size)):
            # Only the data page holds what the zone does not say (the names as printed); the rest costs OCR.
            page, overview = page.crop(box), None
            outline = tuple((x - box[0], y - box[1]) for x, y in outline)
        reading = ocr.read_page(page, known=_upright(found), blank=(outline,), overview=overview).reading
        _keep(readings, reading)
        zone = mrz_names.agree_with_page(found.result, reading.text)  # names have no check digit: the page's print
        return "\n".join([reading.text, *zone.lines]), zone, None
    geometry = orientation.analyse(page, overview)
    if look_for_mrz and _small_in_photo(geometry.crop, page.size):
        document = page.crop(geometry.crop)
        inside = mrz.read_machine_zone(document)
        if inside is not None and inside.result.valid:
            return _read_page(document, look_for_mrz, straighten=straighten, found=inside, readings=readings)
    if straighten and not geometry.lines_clear:
        angle = orientation.wide_skew(page, overview)
        if angle is not None:
            straightened = page.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=_edge_colour(overview))
            return _read_page(straightened, look_for_mrz, straighten=False, readings=readings)
    if found is None and (pages := spreads.facing_pages(page, overview, geometry)) is not None:
        # An open booklet's facing pages: each read as the page it is, not line by line across the gutter.
        text = PAGE_BREAK.join(_read_page(half, look_for_mrz=False, straighten=False, readings=readings)[0]
                               for half in pages)
        return text, mrz.find_mrz_in_text(text) if look_for_mrz else None, None
    # A zone that read as an MRZ, though not valid, still tells which way up its page is; not enough, though,
    # to overrule the lines the page's print runs along (a barcode's bars may cross them, or a card's).
    zone_upright = found is not None and geometry.agrees_with(found.page_rotation)
    reading = ocr.read_page(page, known=_upright(found) if zone_upright else None, overview=overview,
                            geometry=geometry).reading
    if reading.strong_words <= classify.LITTLE_TEXT_WORDS and (sheet := orientation.small_sheet(page, overview)):
        # Hardly a word read, and a sheet lies small on a table whose texture drowned its print: read the sheet.
        return _read_page(page.crop(sheet), look_for_mrz, straighten=straighten, readings=readings)
    _keep(readings, reading)
    if not look_for_mrz:
        return reading.text, None, None
    # An MRZ that failed a check digit counts only where the page looks like a passport or ID card.
    from_zone = found.result if found is not None and _may_carry_mrz(reading.text) else None
    unread = found.result if found is not None and from_zone is None and _mostly_checked(found.result) else None
    return reading.text, _better_mrz(from_zone, mrz.find_mrz_in_text(reading.text)), unread


def _is_passport_page(zone: MrzResult) -> bool:
    """A passport's zone, in the layout (TD3) whose data page ``mrz_page.data_page_box`` measures."""
    return zone.format == "TD3" and classify.kind_of_mrz(zone) is DocumentKind.PASSPORT


def _upright(found: mrz.ZoneReading) -> orientation.KnownUpright:
    return orientation.KnownUpright(found.page_rotation, math.degrees(found.zone.angle), holder_known=found.result.valid)


def _keep(readings: list[ocr.Reading] | None, reading: ocr.Reading) -> None:
    if readings is not None:
        readings.append(reading)


GARBLED_SHARE = 0.1  # words read with high confidence, at most this share of all: letters too small, dim or turned


def _garbled(readings: list[ocr.Reading]) -> bool:
    """Hardly any of the words the OCR put out did it read with confidence: what it read is mostly noise (an A4
    letter photographed 350 px wide, a card in a dim room), so "other" from it is no finding. Readable
    receipts, cards and letters have a fifth of their words or more read so."""
    strong = sum(reading.strong_words for reading in readings)
    words = sum(reading.word_count for reading in readings)
    return strong <= classify.LITTLE_TEXT_WORDS and strong < GARBLED_SHARE * words


SMALL_IN_PHOTO = 0.6  # a document whose outline covers less of the photo than this lies small in it


def _small_in_photo(crop: tuple[int, int, int, int] | None, size: tuple[int, int]) -> bool:
    return crop is not None and (crop[2] - crop[0]) * (crop[3] - crop[1]) < SMALL_IN_PHOTO * size[0] * size[1]


def _edge_colour(image: Image.Image) -> tuple[int, ...]:
    """The median colour of the image's edge (the table, or the paper of a scan): what fills the corners a
    rotation uncovers, so the page stands out from them as from the table."""
    rgb = np.asarray(image.convert("RGB"))
    edge = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    return tuple(int(value) for value in np.median(edge, axis=0))


ZONE_FILLERS = 5  # '<' in a zone's reading at least: real zones, even misread, show 12 or more of their 15 to 40


def _zone_or_none(found: mrz.ZoneReading | None) -> mrz.ZoneReading | None:
    """``found``, unless it is no zone: a reading that fails its check digits with hardly a filler in it is a
    page's capital letters read as one (upside down, say), and two of its check digits may hold by chance. It
    must then neither turn the page nor be taken for an unread card's zone."""
    if found is None or found.result.valid or "".join(found.result.lines).count("<") >= ZONE_FILLERS:
        return found
    return None


MOSTLY_CHECKED = 2  # check digits that hold in a misread zone: junk passes one in ten, two in a hundred


def _mostly_checked(zone: MrzResult) -> bool:
    return not is_visa(zone.lines) and sum(checks(zone.lines, layout_of(zone))) >= MOSTLY_CHECKED


def _may_carry_mrz(text: str) -> bool:
    """Chevrons, or passport/ID wording."""
    if text.count("<") >= 3:
        return True
    scores = classify.score_text(text)
    return scores[DocumentKind.PASSPORT] > 0 or scores[DocumentKind.ID_CARD] > 0


def _better_mrz(first: MrzResult | None, second: MrzResult | None) -> MrzResult | None:
    if first is None or second is None:
        return first or second
    return second if second.valid and not first.valid else first
