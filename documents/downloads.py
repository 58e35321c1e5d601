"""Handing a stored file to someone already allowed to see it.

With S3 the browser is sent to a signed URL that expires within minutes
(``S3_SIGNED_URL_SECONDS``), so file bytes do not pass through the web server;
the objects themselves are private. The URL forces the detected content type
and the disposition, so S3 never serves a document as something else.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from .models import Document
from .pipeline import filetypes

_SAME_EXTENSION = {".jpeg": ".jpg", ".tif": ".tiff"}


def signed_file_url(document: Document, *, as_attachment: bool) -> str:
    disposition = "attachment" if as_attachment else "inline"
    return document.file.storage.url(
        document.file.name,
        parameters={
            "ResponseContentType": document.content_type,
            "ResponseContentDisposition": f"{disposition}; filename*=UTF-8''{quote(download_name(document))}",
            "ResponseCacheControl": "private, no-store",
        },
    )


def download_name(document: Document) -> str:
    """The sponsor's file name, with the extension of what is stored (a HEIC photo is stored as JPEG)."""
    name = PurePath(document.original_name or "document")
    if document.content_type not in filetypes.SUPPORTED_TYPES:
        return name.name
    extension = filetypes.extension_for(document.content_type)
    if _SAME_EXTENSION.get(name.suffix.lower(), name.suffix.lower()) == extension:
        return name.name
    return name.stem + extension
