"""Numbers in the reader's digits: Farsi pages show Persian digits (۱۴ روز), everywhere the reader reads them.

Static text in the Farsi catalogue is written with Persian digits (۸، ۱۸), while numbers filled in by the code
(days left, counts, dates, times) come out in Western digits: a screen mixed "۱۸ سال" with "14 روز". Rather than
format every number at its source, the page's text is written in Persian digits as it leaves the server: Django's
formats and ``localize`` change separators and date patterns, never the digits, so each ``|date``, counted
``blocktranslate``, form and validator message (Django's own too) would need a filter of its own, and the next
number added would be missed again. Upload messages sent as JSON get the same treatment in nareis.js. Only text
the reader reads is touched, never what a program or the reader's typing needs as it is:

- attributes (URLs, form values, ``datetime``, ``data-*``) and the content of ``script``, ``style``, ``textarea``;
- ``bdi``, ``code``, ``kbd``, ``samp``, ``pre``, and text isolated by the code (U+2068 ... U+2069): names, file
  names ("IMG_0001.jpg"), usernames and codes to type;
- anything marked ``dir="ltr"`` (phone numbers, e-mail addresses, the invitation code and link), ``dir="auto"``
  (what a user wrote: notes, reasons, file names) or ``translate="no"`` (V-numbers, document numbers);
- parts of the page in another language (``lang="nl"``: the Dutch form 647 data, the invitation's Dutch half).

Arabic keeps Western digits (locale/GLOSSARY.md). A page in another language with a Farsi part (a printed
invitation in Farsi and Dutch) marks itself with ``data-lang-digits`` so the Farsi part is written the same way.
"""

from __future__ import annotations

import re

from django.utils import translation

PERSIAN_LANGUAGES = frozenset({"fa"})
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_KEPT_TAGS = frozenset({"bdi", "code", "kbd", "samp", "pre", "script", "style", "textarea"})
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                        "wbr"})
_KEPT_ATTRIBUTE = re.compile(r"""\s(?:dir\s*=\s*["']?(?:ltr|auto)\b|translate\s*=\s*["']?no\b)""", re.I)
_LANG_ATTRIBUTE = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z-]+)""")
MARKER = "data-lang-digits"


# Kept as they are: text isolated by the code (U+2066-U+2068 ... U+2069: file names and user names inside a
# sentence), and character references, whose digits are no text ("&#x27;" is a quote; "&#x۲۷;" reads as itself).
_KEPT_IN_TEXT = re.compile("([\u2066\u2067\u2068][^\u2069]*\u2069|&#?[0-9A-Za-z]+;)")


def persian_digits(text: str) -> str:
    """``text`` in Persian digits, except the parts the code isolated (a file name, a username to type) and
    character references."""
    parts = _KEPT_IN_TEXT.split(text)
    return "".join(part if index % 2 else part.translate(_PERSIAN) for index, part in enumerate(parts))


def localise_digits(html: str, language: str) -> str:
    """``html`` (a page or a fragment of one in ``language``) with the reader's digits in its Farsi text."""
    out: list[str] = []
    # Open elements that decide: (tag, kind, depth of that tag inside it); kind is "keep", "fa" or "other".
    regions: list[list] = []
    position = 0

    def converting() -> bool:
        for _tag, kind, _depth in reversed(regions):
            if kind == "keep":
                return False
            return kind == "fa"
        return language in PERSIAN_LANGUAGES

    for match in _TOKEN.finditer(html):
        text = html[position:match.start()]
        out.append(persian_digits(text) if text and converting() else text)
        out.append(match.group(0))
        position = match.end()
        if match.group(0).startswith("<!--"):
            continue
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if tag in _VOID_TAGS or attributes.rstrip().endswith("/"):
            continue
        if regions and regions[-1][0] == tag:
            regions[-1][2] += -1 if closing else 1
            if regions[-1][2] == 0:
                regions.pop()
            continue
        if closing or (regions and regions[-1][1] == "keep"):
            continue  # inside kept text nothing else matters until it closes
        if tag not in _KEPT_TAGS and (lang := _LANG_ATTRIBUTE.search(attributes)):  # <html lang="en" dir="ltr">
            regions.append([tag, "fa" if lang.group(1).split("-")[0].lower() in PERSIAN_LANGUAGES else "other", 1])
        elif tag in _KEPT_TAGS or _KEPT_ATTRIBUTE.search(attributes):
            regions.append([tag, "keep", 1])
    text = html[position:]
    out.append(persian_digits(text) if text and converting() else text)
    return "".join(out)


class LocalDigitsMiddleware:
    """After the language is chosen (``PreferredLanguageMiddleware``): HTML answers get the reader's digits."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        language = translation.get_language() or ""
        if language not in PERSIAN_LANGUAGES and MARKER.encode() not in response.content:
            return response
        charset = response.charset or "utf-8"
        response.content = localise_digits(response.content.decode(charset), language).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def localise_text_digits(text: str, language: str) -> str:
    """A plain-text e-mail or text message in ``language``: in Farsi its numbers in Persian digits, like the pages.

    A word with a Latin letter, a URL or an address keeps its digits ("V-1234", "https://…/cases/12/", "IMG_0001.jpg"),
    and so does text the code isolated (a file name, an IND letter's Dutch subject)."""
    if language not in PERSIAN_LANGUAGES:
        return text
    words = re.split(r"(\s+)", text)
    return "".join(word if _LATIN_OR_ADDRESS.search(word) else persian_digits(word) for word in words)


_LATIN_OR_ADDRESS = re.compile(r"[A-Za-z@/]")
