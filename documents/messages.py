"""Messages the pipeline and the worker store in English, translated when a page shows them.

The pipeline has no Django, so its ``PipelineError`` texts and the worker's
``error_message`` stay English in the database. The markers below put them in
the catalogue; ``translate_message`` looks them up in the reader's language,
also those with a number in them.
"""

from __future__ import annotations

import re

from django.utils.translation import get_language_bidi, gettext, gettext_noop, pgettext

FIXED = [
    gettext_noop("The file is empty."),
    gettext_noop("The image is damaged or incomplete and cannot be read. Please take the photo again."),
    gettext_noop("The PDF is protected with a password. Upload it without a password."),
    gettext_noop("The PDF is damaged and cannot be read."),
    gettext_noop("The PDF has no pages."),
    gettext_noop("The page could not be read. Please take the photo again."),
    gettext_noop("Reading this document took too long. Please upload a clearer or smaller photo."),
    gettext_noop("This document could not be read after several tries. Please upload a clearer photo or scan."),
]

# The pipeline's English message naming file types -> its catalogue message, with the types filled in by
# ``listed``: each an isolated word, so that in Arabic and Farsi the list reads right to left and wraps between
# types (the catalogue's own "(JPEG، PNG، …)" showed as one left-to-right run, broken mid-list on a narrow phone).
PHOTO_TYPES = ("JPEG", "PNG", "HEIC", "WebP", "TIFF")
WITH_FILE_TYPES = {
    "This is not a supported document type. Upload a photo (JPEG, PNG, HEIC, WebP, TIFF) or a PDF.":
        gettext_noop("This is not a supported document type. Upload a photo (%(photo_types)s) or a PDF."),
}

# English message with numbers -> its catalogue message with named placeholders.
WITH_NUMBERS = [
    (
        re.compile(r"The image is too large to process \(more than (?P<megapixels>\d+) megapixels\)\. "
                   r"Please upload a smaller photo\."),
        gettext_noop("The image is too large to process (more than %(megapixels)s megapixels). "
                     "Please upload a smaller photo."),
    ),
    (
        re.compile(r"The PDF has (?P<pages>\d+) pages; at most (?P<limit>\d+) are accepted\. "
                   r"Upload each document separately\."),
        gettext_noop("The PDF has %(pages)s pages; at most %(limit)s are accepted. Upload each document separately."),
    ),
    (
        re.compile(r"The file has (?P<pages>\d+) pages; at most (?P<limit>\d+) are accepted\. "
                   r"Upload each document separately\."),
        gettext_noop("The file has %(pages)s pages; at most %(limit)s are accepted. Upload each document separately."),
    ),
    (
        re.compile(r"The pages are too large to process together \(more than (?P<megapixels>\d+) megapixels in all\)\. "
                   r"Please upload fewer or smaller photos\."),
        gettext_noop("The pages are too large to process together (more than %(megapixels)s megapixels in all). "
                     "Please upload fewer or smaller photos."),
    ),
]


def translate_message(message: str) -> str:
    """``message`` in the active language when the catalogue has it; as it is otherwise."""
    if not message:
        return ""
    if message in WITH_FILE_TYPES:
        return gettext(WITH_FILE_TYPES[message]) % {"photo_types": listed(PHOTO_TYPES)}
    for pattern, template in WITH_NUMBERS:
        match = pattern.fullmatch(message)
        if match:
            return gettext(template) % match.groupdict()
    return gettext(message)


def listed(items) -> str:
    """Latin words (file types) as a list in a sentence of the active language."""
    return pgettext("between the items of a list", ", ").join(embedded_name(item) for item in items)


def embedded_name(name: str) -> str:
    """A file name inside a sentence. In Arabic and Farsi it is isolated, or "002_passport.jpg" shows as
    "passport.jpg_002"."""
    return f"\u2068{name}\u2069" if get_language_bidi() else name


# Why the pipeline doubts a document's kind (``pipeline.doubt.DoubtCode``), said in the reader's language.
DOUBTS = {
    "mrz_fails": gettext_noop("Read as: %(kind)s. The MRZ does not pass its check digits."),
    "no_mrz": gettext_noop("Looks like: %(kind)s. No MRZ was found."),
    "little_evidence": gettext_noop("Looks like: %(kind)s. There is too little evidence."),
    "close_call": gettext_noop("A close call: %(kind)s or %(other)s."),
    "little_text": gettext_noop("Read as: %(kind)s. Hardly any text could be read from the photo."),
    "zone_fails": gettext_noop("Looks like: %(kind)s. The MRZ does not pass its check digits."),
    "zone_partial": gettext_noop("Looks like: %(kind)s. Only part of the MRZ could be read."),
    "by_labels": gettext_noop("Looks like: %(kind)s, going by the labels on it. Its title could not be read."),
    "intended_decision": gettext_noop("Looks like: %(kind)s, but it is an intended decision (voornemen), not the "
                                      "decision itself. The deadline does not start from it."),
    # The kind is clear and the MRZ passes its check digits, but may still be read wrong (``pipeline.mrz_doubt``).
    "mrz_names_differ": gettext_noop("Read as: %(kind)s. The names in the MRZ read differently from one reading to the "
                                     "next: check them against the document."),
    "mrz_lookalikes": gettext_noop("Read as: %(kind)s. The MRZ passes its check digits either way with characters that "
                                   "look alike (such as 1 and L, 8 and S): check its numbers against the document."),
    "mrz_narrow_vote": gettext_noop("Read as: %(kind)s. The readings of the MRZ disagree on a number that passes its "
                                    "check digit: check its numbers against the document."),
}


def doubt_message(stored) -> str:
    """``Document.fields["unsure"]`` in the active language: a code with kinds, or an English sentence kept
    from before the codes (shown as it is unless the catalogue has it)."""
    if isinstance(stored, str):
        return translate_message(stored)
    if not isinstance(stored, dict) or stored.get("code") not in DOUBTS:
        return ""
    from .models import Document

    def label(kind) -> str:
        try:
            return str(Document.Kind(kind).label)
        except ValueError:
            return str(kind or "")

    return gettext(DOUBTS[stored["code"]]) % {"kind": label(stored.get("kind")), "other": label(stored.get("other"))}
