"""Held-out photo conditions for ``bench.real_stress`` (issue 13): the ways real phone photos of passports and
cards differ that the stress set's first transforms lack. Written before any pipeline change meant for them, and
run only when named (or all with ``--held-out``), so they measure how the pipeline generalises rather than what
it was tuned on.

Each takes a page (a scan) and returns a photo of it: held in a hand, lying on an open newspaper or a patterned
sofa, a glare streak across it, a booklet page bent, slight motion blur, a messaging app's copy, a large phone
photo in which the document is small, the phone's shadow across half of it, and held in a hand in a dim room at an
angle. Everything is drawn from a seed taken from the page's size, so a run repeats exactly.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from scipy import ndimage

from bench.photo_faults import taken_from_an_angle

FONTS = Path("/usr/share/fonts/truetype/dejavu")
SKIN_TONES = ((226, 178, 146), (200, 140, 104), (160, 106, 72), (110, 72, 50))


def _seed(photo: Image.Image, salt: int) -> np.random.Generator:
    return np.random.default_rng(photo.width * 7907 + photo.height * 31 + salt)


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(FONTS / name), max(6, size))
    except OSError:
        return ImageFont.load_default()


def _jpeg(photo: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    photo.convert("RGB").save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _noise(photo: Image.Image, sigma: float, rng: np.random.Generator) -> Image.Image:
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32)
    pixels += rng.normal(0, sigma, pixels.shape).astype(np.float32)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def _lying_on(background: Image.Image, document: Image.Image, tilt: float, where: tuple[float, float],
              shadow: bool = True) -> Image.Image:
    """``document`` (RGB or RGBA) turned ``tilt`` degrees and laid on ``background`` with its centre at ``where``
    (shares of the background's width and height), with a soft shadow under it."""
    layer = document.convert("RGBA").rotate(tilt, expand=True, resample=Image.BICUBIC)
    x = round(where[0] * background.width - layer.width / 2)
    y = round(where[1] * background.height - layer.height / 2)
    scene = background.convert("RGB")
    if shadow:
        alpha = layer.getchannel("A").filter(ImageFilter.GaussianBlur(max(2, layer.width // 80)))
        dark = Image.new("RGB", layer.size, (20, 16, 14))
        scene.paste(dark, (x + max(2, layer.width // 120), y + max(2, layer.width // 90)),
                    alpha.point(lambda value: value * 0.45))
    scene.paste(layer, (x, y), layer)
    return scene


def _skin(size: tuple[int, int], centre: tuple[float, float], radii: tuple[float, float], angle: float,
          tone: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """An ellipse of skin (colour and alpha), lit from above-left: a finger or a thumb, soft at its edge."""
    height, width = size[1], size[0]
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    u = ((columns - centre[0]) * cos + (rows - centre[1]) * sin) / radii[0]
    v = (-(columns - centre[0]) * sin + (rows - centre[1]) * cos) / radii[1]
    distance = np.sqrt(u * u + v * v)
    alpha = np.clip((1 - distance) * 8, 0, 1)
    shade = (1.08 - 0.35 * np.clip(distance, 0, 1) ** 2 - 0.12 * v).clip(0.5, 1.15)
    colour = np.asarray(tone, dtype=np.float32)[None, None, :] * shade[:, :, None]
    return colour, alpha


def _with_hand(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    """The page held in a hand: fingers behind its right edge showing beyond it, the thumb over its left edge
    (a sixth of the page's mean side wide, reaching a fifth of the width in, at 55-70% of its height)."""
    width, height = page.size
    side = (width + height) / 2
    margin = round(0.22 * side)
    canvas_size = (width + 2 * margin, height + 2 * margin)
    tone = SKIN_TONES[int(rng.integers(0, len(SKIN_TONES)))]
    colour = np.zeros((canvas_size[1], canvas_size[0], 3), np.float32)
    alpha = np.zeros(canvas_size[::-1], np.float32)
    for finger in range(4):  # behind the page, their tips beyond its right edge
        cy = margin + height * (0.25 + 0.16 * finger) + rng.uniform(-0.03, 0.03) * height
        cx = margin + width + 0.04 * side
        c, a = _skin(canvas_size, (cx, cy), (0.13 * side, 0.055 * side), rng.uniform(-12, 12), tone)
        colour = colour * (1 - a[:, :, None]) + c * a[:, :, None]
        alpha = np.maximum(alpha, a)
    canvas = np.dstack([colour, alpha * 255]).clip(0, 255).astype(np.uint8)
    held = Image.fromarray(canvas, "RGBA")
    held.paste(page.convert("RGB"), (margin, margin))
    thumb_y = margin + height * rng.uniform(0.55, 0.7)
    c, a = _skin(canvas_size, (margin + 0.04 * width, thumb_y), (0.2 * side, 0.08 * side), rng.uniform(8, 25),
                 tone)
    # The thumb's own shadow on the page, then the thumb.
    shadow = ndimage.shift(a, (0.015 * side, 0.01 * side), order=1)
    shadow = ndimage.gaussian_filter(shadow, 0.01 * side) * 0.5
    pixels = np.asarray(held, dtype=np.float32)
    rgb = pixels[:, :, :3] * (1 - shadow[:, :, None])
    rgb = rgb * (1 - a[:, :, None]) + c * a[:, :, None]
    alpha_out = np.maximum(pixels[:, :, 3] / 255, a)
    return Image.fromarray(np.dstack([rgb, alpha_out * 255]).clip(0, 255).astype(np.uint8), "RGBA")


def _room(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    """A room out of focus behind a hand: soft blobs of furniture and a wall."""
    width, height = size
    base = np.array([rng.uniform(90, 170), rng.uniform(80, 150), rng.uniform(70, 140)], np.float32)
    rows = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    image = Image.fromarray((base[None, None, :] * (0.7 + 0.5 * rows) * np.ones((1, width, 1))).clip(0, 255)
                            .astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(10):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        w, h = rng.uniform(0.1, 0.4) * width, rng.uniform(0.1, 0.4) * height
        draw.rectangle((x, y, x + w, y + h), fill=tuple(int(c) for c in rng.uniform(30, 220, 3)))
    return image.filter(ImageFilter.GaussianBlur(max(3, width // 60)))


def held_in_a_hand(photo: Image.Image) -> Image.Image:
    """Held up in a hand before a room out of focus: turned 4 degrees, the page filling 60% of the width."""
    rng = _seed(photo, 1)
    held = _with_hand(photo, rng)
    scene_width = round(photo.width / 0.6)
    scene = _room((scene_width, max(round(scene_width * 0.75), round(held.height * 1.05))), rng)
    return _lying_on(scene, held, rng.uniform(-5, 5), (0.5, 0.5), shadow=False)


def held_dim_at_an_angle(photo: Image.Image) -> Image.Image:
    """Held in a hand in a dim room (paper at 45% of white, less on the far side), the phone leaning back."""
    rng = _seed(photo, 2)
    scene = held_in_a_hand(photo)
    scene = taken_from_an_angle(scene, lean=0.09)
    pixels = np.asarray(scene, dtype=np.float32)
    light = np.linspace(0.5, 0.32, scene.width, dtype=np.float32)[None, :, None]
    pixels = pixels * light + rng.normal(0, 4, pixels.shape).astype(np.float32)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


WORDS = ("the of and to in a is for on that by with at from as it was said his be are this has have will not "
         "minister council market police city week year government report people new more first two after "
         "president water school price team season match election about which their they been would over")


def _newspaper(size: tuple[int, int], pitch: float, rng: np.random.Generator) -> Image.Image:
    """An open newspaper: columns of body text at ``pitch`` px a line, headlines, a table of results and
    prices (digits at a fixed width, in lines of equal length)."""
    width, height = size
    image = Image.new("RGB", size, (226, 222, 208))
    draw = ImageDraw.Draw(image)
    body = _font("DejaVuSerif.ttf", round(pitch * 0.78))
    bold = _font("DejaVuSans-Bold.ttf", round(pitch * 2.2))
    table = _font("DejaVuSansCondensed.ttf", round(pitch * 0.78))
    column_width = pitch * 14
    gutter = pitch * 1.2
    words = WORDS.split()
    x = -rng.uniform(0, column_width)
    while x < width:
        y = -rng.uniform(0, 5 * pitch)
        while y < height:
            block = rng.random()
            if block < 0.12:  # a headline across the column
                text = " ".join(rng.choice(words, 3)).capitalize()
                draw.text((x, y), text, fill=(25, 25, 25), font=bold)
                y += pitch * 3
            elif block < 0.24:  # results or prices: names and digits in lines of equal length
                for _ in range(int(rng.integers(4, 9))):
                    name = "".join(chr(65 + int(c)) for c in rng.integers(0, 26, 7))
                    numbers = "  ".join(f"{int(rng.integers(0, 999)):>3}" for _ in range(4))
                    draw.text((x, y), f"{name} {numbers}", fill=(30, 30, 30), font=table)
                    y += pitch
                y += pitch
            else:  # a paragraph, its last line short
                for line in range(int(rng.integers(4, 14))):
                    length = column_width if line else column_width * rng.uniform(0.3, 1)
                    text, drawn = "", 0.0
                    while True:
                        word = str(rng.choice(words))
                        if rng.random() < 0.1:
                            word = word.capitalize()
                        if draw.textlength(text + " " + word, font=body) > length:
                            break
                        text = (text + " " + word).strip()
                    draw.text((x, y), text, fill=(35, 35, 35), font=body)
                    y += pitch
                y += pitch * 0.5
        draw.line([(x + column_width + gutter / 2, 0), (x + column_width + gutter / 2, height)], fill=(90, 90, 90))
        x += column_width + gutter
    return image.filter(ImageFilter.GaussianBlur(0.5))


def on_a_newspaper(photo: Image.Image) -> Image.Image:
    """Lying 5 degrees askew on an open newspaper whose lines are about as high as a passport zone's (body text
    at 2.8% of the page's width a line), the page filling 55% of the width."""
    rng = _seed(photo, 3)
    scene_width = round(photo.width / 0.55)
    scene_height = max(round(scene_width * 0.75), round(photo.height * 1.3))
    paper = _newspaper((scene_width, scene_height), max(7.0, 0.028 * photo.width * 0.7), rng)
    scene = _lying_on(paper, photo, rng.uniform(-6, 6), (0.5, 0.5))
    return _noise(scene, 3, rng)


def _fabric(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    """A patterned sofa: a woven check in two colours, a printed motif repeated on a grid, folds and dents."""
    width, height = size
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    period = max(14.0, width / rng.uniform(18, 30))
    first, second = rng.uniform(40, 200, 3), rng.uniform(40, 200, 3)
    check = ((np.sin(columns * 2 * np.pi / period) > 0.3) | (np.sin(rows * 2 * np.pi / period) > 0.3))
    weave = np.sin(columns * 2.1) * np.sin(rows * 2.1) * 8
    colour = np.where(check[:, :, None], first[None, None, :], second[None, None, :]) + weave[:, :, None]
    folds = 1 + 0.18 * np.sin(columns / width * rng.uniform(4, 9) + rows / height * rng.uniform(1, 4))
    image = Image.fromarray((colour * folds[:, :, None]).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    motif = tuple(int(c) for c in rng.uniform(20, 240, 3))
    step = period * 3
    for y in np.arange(0, height, step):
        for x in np.arange((y // step % 2) * step / 2, width, step):
            r = period * 0.6
            for petal in range(5):
                angle = petal * 2 * np.pi / 5
                px, py = x + r * 0.8 * np.cos(angle), y + r * 0.8 * np.sin(angle)
                draw.ellipse((px - r / 2, py - r / 2, px + r / 2, py + r / 2), fill=motif)
    return image.filter(ImageFilter.GaussianBlur(0.8))


def on_a_sofa(photo: Image.Image) -> Image.Image:
    """Lying 9 degrees askew on a patterned sofa, filling half the width, taken a little from an angle."""
    rng = _seed(photo, 4)
    scene_width = round(photo.width / 0.5)
    scene_height = max(round(scene_width * 0.75), round(photo.height * 1.4))
    scene = _lying_on(_fabric((scene_width, scene_height), rng), photo, rng.choice([-9.0, 9.0]), (0.5, 0.5))
    return _noise(taken_from_an_angle(scene, lean=0.05), 3, rng)


def glare_streak(photo: Image.Image) -> Image.Image:
    """A lamp's reflection as a streak across the page (a laminated data page shines), from its foot at a third of
    the width to its top at four fifths: it crosses the lower lines. The paper is exposed grey, as a phone does."""
    rng = _seed(photo, 5)
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32) * 0.85
    height, width = pixels.shape[:2]
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    (x0, y0), (x1, y1) = (0.33 * width, height), (0.8 * width, 0.0)
    length = math.hypot(x1 - x0, y1 - y0)
    distance = np.abs((columns - x0) * (y1 - y0) - (rows - y0) * (x1 - x0)) / length
    sigma = 0.035 * math.hypot(width, height)
    streak = np.exp(-distance ** 2 / (2 * sigma ** 2)) * rng.uniform(0.8, 0.9)
    pixels = 255 - (255 - pixels) * (1 - streak[:, :, None])
    return _noise(Image.fromarray(pixels.clip(0, 255).astype(np.uint8)), 3, rng)


def bent_page(photo: Image.Image) -> Image.Image:
    """A booklet's page bowing up from the spine: its lines curve (the middle 3.5% of the height lower than the ends)
    and the bow darkens towards the edges; on a table."""
    rng = _seed(photo, 6)
    height_pad = round(photo.height * 0.06)
    framed = Image.new("RGB", (photo.width, photo.height + 2 * height_pad), (118, 96, 84))
    framed.paste(photo.convert("RGB"), (0, height_pad))
    pixels = np.asarray(framed, dtype=np.float32)
    height, width = pixels.shape[:2]
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    across = (columns - width / 2) / (width / 2)
    bow = 0.035 * photo.height * (1 - across ** 2)
    squeeze = 1 - 0.04 * across ** 2  # the page's ends, turning away, look narrower
    source_rows = rows - bow
    source_columns = width / 2 + (columns - width / 2) / squeeze
    warped = np.stack([ndimage.map_coordinates(pixels[:, :, channel], [source_rows, source_columns], order=1,
                                               mode="constant", cval=float((118, 96, 84)[channel]))
                       for channel in range(3)], axis=2)
    warped *= (1 - 0.25 * np.abs(across) ** 3)[:, :, None]
    return _noise(Image.fromarray(warped.clip(0, 255).astype(np.uint8)), 3, rng)


def motion_blur(photo: Image.Image) -> Image.Image:
    """The hand moved a little: smeared over 0.7% of the width (at least 4 px) at 20 degrees."""
    rng = _seed(photo, 7)
    length = max(4, round(0.007 * photo.width))
    kernel = np.zeros((length * 2 + 1, length * 2 + 1), np.float32)
    angle = math.radians(20)
    for step in np.linspace(-length / 2, length / 2, length * 4):
        kernel[round(length + step * math.sin(angle)), round(length + step * math.cos(angle))] += 1
    kernel /= kernel.sum()
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32)
    smeared = np.stack([ndimage.convolve(pixels[:, :, channel], kernel, mode="nearest") for channel in range(3)],
                       axis=2)
    return _noise(Image.fromarray(smeared.clip(0, 255).astype(np.uint8)), 3, rng)


def _phone_photo(photo: Image.Image, long_side: int, share: float, rng: np.random.Generator,
                 noise: float) -> Image.Image:
    """A phone's photo ``long_side`` px long (4:3) of the page lying 3 degrees askew on a table, the page's area
    ``share`` of the frame: the scan enlarged as needed (soft, like a phone's optics), with sensor noise."""
    from bench.real_stress import _texture  # the cluttered table of the first transforms

    width, height = long_side, round(long_side * 0.75)
    aspect = photo.width / photo.height
    page_height = math.sqrt(share * width * height / aspect)
    page_width = page_height * aspect
    if page_width > 0.95 * width or page_height > 0.95 * height:
        fit = min(0.95 * width / page_width, 0.95 * height / page_height)
        page_width, page_height = page_width * fit, page_height * fit
    page = photo.convert("RGB").resize((round(page_width), round(page_height)), Image.LANCZOS)
    table = _texture((width // 4, height // 4), int(rng.integers(0, 10_000))).resize((width, height), Image.BILINEAR)
    scene = _lying_on(table, page, rng.uniform(-3, 3), (0.5, 0.5))
    return _noise(scene, noise, rng)


def messaging_app_copy(photo: Image.Image) -> Image.Image:
    """A phone photo (3000 px, the page filling 55% of it) sent by a messaging app: 1280 px long, JPEG 60."""
    rng = _seed(photo, 8)
    scene = _phone_photo(photo, 3000, 0.55, rng, noise=5)
    scene = scene.resize((1280, round(scene.height * 1280 / scene.width)), Image.LANCZOS)
    return _jpeg(scene, 60)


def large_phone_photo(photo: Image.Image) -> Image.Image:
    """A phone's full photo, 4000 px long, the page filling 40% of it, with the noise of a small sensor; JPEG 90."""
    rng = _seed(photo, 9)
    return _jpeg(_phone_photo(photo, 4000, 0.4, rng, noise=9), 90)


def phone_shadow(photo: Image.Image) -> Image.Image:
    """The phone's shadow over the left half of the page (its edge soft, slanting), in a room lit at 80%:
    the shadowed paper at 45% of the lit."""
    rng = _seed(photo, 10)
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32) * 0.8
    height, width = pixels.shape[:2]
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    edge = width * (0.58 - 0.16 * rows / height)  # the shadow's edge, slanting
    softness = 0.025 * width
    shade = 1 - 0.55 / (1 + np.exp((columns - edge) / softness))
    return _noise(Image.fromarray((pixels * shade[:, :, None]).clip(0, 255).astype(np.uint8)), 3, rng)


HELD_OUT = {
    "held in a hand": held_in_a_hand,
    "held, dim, angled": held_dim_at_an_angle,
    "on a newspaper": on_a_newspaper,
    "on a sofa": on_a_sofa,
    "glare streak": glare_streak,
    "bent page": bent_page,
    "motion blur": motion_blur,
    "messaging app": messaging_app_copy,
    "large phone photo": large_phone_photo,
    "phone's shadow": phone_shadow,
}
