"""Stage 1: turn an uploaded file into upright RGB page images, one page at a time.

Applies EXIF orientation, decodes HEIC/HEIF through pillow-heif, reads every
page of a TIFF and renders PDF pages through pypdfium2. Limits keep a hostile
file from exhausting a process's memory: every page's size is read from the
file's headers before anything is decoded, each page must stay within
``max_pixels`` and all pages together within ``max_total_pixels``, and pages
are decoded one at a time (``iter_pages``), so only one is held at once.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
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
    # All pages of one document (or of one upload request) together, after decoding.
    max_total_pixels: int = 400_000_000
    pdf_dpi: int = 200
    # Pages at least twice this long (longest side, px) are reduced by a whole factor: later
    # stages take what they need from them, and a whole-factor reduction is cheap.
    max_side: int = 3000


DEFAULT_LIMITS = LoadLimits()


def load_pages(source: str | Path | bytes, limits: LoadLimits = DEFAULT_LIMITS) -> list[Image.Image]:
    """Decode ``source`` (a path or the file's bytes) into RGB page images, all at once.

    For tools and tests with small files; the pipeline uses ``iter_pages``.
    """
    return list(iter_pages(source, limits))


def iter_pages(source: str | Path | bytes, limits: LoadLimits = DEFAULT_LIMITS) -> Iterator[Image.Image]:
    """Decode ``source`` page by page into RGB images, after checking every page's size.

    Raises ``PipelineError`` with a message a user can act on.
    """
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    content_type = _supported_type(data)
    check_sizes(data, content_type, limits)
    if content_type == filetypes.PDF:
        yield from _iter_pdf(data, limits)
    else:
        yield from _iter_image(data, limits)


def _supported_type(data: bytes) -> str:
    if not data:
        raise PipelineError("The file is empty.")
    content_type = filetypes.sniff_content_type(data[:1024])
    if content_type is None:
        raise PipelineError("This is not a supported document type. Upload a photo (JPEG, PNG, HEIC, WebP, TIFF) or a PDF.")
    return content_type


@dataclass(frozen=True)
class Readable:
    content_type: str
    pixels: int  # all pages together, as they will be decoded
    pages: int


def check_readable(data: bytes, limits: LoadLimits = DEFAULT_LIMITS) -> Readable:
    """Cheaply confirm that ``data`` is a document within the limits; return its type and decoded size.

    Used at upload, so a broken file is refused while the user is still there. Every page's size is
    read from the headers; a JPEG is also decoded at 1/8 scale (draft mode), which still reads every
    byte and so catches truncated files. Other images are decoded in full only once, when they are
    re-encoded for storage (``documents.sanitise``), one at a time.
    """
    content_type = _supported_type(data)
    sizes = check_sizes(data, content_type, limits)
    if content_type == filetypes.JPEG:
        _decode(data, limits, draft=True).close()
    return Readable(content_type, sum(width * height for width, height in sizes), len(sizes))


def check_sizes(data: bytes, content_type: str, limits: LoadLimits) -> list[tuple[int, int]]:
    """The decoded size of every page, from the headers; ``PipelineError`` over a limit."""
    sizes = _pdf_page_sizes(data, limits) if content_type == filetypes.PDF else image_frame_sizes(data, limits)
    pixels = 0
    for width, height in sizes:
        if width * height > limits.max_pixels:
            raise PipelineError(_too_large_message(limits))
        pixels += width * height
    if pixels > limits.max_total_pixels:
        raise PipelineError(too_many_pixels_message(limits.max_total_pixels))
    return sizes


def image_frame_sizes(data: bytes, limits: LoadLimits) -> list[tuple[int, int]]:
    """The size of every page of an image file without decoding it: all frames of a TIFF, else the first."""
    try:
        with _opened(data, limits) as image:
            if image.format != "TIFF":
                return [image.size]
            sizes = []
            for index in range(_frame_count(image, limits)):
                image.seek(index)
                sizes.append(image.size)
            return sizes
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise PipelineError(_DAMAGED) from exc


def _frame_count(image: Image.Image, limits: LoadLimits) -> int:
    count = getattr(image, "n_frames", 1)
    if count > limits.max_pages:
        raise PipelineError(
            f"The file has {count} pages; at most {limits.max_pages} are accepted. Upload each document separately."
        )
    return count


class _opened:
    """``Image.open`` under the pixel cap, as a context manager; a decompression bomb is refused."""

    def __init__(self, data: bytes, limits: LoadLimits):
        self.data, self.limits = data, limits

    def __enter__(self) -> Image.Image:
        self.previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = self.limits.max_pixels
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                self.image = Image.open(io.BytesIO(self.data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            Image.MAX_IMAGE_PIXELS = self.previous
            raise PipelineError(_too_large_message(self.limits)) from None
        except BaseException:
            Image.MAX_IMAGE_PIXELS = self.previous
            raise
        return self.image

    def __exit__(self, *exc_info) -> None:
        Image.MAX_IMAGE_PIXELS = self.previous
        self.image.close()


_DAMAGED = "The image is damaged or incomplete and cannot be read. Please take the photo again."


def _iter_image(data: bytes, limits: LoadLimits) -> Iterator[Image.Image]:
    with _opened(data, limits) as image:
        count = _frame_count(image, limits) if image.format == "TIFF" else 1
    if count == 1:
        yield _load_image(data, limits)
        return
    for index in range(count):  # the pages of a TIFF, each decoded on its own
        yield _load_image(data, limits, frame=index)


def _load_image(data: bytes, limits: LoadLimits, frame: int = 0) -> Image.Image:
    image = _decode(data, limits, fit_side=limits.max_side, frame=frame)
    ImageOps.exif_transpose(image, in_place=True)  # no copy: a page may be 60 megapixels
    return _normalise(image, limits)


def _decode(data: bytes, limits: LoadLimits, draft: bool = False, fit_side: int | None = None,
            frame: int = 0) -> Image.Image:
    """Decode one frame with the pixel cap. ``draft``: at 1/8 scale, only to prove the file decodes.
    ``fit_side``: let JPEG decode at a reduced scale that still covers this many pixels (much cheaper)."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if frame:
                image.seek(frame)
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
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise PipelineError(_DAMAGED) from exc
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


def _render_scale(width: float, height: float, limits: LoadLimits) -> float:
    """The scale a page of ``width`` × ``height`` points is rendered at: ``pdf_dpi``, within the caps."""
    scale = min(limits.pdf_dpi / 72, limits.max_side / max(width, height, 1))
    if width * height * scale * scale > limits.max_pixels:
        scale = (limits.max_pixels / (width * height)) ** 0.5
    return scale


def _pdf_page_sizes(data: bytes, limits: LoadLimits) -> list[tuple[int, int]]:
    pdf = _open_pdf(data, limits)
    try:
        sizes = []
        for index in range(len(pdf)):
            width, height = pdf.get_page_size(index)
            scale = _render_scale(width, height, limits)
            sizes.append((max(1, int(width * scale)), max(1, int(height * scale))))
        return sizes
    finally:
        pdf.close()


def _iter_pdf(data: bytes, limits: LoadLimits) -> Iterator[Image.Image]:
    pdf = _open_pdf(data, limits)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()  # in points, 1/72 inch
            bitmap = page.render(scale=_render_scale(width, height, limits))
            image = bitmap.to_pil()
            page.close()
            yield _normalise(image, limits)
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


def too_many_pixels_message(max_total_pixels: int) -> str:
    megapixels = max_total_pixels // 1_000_000
    return (f"The pages are too large to process together (more than {megapixels} megapixels in all). "
            "Please upload fewer or smaller photos.")


def _too_large_message(limits: LoadLimits) -> str:
    megapixels = limits.max_pixels // 1_000_000
    return f"The image is too large to process (more than {megapixels} megapixels). Please upload a smaller photo."
