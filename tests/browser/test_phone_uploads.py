"""Phones with little data and a weak signal (issue 12): photos are shrunk on the phone to what the pipeline
reads before they are sent (or sent as they are, when the sponsor asks), and an upload cut off by a lost
connection waits in the browser and is sent when the connection returns, also after the page was reloaded."""

from __future__ import annotations

import functools
import hashlib
import io

import numpy as np
import pytest
from django.conf import settings
from PIL import Image
from playwright.sync_api import expect

from documents.models import Document
from documents.pipeline import photo_size
from tests.factories import CaseFactory, DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)

SHRINK_JS = settings.BASE_DIR / "static" / "js" / "shrink.js"
READING_CEILING_MS = 180_000  # a ceiling against hangs, not a speed check
ORIENTATION = 0x0112
WAITING = {
    "ar": "لا يوجد اتصال بالإنترنت. الملف محفوظ على هذا الجهاز وسيُرسَل عند عودة الاتصال.",
    "ti": "መራኸቢ ኢንተርነት የለን። እዚ ፋይል ኣብዚ መሳርሒ ተዓቂቡ ኣሎ፡ መራኸቢ ምስ ረኸብካ ክስደድ እዩ።",
}


@functools.cache
def phone_photo(corpus_dir, name: str = "002_passport.jpg", turned: bool = True) -> bytes:
    """A corpus passport as a 12-megapixel phone camera saves it: 4032 px long, the sensor's grain, JPEG quality
    95 (5-6 MB), and (``turned``) stored lying on its side with an EXIF orientation that turns it upright."""
    page = Image.open(corpus_dir / name).convert("RGB")
    page = page.resize((4032, round(4032 * page.height / page.width)), Image.LANCZOS)
    grain = np.random.default_rng(12).normal(0, 8, (page.height, page.width, 1))
    page = Image.fromarray(np.clip(np.asarray(page, dtype=np.float32) + grain, 0, 255).astype(np.uint8))
    exif = Image.Exif()
    if turned:
        page = page.transpose(Image.Transpose.ROTATE_90)  # the camera's sensor; orientation 6 turns it back
        exif[ORIENTATION] = 6
    output = io.BytesIO()
    page.save(output, "JPEG", quality=95, exif=exif)
    return output.getvalue()


def _shrink_in(page, name: str, mime: str, data: bytes) -> dict:
    page.set_input_files("#file", {"name": name, "mimeType": mime, "buffer": data})
    return page.evaluate(
        """async (options) => {
          const result = await NareisShrink.shrinkPhoto(document.getElementById("file").files[0], options);
          const bitmap = result.shrunk ? await createImageBitmap(result.file) : null;
          let corner = null;
          if (bitmap) {
            const canvas = document.createElement("canvas");
            canvas.width = bitmap.width; canvas.height = bitmap.height;
            const context = canvas.getContext("2d");
            context.drawImage(bitmap, 0, 0);
            corner = Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
          }
          return {shrunk: result.shrunk, reason: result.reason, name: result.file.name, type: result.file.type,
                  size: result.file.size, width: bitmap && bitmap.width, height: bitmap && bitmap.height, corner};
        }""",
        {"side": photo_size.LONG_SIDE, "quality": photo_size.JPEG_QUALITY, "smallBytes": photo_size.SMALL_BYTES},
    )


def test_the_shrinking_rules(browser, corpus_dir):
    page = browser.new_page()
    page.set_content('<input type="file" id="file">')
    page.add_script_tag(path=str(SHRINK_JS))
    photo = phone_photo(corpus_dir)

    shrunk = _shrink_in(page, "IMG_2024.JPEG", "image/jpeg", photo)
    assert shrunk["shrunk"] and shrunk["name"] == "IMG_2024.jpg" and shrunk["type"] == "image/jpeg"
    assert shrunk["size"] < len(photo) / 3
    # Turned upright by its EXIF orientation, as long as the pipeline reads: the passport lies landscape.
    assert shrunk["width"] == photo_size.LONG_SIDE and shrunk["height"] < shrunk["width"]

    # A PNG (a screenshot of the photo) with a transparent border, and no type from the gallery app.
    transparent = Image.open(io.BytesIO(photo)).convert("RGBA").resize((2400, 3600))
    alpha = Image.new("L", transparent.size, 0)
    alpha.paste(255, (100, 100, 2300, 3500))
    transparent.putalpha(alpha)
    png = io.BytesIO()
    transparent.save(png, "PNG")
    result = _shrink_in(page, "screenshot", "", png.getvalue())  # told by its bytes
    assert result["shrunk"] and result["name"] == "screenshot.jpg" and result["height"] == photo_size.LONG_SIDE
    assert min(result["corner"]) > 200  # transparent became white paper, not black
    named = _shrink_in(page, "Screenshot_2026.PNG", "image/png", png.getvalue())
    assert named["shrunk"] and named["type"] == "image/jpeg" and named["name"] == "Screenshot_2026.jpg"

    # Sent as they are: a PDF, HEIC, a small photo, a JPEG already within the size.
    assert _shrink_in(page, "decision.pdf", "application/pdf", (corpus_dir / "004_passport.pdf").read_bytes())["reason"] == "type"
    assert _shrink_in(page, "letter.heic", "image/heic", (corpus_dir / "027_translation.heic").read_bytes())["reason"] == "type"
    small = (corpus_dir / "003_passport.jpg").read_bytes()
    assert len(small) <= photo_size.SMALL_BYTES
    assert _shrink_in(page, "small.jpg", "image/jpeg", small)["reason"] == "small"
    fits = (corpus_dir / "023_family_booklet.jpg").read_bytes()  # 2250 x 3000, 800 KB
    assert len(fits) > photo_size.SMALL_BYTES
    assert _shrink_in(page, "booklet.jpg", "image/jpeg", fits)["reason"] == "fits"
    page.close()


