"""Strip location and other metadata from uploaded photos before they are stored.

Phones write GPS coordinates into photos. A refugee's family abroad may be in
danger if those leak, so a photo is stored as pixels only: EXIF orientation is
applied first (so nothing is shown sideways once the tag is gone), then the
image is re-encoded without EXIF, XMP, IPTC or comments. Only the colour
profile is kept. Re-encoding also drops anything appended after the image data
(polyglot files).

HEIC is stored as JPEG: browsers cannot show HEIC, and counsellors need to see
the photo. PDFs are stored rewritten without their metadata (``pdf_metadata``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageOps, TiffImagePlugin

from .pdf_metadata import PdfMetadataError, pdf_without_metadata

from .pipeline import filetypes, loading

JPEG_QUALITY = 95  # documents need sharp text; size matters less than legibility

# What a photo is stored as: its own format, except HEIC.
_STORED_AS = {
    filetypes.JPEG: filetypes.JPEG,
    filetypes.PNG: filetypes.PNG,
    filetypes.WEBP: filetypes.WEBP,
    filetypes.TIFF: filetypes.TIFF,
    filetypes.HEIF: filetypes.JPEG,
}


class SanitiseError(Exception):
    """The image decoded at the check but could not be re-encoded."""


@dataclass(frozen=True)
class Sanitised:
    data: bytes
    content_type: str


def without_metadata(data: bytes, content_type: str, limits: loading.LoadLimits) -> Sanitised:
    """Return what to store for an upload already checked by ``loading.check_readable``.

    One decoded copy of one frame at a time: the orientation is applied in place and each TIFF
    page is written out before the next is decoded.
    """
    if content_type == filetypes.PDF:
        try:
            return Sanitised(pdf_without_metadata(data), content_type)
        except PdfMetadataError as error:
            raise SanitiseError(str(error)) from error
    target = _STORED_AS[content_type]
    output = io.BytesIO()
    try:
        with Image.open(io.BytesIO(data)) as image:
            icc_profile = image.info.get("icc_profile")
            if target == filetypes.TIFF and getattr(image, "n_frames", 1) > 1:
                _write_tiff_pages(data, min(image.n_frames, limits.max_pages), output, limits, icc_profile)
            else:
                _encode(_upright_pixels(image, limits), output, target, icc_profile)
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as error:
        raise SanitiseError(str(error)) from error
    return Sanitised(output.getvalue(), target)


def _upright_pixels(frame: Image.Image, limits: loading.LoadLimits) -> Image.Image:
    """The frame decoded and turned upright, as a plain image: no ``info`` (where EXIF, XMP and comments
    travel) and no file tags (a TIFF's would be written again). Shares the decoded pixels, no copy."""
    if frame.width * frame.height > limits.max_pixels:
        raise SanitiseError("too many pixels")  # check_readable refuses these first
    frame.load()
    ImageOps.exif_transpose(frame, in_place=True)
    plain = frame._new(frame.im)
    plain.info = {}
    return plain


def _write_tiff_pages(data: bytes, count: int, output: io.BytesIO, limits: loading.LoadLimits,
                      icc_profile: bytes | None) -> None:
    """Every page of a TIFF, each decoded from a fresh reader and written before the next is decoded."""
    with TiffImagePlugin.AppendingTiffWriter(output) as pages:
        for index in range(count):
            with Image.open(io.BytesIO(data)) as frame:
                frame.seek(index)
                _encode(_upright_pixels(frame, limits), pages, filetypes.TIFF, icc_profile)
            pages.newFrame()


def _encode(image: Image.Image, output, content_type: str, icc_profile: bytes | None) -> None:
    options: dict = {"exif": b""}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if content_type == filetypes.JPEG:
        if image.mode not in ("RGB", "L", "CMYK"):
            image = _flatten(image)
        options |= {"format": "JPEG", "quality": JPEG_QUALITY, "subsampling": 0, "optimize": True}
    elif content_type == filetypes.PNG:
        options |= {"format": "PNG", "compress_level": 6}
    elif content_type == filetypes.WEBP:
        options |= {"format": "WEBP", "quality": JPEG_QUALITY, "method": 4}
    else:
        options |= {"format": "TIFF", "compression": "tiff_deflate"}
    try:
        image.save(output, **options)
    except (OSError, ValueError, KeyError) as error:
        raise SanitiseError(str(error)) from error


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def jpeg_pages(data: bytes, limits: loading.LoadLimits) -> Iterator[bytes]:
    """Each page of a photo (every frame of a TIFF) upright, without metadata, as JPEG; one decoded at a time."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            count = min(getattr(image, "n_frames", 1), limits.max_pages) if image.format == "TIFF" else 1
            icc_profile = image.info.get("icc_profile")
        for index in range(count):
            output = io.BytesIO()
            with Image.open(io.BytesIO(data)) as frame:
                frame.seek(index)
                _encode(_upright_pixels(frame, limits), output, filetypes.JPEG, icc_profile)
            yield output.getvalue()
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as error:
        raise SanitiseError(str(error)) from error
