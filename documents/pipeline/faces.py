"""Faces in a photo, for telling a passport photo (one face filling much of the frame) from other photos.

OpenCV's frontal-face Haar cascade, the model file opencv-python-headless 4.x ships (``cv2.data``): nothing
is downloaded at run time. It looks at a copy of the page at most ``WORK_SIDE`` px long, which takes a few
tens of milliseconds. The face cascade alone sometimes sees a face in a document's guilloche or a photo's
texture; a face counts only where the eye cascade finds two eyes in its upper part.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageOps

WORK_SIDE = 400
CASCADE = "haarcascade_frontalface_default.xml"
EYE_CASCADE = "haarcascade_eye.xml"
EYE_WORK_WIDTH = 200  # the face's upper part is looked at this wide
# Faces smaller than this share of the shorter side are not looked for: they neither make a passport
# photo nor stand beside its face (SECOND_FACE x PORTRAIT_FACE_WIDTH), and skipping them is fast.
MIN_FACE_SHARE = 0.12
# A passport photo: the face box spans this share of the frame's width at least (in the 35 x 45 mm
# photo the face's box spans about 60%; photographed on a table with some margin, less).
PORTRAIT_FACE_WIDTH = 0.3
PORTRAIT_FACE_HEIGHT = 0.2
SECOND_FACE = 0.5  # another face at least this size of the largest makes it a picture of several people
# The darkest tenth of a face's box (eyes, brows, hair, shadow) lies well below the photo's lightest tone: at most
# 0.56 of it in passport photos, scanned, under a lamp or dim; a "face" the cascade sees in a document's pale
# printed background has no such dark parts (0.78 in a vehicle registration's guilloche).
PAPER_PALE = 0.7


@dataclass(frozen=True)
class Face:
    """A face's box, as shares of the image's width and height."""

    left: float
    top: float
    width: float
    height: float


@lru_cache(maxsize=2)
def _detector(model: str = CASCADE) -> cv2.CascadeClassifier:
    cv2.setNumThreads(1)  # one document per process, like tesseract (OMP_THREAD_LIMIT=1)
    detector = cv2.CascadeClassifier(cv2.data.haarcascades + model)
    if detector.empty():  # the wheel always has it; a broken install should say so, not classify nothing
        raise RuntimeError(f"OpenCV's {model} is missing: reinstall opencv-python-headless 4.x")
    return detector


def find_faces(image: Image.Image, work_side: int = WORK_SIDE, smallest_share: float = MIN_FACE_SHARE) -> list[Face]:
    """Frontal faces, largest first."""
    small = image.convert("L")
    small.thumbnail((work_side, work_side))
    grey = np.asarray(ImageOps.equalize(small))
    smallest = max(24, round(min(grey.shape) * smallest_share))
    boxes = _detector().detectMultiScale(grey, scaleFactor=1.1, minNeighbors=6, minSize=(smallest, smallest))
    height, width = grey.shape
    faces = [Face(x / width, y / height, w / width, h / height) for x, y, w, h in boxes if _has_an_eye(small, x, y, w, h)]
    return sorted(faces, key=lambda face: face.width * face.height, reverse=True)


def _has_an_eye(image: Image.Image, x: int, y: int, w: int, h: int) -> bool:
    upper = image.crop((x, y, x + w, y + round(h * 0.6)))
    upper = upper.resize((EYE_WORK_WIDTH, round(EYE_WORK_WIDTH * upper.height / upper.width)), Image.BILINEAR)
    eyes = _detector(EYE_CASCADE).detectMultiScale(np.asarray(ImageOps.equalize(upper)), scaleFactor=1.1,
                                                    minNeighbors=4, minSize=(20, 20))
    return len(eyes) >= 2


def is_portrait(faces: list[Face]) -> bool:
    """One face filling much of the frame, and no other face of a similar size beside it."""
    if not faces:
        return False
    largest = faces[0]
    if largest.width < PORTRAIT_FACE_WIDTH or largest.height < PORTRAIT_FACE_HEIGHT:
        return False
    return not any(face.width >= SECOND_FACE * largest.width for face in faces[1:])


def portrait_face(image: Image.Image) -> Face | None:
    """The face of a passport-style photo, whichever way up the photo was taken; None for any other picture."""
    for turn in (0, 90, 270, 180):
        turned = image.rotate(turn, expand=True) if turn else image
        faces = find_faces(turned)
        if faces:
            return faces[0] if is_portrait(faces) and not pale_as_paper(turned, faces[0]) else None
    return None


def pale_as_paper(image: Image.Image, face: Face) -> bool:
    """Whether even the darkest tenth of ``face``'s box is nearly as light as the lightest part of ``image`` (a
    pattern, not a face)."""
    small = image.convert("L")
    small.thumbnail((WORK_SIDE, WORK_SIDE))
    grey = np.asarray(small, dtype=np.float32)
    height, width = grey.shape
    box = grey[round(face.top * height):round((face.top + face.height) * height),
               round(face.left * width):round((face.left + face.width) * width)]
    paper = np.percentile(grey, 95)
    return box.size > 0 and paper > 0 and float(np.percentile(box, 10)) > PAPER_PALE * paper
