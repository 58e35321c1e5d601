"""Machine-readable zones rendered in OCR-B for the MRZ tests, and Tesseract's readings of them given scale by scale."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from documents.pipeline import mrz

OCR_B = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"
SANS = "DejaVuSans.ttf"


def zone_page(lines: Sequence[str], title: str | None = "PASSPORT", *, size: tuple[int, int] = (1500, 500),
              title_size: int = 28, font_size: int = 30, left: int = 80, top: int = 330, pitch: int = 48) -> Image.Image:
    """A white page with ``title`` at its top left in DejaVu Sans and the zone's ``lines`` in OCR-B, the first at
    (``left``, ``top``), each ``pitch`` px below the one before."""
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    if title:
        draw.text((60, 60), title, font=ImageFont.truetype(SANS, title_size), fill=0)
    font = ImageFont.truetype(OCR_B, font_size)
    for row, line in enumerate(lines):
        draw.text((left, top + row * pitch), line, font=font, fill=0)
    return page


def card_page(lines: Sequence[str]) -> Image.Image:
    """An ID card's zone of three lines under its title, in 32 px OCR-B."""
    return zone_page(lines, "IDENTITY CARD", size=(1000, 400), title_size=24, font_size=32, left=100, top=220)


def scales_read(monkeypatch, *readings: Sequence[str]) -> list:
    """Tesseract reads the zone as ``readings``, one per scale in turn (the last again after them), and the cells
    checked after each reading see no filler it missed (as in a photo out of focus or at an angle). The sizes of
    the crops read are added to the list returned."""
    calls = []

    def ocr(patch):
        calls.append(patch.size)
        return list(readings[min(len(calls), len(readings)) - 1])
    monkeypatch.setattr(mrz, "ocr_lines", ocr)
    monkeypatch.setattr(mrz, "fix_fillers_by_shape", lambda patch, lines, length: lines)
    return calls
