"""Stored photos keep no GPS or other metadata; they are stored upright; the SHA-256 is of what was sent."""

import hashlib
import io

import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
import pypdf
import pypdfium2
from PIL import Image, ImageChops, ImageDraw

from documents.models import Document
from tests.documents import hostile
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
ROTATED_90_CLOCKWISE = 6  # the sensor's landscape frame, shown upright by turning it 90° clockwise
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><exif:GPSLatitude>52,22.38N</exif:GPSLatitude></rdf:RDF></x:xmpmeta>'


def phone_photo(format: str, *, orientation: int = ROTATED_90_CLOCKWISE) -> bytes:
    """A landscape 'sensor' image, dark on its left edge, with GPS, a camera model and the given orientation."""
    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((0, 0, 40, 200), fill="black")
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x0110] = "iPhone 15"  # camera model
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 22.0, 23.0), 3: "E", 4: (4.0, 53.0, 32.0)})
    output = io.BytesIO()
    if format == "HEIF":
        pillow_heif.from_pillow(image).save(output, quality=90, exif=exif.tobytes())
    else:
        options = {"exif": exif.tobytes()}
        if format in ("JPEG", "WEBP", "PNG"):
            options["xmp"] = XMP
        image.save(output, format, **options)
    return output.getvalue()


@pytest.fixture
def sponsor_case(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    return case


def upload(client, case, name, data) -> Document:
    client.post(reverse("documents:upload", args=[case.pk]), {"files": [SimpleUploadedFile(name, data)]})
    # Named by what is stored: a HEIC photo, stored as JPEG, is listed as .jpg.
    return Document.objects.get(case=case, original_name__startswith=name.rsplit(".", 1)[0] + ".")


def stored_bytes(document: Document) -> bytes:
    with document.file.open("rb") as stored:
        return stored.read()


@pytest.mark.parametrize(
    ("format", "name", "stored_type"),
    [("JPEG", "IMG_1.jpg", "image/jpeg"), ("PNG", "scan.png", "image/png"), ("WEBP", "shot.webp", "image/webp"),
     ("TIFF", "fax.tiff", "image/tiff"), ("HEIF", "IMG_2.heic", "image/jpeg")],
)
def test_stored_photo_has_no_location_and_is_upright(client, sponsor_case, format, name, stored_type):
    sent = phone_photo(format)
    assert Image.open(io.BytesIO(sent)).getexif().get_ifd(GPS_IFD), "the test photo must carry GPS"

    document = upload(client, sponsor_case, name, sent)

    data = stored_bytes(document)
    stored = Image.open(io.BytesIO(data))
    assert document.content_type == stored_type == Image.MIME[stored.format]
    exif = stored.getexif()
    assert not exif.get_ifd(GPS_IFD) and GPS_IFD not in exif
    assert ORIENTATION not in exif and 0x0110 not in exif
    assert "xmp" not in stored.info and b"GPSLatitude" not in data and b"iPhone" not in data
    # Orientation applied before the tag was dropped: the photo now stands upright (portrait),
    # and the sensor's dark left edge is on top.
    assert stored.size == (200, 400)
    assert stored.convert("L").getpixel((100, 10)) < 60 and stored.convert("L").getpixel((100, 390)) > 200


def test_photo_quality_stays_high(client, sponsor_case):
    document = upload(client, sponsor_case, "IMG_3.jpg", phone_photo("JPEG", orientation=1))
    stored = Image.open(io.BytesIO(stored_bytes(document))).convert("L")
    assert stored.getpixel((20, 100)) < 20 and stored.getpixel((300, 100)) > 235  # sharp black and clean white


def test_sha256_is_of_what_the_sponsor_sent(client, sponsor_case):
    sent = phone_photo("JPEG")
    document = upload(client, sponsor_case, "IMG_4.jpg", sent)
    assert document.sha256 == hashlib.sha256(sent).hexdigest()
    assert document.sha256 != hashlib.sha256(stored_bytes(document)).hexdigest()
    assert document.size == len(stored_bytes(document))


def rendered_pages(data: bytes) -> list[Image.Image]:
    pdf = pypdfium2.PdfDocument(data)
    return [pdf[index].render(scale=1).to_pil().convert("RGB") for index in range(len(pdf))]


@pytest.mark.parametrize("sent", [hostile.pdf_wrapping_phone_photo(), None], ids=["phone-photo", "corpus-passport"])
def test_pdf_is_stored_without_metadata_and_its_pages_look_the_same(client, sponsor_case, corpus_dir, sent):
    sent = sent or (corpus_dir / "001_passport.pdf").read_bytes()

    document = upload(client, sponsor_case, "scan.pdf", sent)

    data = stored_bytes(document)
    assert document.content_type == "application/pdf" and document.sha256 == hashlib.sha256(sent).hexdigest()
    for trace in (b"GPSLatitude", b"iPhone", hostile.PHOTO_COMMENT, b"Yonas", b"52.3731", b"xmpmeta"):
        assert trace not in data
    assert pypdf.PdfReader(io.BytesIO(data)).metadata is None
    before, after = rendered_pages(sent), rendered_pages(data)
    assert len(before) == len(after)
    assert all(ImageChops.difference(old, new).getbbox() is None for old, new in zip(before, after))


def test_heic_photo_is_offered_as_jpeg_under_the_sponsors_name(client, sponsor_case):
    document = upload(client, sponsor_case, "IMG_5.HEIC", phone_photo("HEIF"))
    assert document.original_name == "IMG_5.jpg"  # listed, too, as the JPEG it is
    response = client.get(reverse("documents:file", args=[document.pk]), {"download": "1"})
    assert response["Content-Type"] == "image/jpeg"
    assert 'filename="IMG_5.jpg"' in response["Content-Disposition"]
