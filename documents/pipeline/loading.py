"""Stage 1: turn an uploaded file into upright RGB page images.

Applies EXIF orientation, decodes HEIC/HEIF through pillow-heif and renders PDF
pages through pypdfium2. Limits on pixels and pages keep a hostile file from
exhausting a worker's memory.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from . import filetypes
from .types import PipelineError

try:  # registered once per process; decoding HEIC needs it
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is in requirements.txt
    pillow_heif = None


@dataclass(frozen=True)
class LoadLimits:
    max_pixels: int = 60_000_000  # per page, after decoding
    max_pages: int = 20
    pdf_dpi: int = 200
    # Pages at least twice this long (longest side, px) are reduced by a whole factor: later
    # stages take what they need from them, and a whole-factor reduction is cheap.
    max_side: int = 3000


DEFAULT_LIMITS = LoadLimits()


def load_pages(source: str | Path | bytes, limits: LoadLimits = DEFAULT_LIMITS) -> list[Image.Image]:
    """Decode ``source`` (a path or the file's bytes) into RGB page images.

    Raises ``PipelineError`` with a message a user can act on.
    """
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    content_type = _supported_type(data)
    if content_type == filetypes.PDF:
        return _load_pdf(data, limits)
    return [_load_image(data, limits)]


def _supported_type(data: bytes) -> str:
    if not data:
        raise PipelineError("The file is empty.")
    content_type = filetypes.sniff_content_type(data[:1024])
    if content_type is None:
        raise PipelineError("This is not a supported document type. Upload a photo (JPEG, PNG, HEIC, WebP, TIFF) or a PDF.")
    return content_type


def check_readable(data: bytes, limits: LoadLimits = DEFAULT_LIMITS) -> str:
    """Cheaply confirm that ``data`` decodes, within the limits; return its content type.

    Used at upload, so a broken file is refused while the user is still there.
    Images are decoded at reduced scale (JPEG draft mode), which still reads
    every byte and so catches truncated files.
    """
    content_type = _supported_type(data)
    if content_type == filetypes.PDF:
        _open_pdf(data, limits).close()
    else:
        _decode(data, limits, draft=True)
    return content_type


def _load_image(data: bytes, limits: LoadLimits) -> Image.Image:
    image = _decode(data, limits, fit_side=limits.max_side)
    image = ImageOps.exif_transpose(image)
    return _normalise(image, limits)


def _decode(data: bytes, limits: LoadLimits, draft: bool = False, fit_side: int | None = None) -> Image.Image:
    """Decode with the pixel cap. ``draft``: at 1/8 scale, only to prove the file decodes.
    ``fit_side``: let JPEG decode at a reduced scale that still covers this many pixels (much cheaper)."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > limits.max_pixels:
                raise PipelineError(_too_large_message(limits))
            if draft:
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            elif fit_side and max(image.size) > fit_side:
                scale = fit_side / max(image.size)
                image.draft("RGB", (round(image.width * scale), round(image.height * scale)))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PipelineError(_too_large_message(limits)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise PipelineError("The image is damaged or incomplete and cannot be read. Please take the photo again.") from exc
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    return image


def _open_pdf(data: bytes, limits: LoadLimits):
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise PipelineError("The PDF is protected with a password. Upload it without a password.") from exc
        raise PipelineError("The PDF is damaged and cannot be read.") from exc
    page_count = len(pdf)
    if page_count == 0 or page_count > limits.max_pages:
        pdf.close()
        if page_count == 0:
            raise PipelineError("The PDF has no pages.")
        raise PipelineError(
            f"The PDF has {page_count} pages; at most {limits.max_pages} are accepted. Upload each document separately."
        )
    return pdf


def _load_pdf(data: bytes, limits: LoadLimits) -> list[Image.Image]:
    pdf = _open_pdf(data, limits)
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()  # in points, 1/72 inch
            scale = min(limits.pdf_dpi / 72, limits.max_side / max(width, height, 1))
            if width * height * scale * scale > limits.max_pixels:
                scale = (limits.max_pixels / (width * height)) ** 0.5
            bitmap = page.render(scale=scale)
            pages.append(_normalise(bitmap.to_pil(), limits))
            page.close()
        return pages
    finally:
        pdf.close()


def _normalise(image: Image.Image, limits: LoadLimits) -> Image.Image:
    if image.mode != "RGB":
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.getchannel("A"))
            image = background
        else:
            image = image.convert("RGB")
    factor = max(image.size) // limits.max_side
    return image.reduce(factor) if factor >= 2 else image


def shrink_page(page: Image.Image, side: int, overview: Image.Image | None = None) -> Image.Image:
    """``page`` shrunk to ``side`` px on its longest side (never enlarged), from ``overview`` (a smaller
    copy of the page) when that is still large enough: shrinking a whole page costs more than most
    of what is then done with the copy."""
    scale = min(1.0, side / max(page.size))
    source = overview if overview is not None and max(overview.size) >= side else page
    return shrink(source, scale * page.width / source.width)


def shrink(image: Image.Image, scale: float) -> Image.Image:
    """Downscale by ``scale``: an integer box reduction, then bilinear (several times faster than Lanczos, as good for OCR)."""
    if scale >= 1.0:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    factor = int(1 / scale)
    if factor >= 2:
        image = image.reduce(factor)
    return image.resize(size, Image.BILINEAR) if image.size != size else image


def _too_large_message(limits: LoadLimits) -> str:
    megapixels = limits.max_pixels // 1_000_000
    return f"The image is too large to process (more than {megapixels} megapixels). Please upload a smaller photo."
