"""Several photos of one document (front and back of an ID card, pages of a family booklet) kept as one.

The photos are checked one by one from their headers, like single uploads,
then cleaned and written into one PDF a page at a time (a page per photo, or
per page of a TIFF): only one photo is decoded at once, and the PDF holds the
pages as JPEG. The pipeline reads multi-page PDFs already, and counsellors
download and export one file.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable

import pypdfium2
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image

from cases.models import Case

from .intake import (
    CheckedUpload,
    PixelBudget,
    Received,
    UploadRejected,
    check_upload,
    damaged,
    find_duplicate,
    load_limits,
    store_unless_duplicate,
)
from .pipeline import filetypes
from .sanitise import Sanitised, SanitiseError, jpeg_pages


def receive_pages(*, case: Case, uploads: list[UploadedFile], user, request=None,
                  budget: PixelBudget | None = None) -> Received:
    """Store ``uploads``, photos in page order, as one new document of ``case``, and queue it for reading."""
    too_many_pages = _("One document can have at most %(count)d pages.") % {"count": settings.DOCUMENT_MAX_PDF_PAGES}
    if len(uploads) > settings.DOCUMENT_MAX_PDF_PAGES:
        raise UploadRejected(too_many_pages)
    budget = budget or PixelBudget()
    checked = [check_upload(uploaded, budget) for uploaded in uploads]
    if any(upload.content_type == filetypes.PDF for upload in checked):
        raise UploadRejected(_("Only photos can be put together as one document. Upload a PDF on its own."))
    if sum(upload.pages for upload in checked) > settings.DOCUMENT_MAX_PDF_PAGES:
        raise UploadRejected(too_many_pages)
    # The same photos in the same order are the same document.
    sha256 = hashlib.sha256("".join(upload.sha256 for upload in checked).encode()).hexdigest()
    duplicate_of = find_duplicate(case, sha256)
    if duplicate_of is not None:
        return Received(document=duplicate_of, duplicate_of=duplicate_of)

    stored = Sanitised(as_pdf(_page_photos(checked)), filetypes.PDF)
    name = f"{uploads[0].name or 'upload'} (+{len(uploads) - 1})"
    return store_unless_duplicate(case=case, name=name, stored=stored, sha256=sha256, user=user, request=request)


def _page_photos(checked: list[CheckedUpload]) -> Iterable[bytes]:
    for upload in checked:
        try:
            yield from jpeg_pages(upload.read(), load_limits())
        except SanitiseError:
            raise damaged(upload) from None


def as_pdf(jpeg_pages: Iterable[bytes]) -> bytes:
    """One page per JPEG, embedded as it is (not decoded), sized so the pipeline renders each at its own
    resolution (``LoadLimits.pdf_dpi``)."""
    points_per_pixel = 72 / load_limits().pdf_dpi
    pdf = pypdfium2.PdfDocument.new()
    try:
        for jpeg in jpeg_pages:
            with Image.open(io.BytesIO(jpeg)) as header:  # the size only
                width, height = header.width * points_per_pixel, header.height * points_per_pixel
            page = pdf.new_page(width, height)
            image = pypdfium2.PdfImage.new(pdf)
            image.load_jpeg(io.BytesIO(jpeg), inline=True)
            image.set_matrix(pypdfium2.PdfMatrix().scale(width, height))
            page.insert_obj(image)
            page.gen_content()
            page.close()
        output = io.BytesIO()
        pdf.save(output)
        return output.getvalue()
    finally:
        pdf.close()