def _open_case(phone_factory, name: str, language: str = "en"):
    case = CaseFactory()
    phone = phone_factory(name)
    _watch_uploads(phone)
    phone.sign_in(case.sponsor.username, language=None if language == "en" else language)
    expect(phone.page.locator("[data-upload-form]")).to_be_visible()
    return case, phone


def _watch_uploads(phone) -> None:
    """Record the size of every file the page's uploads carry (Playwright sees no multipart bodies)."""
    phone.context.add_init_script("""
      window.sentFileSizes = [];
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (body) {
        if (body instanceof FormData) body.getAll("files").forEach((file) => window.sentFileSizes.push(file.size));
        return send.apply(this, arguments);
      };
    """)


def _sent_sizes(page) -> list[int]:
    return page.evaluate("window.sentFileSizes")


def _choose(page, name: str, data: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.locator("[data-upload-input][multiple]").locator("xpath=..").click()
    chooser.value.set_files({"name": name, "mimeType": "image/jpeg", "buffer": data})


def test_a_large_photo_is_sent_shrunk_and_read(phone_factory, celery_worker, corpus_dir):
    case, phone = _open_case(phone_factory, "phone-shrunk")
    page = phone.page
    photo = phone_photo(corpus_dir)
    _choose(page, "IMG_0001.JPG", photo)
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    sent = _sent_sizes(page)
    assert len(sent) == 1 and sent[0] < len(photo) / 3  # the request carried the shrunk copy
    document = Document.objects.get(case=case)
    assert document.original_name == "IMG_0001.jpg"
    assert document.sha256 != hashlib.sha256(photo).hexdigest()
    expect(page.locator('#documents [data-kind="passport"]')).to_be_visible(timeout=READING_CEILING_MS)
    assert phone.policy_violations == []


def test_a_large_png_is_sent_as_a_jpeg_named_so(phone_factory, celery_worker, corpus_dir):
    """A screenshot of a document, shrunk on the phone: stored, listed and downloaded as the JPEG it became."""
    case, phone = _open_case(phone_factory, "phone-png")
    page = phone.page
    png = io.BytesIO()
    Image.open(io.BytesIO(phone_photo(corpus_dir, turned=False))).save(png, "PNG")
    expect(page.locator("[data-dossier]")).to_have_count(0)  # no empty dossier offered
    with page.expect_file_chooser() as chooser:
        page.locator("[data-upload-input][multiple]").locator("xpath=..").click()
    chooser.value.set_files({"name": "Screenshot_0003.png", "mimeType": "image/png", "buffer": png.getvalue()})
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    document = Document.objects.get(case=case)
    assert document.content_type == "image/jpeg" and document.original_name == "Screenshot_0003.jpg"
    expect(page.locator(f'[data-document="{document.pk}"] .document-head a')).to_have_text("Screenshot_0003.jpg")
    # The dossier can be downloaded as soon as there is a document: the button comes without reloading the page.
    expect(page.locator("[data-dossier]")).to_be_visible()


def test_the_sponsor_may_send_the_original(phone_factory, celery_worker, corpus_dir):
    case, phone = _open_case(phone_factory, "phone-original")
    page = phone.page
    photo = phone_photo(corpus_dir, turned=False)
    page.get_by_label("Send the original photo (uses more data)").check()
    _choose(page, "IMG_0002.JPG", photo)
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    assert _sent_sizes(page) == [len(photo)]
    document = Document.objects.get(case=case)
    assert document.sha256 == hashlib.sha256(photo).hexdigest() and document.original_name == "IMG_0002.JPG"


@pytest.mark.parametrize("language", ["ar", "ti"])
def test_an_upload_made_offline_waits_and_is_sent_when_the_connection_returns(
    phone_factory, celery_worker, corpus_dir, language
):
    case, phone = _open_case(phone_factory, f"phone-offline-{language}", language)
    page = phone.page
    photo = phone_photo(corpus_dir)
    form = page.locator("[data-upload-form]")  # the pipeline's numbers, not written the language's way
    assert form.get_attribute("data-shrink-quality") == str(photo_size.JPEG_QUALITY)
    assert form.get_attribute("data-shrink-side") == str(photo_size.LONG_SIDE)
    phone.context.set_offline(True)
    _choose(page, "IMG_0003.JPG", photo)
    item = page.locator(".upload-item")
    expect(item).to_have_attribute("data-upload-status", "waiting")
    expect(item.locator(".upload-message")).to_have_text(WAITING[language])
    assert phone.serious_accessibility_violations() == []
    phone.screenshot("1-waiting")
    assert not Document.objects.filter(case=case).exists()

    if language == "ar":
        # Closed or reloaded while offline: the photo stays in the browser and goes when the page is opened again.
        page.reload()  # the offline page, or the browser's own
        phone.context.set_offline(False)
        page.goto(f"/cases/{case.pk}/")
    else:
        phone.context.set_offline(False)  # the page sends it by itself when the connection returns
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    expect(page.locator("#documents [data-document]")).to_have_count(1)
    phone.screenshot("2-sent")
    assert Document.objects.filter(case=case).count() == 1
    assert page.evaluate("""() => new Promise((resolve) => {
        const request = indexedDB.open("nareis-uploads");
        request.onsuccess = () => {
          const count = request.result.transaction("uploads").objectStore("uploads").count();
          count.onsuccess = () => resolve(count.result);
        };
      })""") == 0  # nothing left waiting: it is not sent again
    page.reload()
    expect(page.locator(".upload-item")).to_have_count(0)
    assert Document.objects.filter(case=case).count() == 1
    assert phone.policy_violations == []


def test_a_retaken_photo_is_shrunk_too(phone_factory, celery_worker, corpus_dir):
    case, phone = _open_case(phone_factory, "phone-retake")
    blurred = DocumentFactory(case=case, kind="passport", original_name="IMG_0042.jpg", fields={"retake": ["blurred"]})
    page = phone.page
    page.reload()
    photo = phone_photo(corpus_dir)
    # Chosen, it is sent at once (the form's submit event, so it is shrunk first).
    page.locator("[data-retake-file]").set_input_files({"name": "IMG_0043.JPG", "mimeType": "image/jpeg", "buffer": photo})
    expect(page.locator(f'[data-binned="{blurred.pk}"]')).to_be_attached()
    new = Document.objects.get(case=case, removed_at__isnull=True)
    assert new.original_name == "IMG_0043.jpg" and new.sha256 != hashlib.sha256(photo).hexdigest()
    assert phone.policy_violations == []


def test_a_retake_taken_offline_waits_and_is_sent_when_the_connection_returns(phone_factory, celery_worker, corpus_dir):
    """Take it again without a signal: the new photo is kept on the phone like an upload, and sent (replacing the
    blurred one) when the page is opened again with a connection."""
    case, phone = _open_case(phone_factory, "phone-retake-offline", "ar")
    blurred = DocumentFactory(case=case, kind="passport", original_name="IMG_0042.jpg", fields={"retake": ["blurred"]})
    page = phone.page
    page.reload()
    phone.context.set_offline(True)
    page.locator("[data-retake-file]").set_input_files({"name": "IMG_0044.JPG", "mimeType": "image/jpeg",
                                                        "buffer": phone_photo(corpus_dir)})
    item = page.locator(".upload-item")
    expect(item).to_have_attribute("data-upload-status", "waiting")
    expect(item.locator(".upload-message")).to_have_text(WAITING["ar"])
    expect(item).to_be_in_viewport()  # shown where the sponsor looks, not only far down the page
    assert phone.serious_accessibility_violations() == []
    phone.screenshot("1-waiting")
    blurred.refresh_from_db()
    assert blurred.removed_at is None

    page.reload()  # closed while offline: the photo stays on the phone
    phone.context.set_offline(False)
    page.goto(f"/cases/{case.pk}/")
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    expect(page.locator(f'[data-binned="{blurred.pk}"]')).to_be_attached()
    new = Document.objects.get(case=case, removed_at__isnull=True)
    assert new.original_name == "IMG_0044.jpg"  # shrunk first, like any photo
    phone.screenshot("2-sent")
    page.reload()
    expect(page.locator(".upload-item")).to_have_count(0)  # not kept any more: not sent again
    assert Document.objects.filter(case=case).count() == 2
    assert phone.policy_violations == []
