"""Strip location and other metadata from uploaded photos before they are stored.

Phones write GPS coordinates into photos. A refugee's family abroad may be in
danger if those leak, so a photo is stored as pixels only: EXIF orientation is
applied first (so nothing is shown sideways once the tag is gone), then the
image is re-encoded without EXIF, XMP, IPTC or comments. Only the colour
profile is kept. Re-encoding also drops anything appended after the image data
(polyglot files).

HEIC is stored as JPEG: browsers cannot show HEIC, and counsellors need to see
the photo. PDFs are stored as they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence

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
    """Return what to store for an upload already checked by ``loading.check_readable``."""
    if content_type not in _STORED_AS:
        return Sanitised(data, content_type)  # PDFs as they are
    target = _STORED_AS[content_type]
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = _upright_frames(image, limits, keep_all=target == filetypes.TIFF)
            icc_profile = image.info.get("icc_profile")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise SanitiseError(str(error)) from error
    return Sanitised(_encode(frames, target, icc_profile), target)


def _upright_frames(image: Image.Image, limits: loading.LoadLimits, *, keep_all: bool) -> list[Image.Image]:
    if image.width * image.height > limits.max_pixels:
        raise SanitiseError("too many pixels")  # check_readable refuses these first
    frames = []
    for frame in ImageSequence.Iterator(image):
        upright = ImageOps.exif_transpose(frame)  # a copy, with the orientation applied
        frames.append(_pixels_only(upright))
        if not keep_all or len(frames) >= limits.max_pages:
            break
    return frames


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image with the same pixels and no ``info`` (where EXIF and XMP travel)."""
    clean = image.copy()
    clean.info = {}
    return clean


def _encode(frames: list[Image.Image], content_type: str, icc_profile: bytes | None) -> bytes:
    first, rest = frames[0], frames[1:]
    options: dict = {"exif": b""}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if content_type == filetypes.JPEG:
        if first.mode not in ("RGB", "L", "CMYK"):
            first = _flatten(first)
        options |= {"format": "JPEG", "quality": JPEG_QUALITY, "subsampling": 0, "optimize": True}
    elif content_type == filetypes.PNG:
        options |= {"format": "PNG", "compress_level": 6}
    elif content_type == filetypes.WEBP:
        options |= {"format": "WEBP", "quality": JPEG_QUALITY, "method": 4}
    else:
        options |= {"format": "TIFF", "compression": "tiff_deflate"}
        if rest:
            options |= {"save_all": True, "append_images": rest}
    output = io.BytesIO()
    try:
        first.save(output, **options)
    except (OSError, ValueError, KeyError) as error:
        raise SanitiseError(str(error)) from error
    return output.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")
