"""Draw the app icons (static/icons/*.png) with Pillow: a page with a folded corner on the brand colour.

    .venv/bin/python scripts/make_icons.py
The PNGs are committed; run this again only to change them.
"""

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (31, 78, 121)
PAPER = (250, 250, 245)
FOLDER = Path(__file__).resolve().parent.parent / "static" / "icons"


def icon(side: int, maskable: bool = False) -> Image.Image:
    image = Image.new("RGB", (side, side), BRAND)
    draw = ImageDraw.Draw(image)
    inset = side * (0.28 if maskable else 0.2)  # a maskable icon keeps its drawing in the safe circle
    left, top, right, bottom = inset * 1.15, inset, side - inset * 1.15, side - inset
    fold = (right - left) * 0.3
    draw.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)], fill=PAPER)
    draw.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=(200, 205, 210))
    for row in range(4):
        y = top + fold * 1.4 + row * (bottom - top) * 0.13
        draw.rectangle([left + fold * 0.4, y, right - fold * (0.4 if row % 2 else 1.2), y + side * 0.02], fill=BRAND)
    return image


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    for side in (192, 512):
        icon(side).save(FOLDER / f"icon-{side}.png", optimize=True)
    icon(512, maskable=True).save(FOLDER / "icon-maskable-512.png", optimize=True)
    icon(180).save(FOLDER / "apple-touch-icon.png", optimize=True)
