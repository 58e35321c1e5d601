"""How large a photo the pipeline needs: the upload page shrinks photos to this in the browser before
sending them (static/js/shrink.js, the numbers rendered into the upload form), and ``bench.shrink`` checks
on the corpora that the pipeline reads the shrunk copies as well as the originals.

The pipeline works on pages up to ``LoadLimits.max_side`` long: a page's text is read at most
``ocr.MAX_OCR_SIDE`` px long from the part of the photo the document fills, and the MRZ is cut from the page
itself, so a document filling only part of the frame still has its letters. A 12-megapixel phone photo
(4032 x 3024, 4-6 MB) becomes 3000 x 2250 at ``JPEG_QUALITY``: about 1 MB.
"""

from .loading import LoadLimits

LONG_SIDE = LoadLimits.max_side  # px, the longest side of a shrunk photo
JPEG_QUALITY = 0.85  # 0..1, as the browser's canvas takes it: MRZ and small print stay sharp
# A photo this small is sent as it is. Re-encoding small PNG scans (a few hundred px, 200-400 KB) as JPEG
# blurred their MRZ characters (bench.shrink on ../shared/real: 20/25 MRZs instead of 22/25).
SMALL_BYTES = 500_000
