"""Receiving uploads: validate, store, and queue them for reading.

An upload is stored and its row committed before anything is queued, so a
broker that is down loses nothing: the document stays ``received`` and the
sweeper queues it later.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case

from .messages import embedded_name, translate_message
from .models import Document
from .pipeline import filetypes, loading
from .pipeline.types import PipelineError
from .queueing import enqueue
from .sanitise import Sanitised, SanitiseError, without_metadata


class UploadRejected(Exception):
    """An upload refused before storing; ``str(error)`` is shown to the user."""


@dataclass(frozen=True)
class Received:
    document: Document
    duplicate_of: Document | None = None


@dataclass(frozen=True)
class CheckedUpload:
    """An upload checked once, as sent: its detected type, SHA-256 and decoded size. The bytes stay in the
    upload (a temporary file for large ones) until ``read``: one upload at a time is held in memory."""

    name: str | None
    uploaded: UploadedFile
    content_type: str
    sha256: str
    pixels: int
    pages: int

    def read(self) -> bytes:
        self.uploaded.seek(0)
        data = self.uploaded.read()
        self.uploaded.seek(0)
        return data


class PixelBudget:
    """The decoded pixels one upload request may cost (``DOCUMENT_MAX_TOTAL_PIXELS``), spent file by file:
    each file is decoded on its own, but a request of many huge photos would still keep a process busy
    for minutes."""

    def __init__(self, pixels: int | None = None):
        self.left = settings.DOCUMENT_MAX_TOTAL_PIXELS if pixels is None else pixels

    def spend(self, pixels: int) -> bool:
        if pixels > self.left:
            return False
        self.left -= pixels
        return True


def check_upload(uploaded: UploadedFile, budget: PixelBudget | None = None) -> CheckedUpload:
    """Check an upload from its headers, or raise ``UploadRejected`` with a message a user can act on."""
    name = embedded_name(uploaded.name or _("the file"))
    if uploaded.size > settings.DOCUMENT_MAX_UPLOAD_BYTES:
        limit = settings.DOCUMENT_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise UploadRejected(
            _("%(name)s is larger than %(limit)d MB. Please upload a smaller photo or scan.") % {"name": name, "limit": limit}
        )
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    try:
        readable = loading.check_readable(data, load_limits())
    except PipelineError as error:
        raise UploadRejected(f"{name}: {translate_message(str(error))}") from None
    if budget is not None and not budget.spend(readable.pixels):
        raise UploadRejected(
            _("%(name)s was not added: the files sent together are too large to process (more than %(megapixels)d "
              "megapixels in all). Please send it again on its own.")
            % {"name": name, "megapixels": settings.DOCUMENT_MAX_TOTAL_PIXELS // 1_000_000}
        )
    return CheckedUpload(uploaded.name, uploaded, readable.content_type, hashlib.sha256(data).hexdigest(),
                         readable.pixels, readable.pages)


def load_limits() -> loading.LoadLimits:
    return loading.LoadLimits(max_pixels=settings.DOCUMENT_MAX_PIXELS, max_pages=settings.DOCUMENT_MAX_PDF_PAGES,
                              max_total_pixels=settings.DOCUMENT_MAX_TOTAL_PIXELS)


def receive_upload(*, case: Case, uploaded: UploadedFile, user, request=None,
                   budget: PixelBudget | None = None) -> Received:
    """Store one uploaded file as a new document of ``case`` and queue it for reading."""
    checked = check_upload(uploaded, budget)
    duplicate_of = find_duplicate(case, checked.sha256)
    if duplicate_of is not None:
        return Received(document=duplicate_of, duplicate_of=duplicate_of)

    stored = without_location(checked)
    # sha256 is of what the user sent, so a second upload of the same photo is recognised.
    return store_unless_duplicate(case=case, name=named_as_stored(uploaded.name, stored.content_type), stored=stored,
                                  sha256=checked.sha256, user=user, request=request)


# The extensions of every type we store, and their other spellings.
_KNOWN_EXTENSIONS = {".jpg": ".jpg", ".jpeg": ".jpg", ".jpe": ".jpg", ".png": ".png", ".webp": ".webp", ".tif": ".tiff",
                     ".tiff": ".tiff", ".heic": ".heic", ".heif": ".heic", ".pdf": ".pdf"}


def named_as_stored(name: str | None, content_type: str) -> str | None:
    """The sponsor's file name, its extension telling what is stored: "scan.png" shrunk to a JPEG on the phone, or
    a HEIC photo stored as JPEG, shows as "scan.jpg". A name without a known extension is kept as it is."""
    if not name or "." not in name.strip(". "):
        return name
    stem, extension = name.rsplit(".", 1)
    extension = "." + extension.lower()
    if extension not in _KNOWN_EXTENSIONS or content_type not in filetypes.SUPPORTED_TYPES:
        return name
    wanted = filetypes.extension_for(content_type)
    return name if _KNOWN_EXTENSIONS[extension] == wanted else stem + wanted


def store_unless_duplicate(*, case: Case, name: str | None, stored: Sanitised, sha256: str, user,
                           request=None) -> Received:
    """``store_document``, or the document stored meanwhile by an upload of the same file at the same moment
    (the constraint ``document_once_per_case`` refuses a second live copy)."""
    try:
        return Received(document=store_document(case=case, name=name, stored=stored, sha256=sha256, user=user,
                                                request=request))
    except IntegrityError:
        duplicate_of = find_duplicate(case, sha256)
        if duplicate_of is None:
            raise
        return Received(document=duplicate_of, duplicate_of=duplicate_of)


def find_duplicate(case: Case, sha256: str) -> Document | None:
    """An earlier upload of the same bytes to this case; one that failed or is in the bin may be sent again."""
    return (
        Document.objects.filter(case=case, sha256=sha256, removed_at__isnull=True)
        .exclude(status=Document.Status.FAILED)
        .order_by("created_at")
        .first()
    )


def store_document(*, case: Case, name: str | None, stored: Sanitised, sha256: str, user, request=None) -> Document:
    """Save what was received as a new document of ``case`` (recorded in the audit trail), and queue it
    for reading once committed."""
    with transaction.atomic():
        document = Document(
            case=case,
            original_name=(name or "upload")[:255],
            content_type=stored.content_type,
            size=len(stored.data),
            sha256=sha256,
            uploaded_by=user,
        )
        document.file.save(
            f"upload{filetypes.extension_for(stored.content_type)}", ContentFile(stored.data), save=False
        )
        try:
            document.save()
        except Exception:
            document.file.delete(save=False)  # nothing half-stored
            raise
        record_event(actor=user, action=AuditEvent.Action.CREATE, target=document, case_id=case.pk, request=request)
        transaction.on_commit(lambda: enqueue(document))
    return document


def without_location(checked: CheckedUpload) -> Sanitised:
    """Photos are stored re-encoded, upright and without GPS or other metadata; PDFs rewritten without
    metadata (see ``sanitise``)."""
    try:
        return without_metadata(checked.read(), checked.content_type, load_limits())
    except SanitiseError:
        raise damaged(checked) from None


def damaged(checked: CheckedUpload) -> UploadRejected:
    name = embedded_name(checked.name or _("the file"))
    return UploadRejected(
        _("%(name)s: the image is damaged or incomplete and cannot be read. Please take the photo again.")
        % {"name": name}
    )
