"""The dashboard's rows, each drawn once for what it shows and kept in the page cache under a key made of it.

After a change to a case the dashboards showing it are drawn again (``tracker.page_cache``), but usually one case
changed and the other rows of a page are the same: a row's key is a digest of every fact the row shows (the stored
summary, the case's badges, its sponsor, counsellors and open tasks), the day, the language and the row template
itself, so a row whose facts changed gets a new key and is drawn again; one that did not is read back. Nothing can
be stale: a key is never told apart from its content. When Redis cannot be reached, every row is drawn.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache

from django.core.cache import caches
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .caseload import DashboardEntry
from .models import CaseSummary
from .page_cache import CACHE, PAGE_SECONDS, _key

logger = logging.getLogger(__name__)

ROW_TEMPLATE = "tracker/_dashboard_row.html"
SUMMARY_FIELDS = tuple(field.attname for field in CaseSummary._meta.concrete_fields)
CASE_FIELDS = ("pk", "v_number", "proposed_decision_date", "decision_date_to_check", "members_changed_by_sponsor_at",
               "application_filed_on")


@cache
def _template_version() -> str:
    """A changed row template (a new release) draws every row again."""
    return hashlib.sha256(get_template(ROW_TEMPLATE).template.source.encode()).hexdigest()[:16]


def row_facts(entry: DashboardEntry, show_counsellors: bool, assign: bool, case_url_prefix: str) -> tuple:
    """Everything the row template reads, and how it is asked to draw it."""
    case, summary = entry.case, entry.summary
    sponsor = case.sponsor
    counsellors = ([(c.pk, str(c), c.is_active) for c in case.counsellors.all()] if show_counsellors else None)
    return (
        _template_version(), translation.get_language(), entry.today.isoformat(), show_counsellors, assign,
        case_url_prefix,
        tuple(getattr(summary, name) for name in SUMMARY_FIELDS),
        tuple(getattr(case, name) for name in CASE_FIELDS),
        (sponsor.pk, str(sponsor)),
        counsellors,
        [(task.pk, task.due_on) for task in entry.open_tasks],
    )


def rendered_rows(entries: list[DashboardEntry], *, show_counsellors: bool, assign: bool,
                  case_url_prefix: str, chosen: set[int] = frozenset()) -> list[SafeString]:
    """Each entry's ``<tr>``: from the cache where a row with the same facts was drawn, else drawn now.
    A ``chosen`` case's row (ticked before an assignment was refused) is drawn ticked, and not cached."""
    keys = [_key("row", hashlib.sha256(repr(row_facts(entry, show_counsellors, assign, case_url_prefix))
                                       .encode()).hexdigest()) for entry in entries]
    try:
        found = caches[CACHE].get_many(keys)
    except Exception:  # noqa: BLE001 - every row drawn
        logger.warning("The page cache is out of reach", exc_info=True)
        found = None
    template = get_template(ROW_TEMPLATE)
    rows, drawn = [], {}
    for key, entry in zip(keys, entries, strict=True):
        if entry.case.pk in chosen:
            rows.append(mark_safe(template.render({  # noqa: S308 - drawn by our template
                "row": entry, "show_counsellors": show_counsellors, "assign_form": assign,
                "case_url_prefix": case_url_prefix, "chosen": True})))
            continue
        html = found.get(key) if found is not None else None
        if html is None:
            html = template.render({"row": entry, "show_counsellors": show_counsellors, "assign_form": assign,
                                    "case_url_prefix": case_url_prefix})
            drawn[key] = html
        rows.append(mark_safe(html))  # noqa: S308 - drawn by our template
    if drawn and found is not None:
        try:
            caches[CACHE].set_many(drawn, PAGE_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("The page cache is out of reach", exc_info=True)
    return rows
