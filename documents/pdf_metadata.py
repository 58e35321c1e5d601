"""Rewrite an uploaded PDF without its metadata, pages untouched.

A PDF that wraps a phone photo carries the photo's EXIF (GPS), XMP and
comments inside the image stream, and the PDF itself has a document
information dictionary and XMP streams (author, software, sometimes places).
The rewrite keeps every page's content and drops: the information dictionary,
every ``/Metadata`` and ``/PieceInfo`` entry, attached files, earlier
revisions (only live objects are written), and, inside each JPEG image, every
segment but the image data, JFIF, Adobe colour and ICC profile segments. The
JPEG data is not decoded or re-encoded, so the pages look exactly as before.
"""

from __future__ import annotations

import io

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject


class PdfMetadataError(Exception):
    """The PDF could not be rewritten."""


def pdf_without_metadata(data: bytes) -> bytes:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # opens without a password (checked at upload): owner restrictions only
        writer = pypdf.PdfWriter(clone_from=reader)
        writer.metadata = None
        _drop_attachments(writer)
        for obj in writer._objects:
            if obj is None:
                continue
            obj = obj.get_object()
            if isinstance(obj, DictionaryObject):
                for key in ("/Metadata", "/PieceInfo"):
                    obj.pop(NameObject(key), None)
            if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image" and _is_plain_jpeg(obj):
                # The raw stream is the JPEG file itself (DCTDecode is not undone by pypdf); Length follows.
                obj._data = jpeg_without_metadata(obj._data)
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)  # the dropped streams
        output = io.BytesIO()
        writer.write(output)
    except PdfMetadataError:
        raise
    except Exception as error:  # pypdf raises many types for damaged files
        raise PdfMetadataError(str(error)) from error
    return output.getvalue()


def _drop_attachments(writer: pypdf.PdfWriter) -> None:
    names = writer._root_object.get("/Names")
    if names is not None:
        names.get_object().pop(NameObject("/EmbeddedFiles"), None)
    for page in writer.pages:
        annotations = page.get("/Annots")
        if annotations is None:
            continue
        kept = [a for a in annotations.get_object() if a.get_object().get("/Subtype") != "/FileAttachment"]
        page[NameObject("/Annots")] = ArrayObject(kept)


def _is_plain_jpeg(stream: StreamObject) -> bool:
    filters = stream.get("/Filter")
    if isinstance(filters, ArrayObject):
        return len(filters) == 1 and filters[0] == "/DCTDecode"
    return filters == "/DCTDecode"


# Kept: APP0 (JFIF), APP14 (Adobe: how colours are stored) and ICC profiles in APP2. Every other
# APPn (EXIF, XMP, IPTC, MPF, maker notes) and COM (comments) goes.
_JFIF, _APP2, _APP14, _SOS = 0xE0, 0xE2, 0xEE, 0xDA
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RSTn: no length


def jpeg_without_metadata(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise PdfMetadataError("not a JPEG stream")
    kept = bytearray(b"\xff\xd8")
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            raise PdfMetadataError("damaged JPEG stream")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _STANDALONE:
            kept += data[at:at + 2]
            at += 2
            continue
        if marker == 0xD9:  # end of image
            kept += data[at:at + 2]
            return bytes(kept)
        length = int.from_bytes(data[at + 2:at + 4], "big")
        segment = data[at:at + 2 + length]
        if marker == _SOS:
            return bytes(kept + data[at:])  # the image data and what follows, as it is
        if _keep(marker, segment[4:]):
            kept += segment
        at += 2 + length
    raise PdfMetadataError("JPEG stream without image data")


def _keep(marker: int, body: bytes) -> bool:
    if 0xE0 <= marker <= 0xEF:
        return marker in (_JFIF, _APP14) or (marker == _APP2 and body.startswith(b"ICC_PROFILE\x00"))
    return marker != 0xFE  # COM
