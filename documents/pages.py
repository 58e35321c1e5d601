"""Several photos of one document (front and back of an ID card, pages of a family booklet) kept as one.

The photos are checked and cleaned one by one, exactly like single uploads,
then stored together as one PDF with a page per photo: the pipeline reads
multi-page PDFs already, and counsellors download and export one file.
"""

from __future__ import annotations

import hashlib
import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image

from tracker.models import Case

from .intake import (
    Received,
    UploadRejected,
    check_upload,
    find_duplicate,
    load_limits,
    store_document,
    without_location,
)
from .pipeline import filetypes
from .sanitise import Sanitised


def receive_pages(*, case: Case, uploads: list[UploadedFile], user, request=None) -> Received:
    """Store ``uploads``, photos in page order, as one new document of ``case``, and queue it for reading."""
    if len(uploads) > settings.DOCUMENT_MAX_PDF_PAGES:
        raise UploadRejected(_("One document can have at most %(count)d pages.")
                             % {"count": settings.DOCUMENT_MAX_PDF_PAGES})
    checked = [check_upload(uploaded) for uploaded in uploads]
    if any(upload.content_type == filetypes.PDF for upload in checked):
        raise UploadRejected(_("Only photos can be put together as one document. Upload a PDF on its own."))
    # The same photos in the same order are the same document.
    sha256 = hashlib.sha256("".join(upload.sha256 for upload in checked).encode()).hexdigest()
    duplicate_of = find_duplicate(case, sha256)
    if duplicate_of is not None:
        return Received(document=duplicate_of, duplicate_of=duplicate_of)

    photos = [without_location(upload) for upload in checked]
    stored = Sanitised(as_pdf(photos), filetypes.PDF)
    name = f"{uploads[0].name or 'upload'} (+{len(uploads) - 1})"
    return Received(document=store_document(case=case, name=name, stored=stored, sha256=sha256, user=user,
                                            request=request))


def as_pdf(photos: list[Sanitised]) -> bytes:
    """One page per photo, sized so the pipeline renders each at its own resolution (``LoadLimits.pdf_dpi``)."""
    pages = [Image.open(io.BytesIO(photo.data)).convert("RGB") for photo in photos]
    output = io.BytesIO()
    pages[0].save(output, "PDF", save_all=True, append_images=pages[1:], resolution=float(load_limits().pdf_dpi),
                  quality=95)
    return output.getvalue()
