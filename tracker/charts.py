"""Charts drawn on the server as inline SVG: no scripts, no styles, so the strict CSP holds.

Colours come from presentation attributes and CSS classes in static/css; labels are escaped.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260
BAR_WIDTH = 360


def bar_chart(items: list[tuple[str, int | float]], title: str, unit: str = "") -> SafeString:
    """Horizontal bars, one per (label, value), with the value written beside each bar."""
    largest = max((value for _, value in items), default=0) or 1
    height = max(1, len(items)) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + 80
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-labelledby="chart-{id(items)}">'
             f'<title id="chart-{id(items)}">{escape(title)}</title>']
    for index, (label, value) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(BAR_WIDTH * value / largest) if value else 0
        text = escape(label if len(label) <= 40 else label[:39] + "…")
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.0f}" text-anchor="end" class="chart-label">{text}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" class="chart-bar" fill="#2f5d8a"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR_HEIGHT * 0.7:.0f}" class="chart-value">'
            f'{escape(_number(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text inside was escaped above


def _number(value: int | float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
