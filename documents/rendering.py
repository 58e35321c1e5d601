"""One page of a stored document as a picture a browser shows, turned by quarter turns.

The review screen shows every page of a document beside what was read: a PDF's
pages are rendered here (browsers would otherwise need a PDF viewer, which the
sandboxing policy on files forbids), and photos are turned the way the
counsellor asks. Within the upload limits, and at most ``MAX_SIDE`` pixels long.
"""

from __future__ import annotations

import io

from PIL import Image

from .intake import load_limits
from .models import Document
from .pipeline import filetypes
from .pipeline.loading import LoadLimits, _decode, _normalise, _open_pdf, shrink

MAX_SIDE = 2000  # enough to read a passport's MRZ at full zoom on a laptop
SCREEN_DPI = 150
CONTENT_TYPE = "image/jpeg"


class PageNotFound(LookupError):
    pass


def page_count(document: Document) -> int:
    """How many pages the review screen shows: what the pipeline counted, else one."""
    pages = (document.fields or {}).get("pages") if isinstance(document.fields, dict) else None
    return pages if isinstance(pages, int) and pages > 0 else 1


def render_page(document: Document, page: int, quarter_turns: int = 0) -> bytes:
    """Page ``page`` (from 1) of ``document`` as JPEG, turned clockwise by ``quarter_turns``."""
    with document.file.open("rb") as stored:
        data = stored.read()
    limits = load_limits()
    if document.content_type == filetypes.PDF:
        image = _pdf_page(data, page, limits)
    elif page == 1:
        image = _normalise(_decode(data, limits, fit_side=MAX_SIDE), limits)
    else:
        raise PageNotFound(page)
    image = shrink(image, MAX_SIDE / max(image.size))
    if quarter_turns % 4:
        image = image.rotate(-90 * (quarter_turns % 4), expand=True)  # PIL turns anticlockwise
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85)
    return output.getvalue()


def _pdf_page(data: bytes, page: int, limits: LoadLimits) -> Image.Image:
    pdf = _open_pdf(data, limits)
    try:
        if not 1 <= page <= len(pdf):
            raise PageNotFound(page)
        pdf_page = pdf[page - 1]
        width, height = pdf_page.get_size()
        scale = min(SCREEN_DPI / 72, MAX_SIDE / max(width, height, 1))
        image = _normalise(pdf_page.render(scale=scale).to_pil(), limits)
        pdf_page.close()
        return image
    finally:
        pdf.close()
