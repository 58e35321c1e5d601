"""Handing a stored file to someone already allowed to see it.

With S3 the browser is sent to a signed URL that expires within minutes
(``S3_SIGNED_URL_SECONDS``), so file bytes do not pass through the web server;
the objects themselves are private. The URL forces the detected content type
and the disposition, so S3 never serves a document as something else.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.shortcuts import redirect

from .models import Document
from .pipeline import filetypes

_SAME_EXTENSION = {".jpeg": ".jpg", ".tif": ".tiff"}


def signed_file_url(document: Document, *, as_attachment: bool) -> str:
    return _signed_url(document.file, document.content_type, download_name(document), as_attachment=as_attachment)


def _signed_url(file: FieldFile, content_type: str, filename: str, *, as_attachment: bool) -> str:
    disposition = "attachment" if as_attachment else "inline"
    return file.storage.url(
        file.name,
        parameters={
            "ResponseContentType": content_type,
            "ResponseContentDisposition": f"{disposition}; filename*=UTF-8''{quote(filename)}",
            "ResponseCacheControl": "private, no-store",
        },
    )


def stored_file_response(file: FieldFile, content_type: str, filename: str, *, as_attachment: bool):
    """A stored file (a document, an IND letter's scan) for someone already allowed to see it: a signed URL
    with S3, else the bytes, never sniffed, cached or run as a page."""
    if settings.STORAGE_BACKEND == "s3":
        return redirect(_signed_url(file, content_type, filename, as_attachment=as_attachment))
    try:
        stored = file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is no longer stored.") from None
    return private(FileResponse(stored, content_type=content_type, as_attachment=as_attachment, filename=filename))


def private(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def download_name(document: Document) -> str:
    """The sponsor's file name, with the extension of what is stored (a HEIC photo is stored as JPEG)."""
    return file_name_for(document.original_name or "document", document.content_type)


def file_name_for(original_name: str, content_type: str) -> str:
    name = PurePath(original_name)
    if content_type not in filetypes.SUPPORTED_TYPES:
        return name.name
    extension = filetypes.extension_for(content_type)
    if _SAME_EXTENSION.get(name.suffix.lower(), name.suffix.lower()) == extension:
        return name.name
    return name.stem + extension
