"""Recognise an upload's type by its content, never by its name."""

from __future__ import annotations

JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"
TIFF = "image/tiff"
HEIF = "image/heif"
PDF = "application/pdf"

SUPPORTED_TYPES = (JPEG, PNG, WEBP, TIFF, HEIF, PDF)

# ISO base media "ftyp" brands used by HEIC/HEIF photos (iPhones and others).
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"}


def sniff_content_type(head: bytes) -> str | None:
    """Return the MIME type of a supported document from its first bytes, else None.

    ``head`` should hold at least the first 32 bytes of the file.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return HEIF
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return PDF
    return None


def extension_for(content_type: str) -> str:
    return {JPEG: ".jpg", PNG: ".png", WEBP: ".webp", TIFF: ".tiff", HEIF: ".heic", PDF: ".pdf"}[content_type]
