"""The dashboards' and reports' content, cached in Redis until something it shows changes.

A page's content is stored under its user, address, language, day and the *generations* it was drawn from: random
tokens in the cache, each replaced (``bump``) when a fact of its scope changes, so the first request after a change
draws the page again (``cached_content``). The scopes:

- an organisation (``bump``): what every staff page of it shows, beyond its cases: a counsellor or the
  organisation itself, a sponsor's name;
- an organisation's cases (``bump_for_cases``): a case's stored summary (documents, members, letters, the day's
  refresh), its badges, a task, a review in the audit trail, the case deleted, a purged case's figures. Its
  coordinators' pages (and admins' reports on it) follow this generation;
- a counsellor's own cases: the same changes to a case replace the generation of each counsellor assigned to it
  (and of one assigned or unassigned), and only these: a counsellor sees no other case. So one case's change
  draws again the pages of those who see it, and leaves another counsellor's dashboard in the cache.

Admins' pages over every organisation follow a generation of their own that every change replaces.

A change replaces the tokens at once and again when its transaction commits: a page drawn in between, from the
data as they were, is stored under a token no one reads any more. What is cached stays for ``PAGE_SECONDS`` at
most, so a change made behind the signals' back (a raw SQL fix, a restored backup) shows within that time. When
Redis cannot be reached, pages are drawn on every request, as without the cache.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

CACHE = "pages"
PAGE_SECONDS = 10 * 60
GENERATION_SECONDS = 7 * 24 * 3600
EVERY_ORGANISATION = "all"
# In cached content instead of the form's CSRF field, which belongs to the request (``cached_content``).
CSRF_MARK = "<nareis-csrf-field>"


def _key(*parts) -> str:
    return ":".join([settings.PAGE_CACHE_PREFIX, *map(str, parts)])


def _generation_key(scope: str, owner=None) -> str:
    return _key("generation", scope, owner)


def _scopes_of(user, organisation_id: int | None) -> list[str]:
    """The generations a page of ``user`` about ``organisation_id`` (``None``: every organisation) is drawn from."""
    if organisation_id is None:
        return [_generation_key(EVERY_ORGANISATION)]
    if user.is_counsellor and not (user.is_coordinator or user.is_superuser):
        return [_generation_key("organisation", organisation_id), _generation_key("counsellor", user.pk)]
    return [_generation_key("organisation", organisation_id), _generation_key("cases", organisation_id)]


def generation(scopes: list[str]) -> str | None:
    """The tokens of these scopes, joined; ``None`` if Redis is out of reach."""
    try:
        cache = caches[CACHE]
        tokens = cache.get_many(scopes)
        for missing in [scope for scope in scopes if scope not in tokens]:
            cache.add(missing, uuid.uuid4().hex, GENERATION_SECONDS)
            tokens[missing] = cache.get(missing)
        if any(token is None for token in tokens.values()):
            return None
        return ".".join(tokens[scope] for scope in scopes)
    except Exception:  # noqa: BLE001 - the pages are drawn without the cache
        logger.warning("The page cache is out of reach", exc_info=True)
        return None


def bump(organisation_ids: Iterable[int | None]) -> None:
    """What every staff page of these organisations shows has changed (or will, when the transaction commits)."""
    ids = {organisation_id for organisation_id in organisation_ids if organisation_id is not None}
    if ids:
        _replace_soon([_generation_key("organisation", organisation) for organisation in sorted(ids)])


def bump_cases(organisation_ids: Iterable[int | None], counsellor_ids: Iterable[int | None]) -> None:
    """Some of these organisations' cases changed, followed by these counsellors (before or after the change)."""
    organisations = {organisation for organisation in organisation_ids if organisation is not None}
    counsellors = {counsellor for counsellor in counsellor_ids if counsellor is not None}
    if organisations or counsellors:
        _replace_soon([_generation_key("cases", organisation) for organisation in sorted(organisations)]
                      + [_generation_key("counsellor", counsellor) for counsellor in sorted(counsellors)])


def bump_for_cases(case_ids: Iterable[int | None], also_organisations: Iterable[int | None] = ()) -> None:
    """These cases changed: their organisations' (and ``also_organisations``') coordinators' pages, and their
    counsellors' (two queries)."""
    from cases.models import Case

    ids = [case_id for case_id in case_ids if case_id is not None]
    if not ids:
        bump_cases(also_organisations, [])
        return
    organisations = Case.objects.filter(pk__in=ids).order_by().values_list("organisation_id", flat=True).distinct()
    counsellors = (Case.counsellors.through.objects.filter(case_id__in=ids).order_by()
                   .values_list("user_id", flat=True).distinct())
    bump_cases([*organisations, *also_organisations], counsellors)


def _replace_soon(keys: list[str]) -> None:
    keys = [_generation_key(EVERY_ORGANISATION), *keys]
    _replace(keys)
    transaction.on_commit(lambda: _replace(keys))


def _replace(keys: list[str]) -> None:
    try:
        caches[CACHE].set_many({key: uuid.uuid4().hex for key in keys}, GENERATION_SECONDS)
    except Exception:  # noqa: BLE001 - cached pages then live out their PAGE_SECONDS
        logger.warning("The page cache could not be told of a change", exc_info=True)


def uncached_content(request, draw: Callable[[], str]) -> str:
    """``draw()``'s HTML drawn for this request alone (a form sent back with what was typed), its CSRF field in."""
    from django.template.backends.utils import csrf_input

    return draw().replace(CSRF_MARK, str(csrf_input(request)))


def cached_content(request, page: str, organisation_id: int | None, draw: Callable[[], str]) -> str:
    """``draw()``'s HTML for this user, address, language and day, from the cache while the generation holds.

    The CSRF field is not cached: ``draw`` writes ``CSRF_MARK`` where it goes (``{{ csrf_mark }}``).
    """
    from django.template.backends.utils import csrf_input

    token = generation(_scopes_of(request.user, organisation_id))
    html = None
    if token is not None:
        parts = [request.user.pk, request.get_full_path(), translation.get_language(),
                 timezone.get_current_timezone_name(), timezone.localdate().isoformat(), token]
        key = _key("page", page, hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest())
        html = _get(key)
    if html is None:
        html = draw()
        if token is not None:
            _set(key, html)
    return html.replace(CSRF_MARK, str(csrf_input(request)))


def _get(key: str) -> str | None:
    try:
        return caches[CACHE].get(key)
    except Exception:  # noqa: BLE001
        logger.warning("The page cache is out of reach", exc_info=True)
        return None


def _set(key: str, html: str) -> None:
    try:
        caches[CACHE].set(key, html, PAGE_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("The page cache is out of reach", exc_info=True)


# --- What tells the cache that a page's facts changed, beside the summaries' refresh (``tracker.summaries``).

# A user saved with only these fields changed shows the same on every page (the language is in the page's key).
UNSHOWN_USER_FIELDS = frozenset({"last_login", "password", "preferred_language"})


def _before_case_delete(sender, instance, **kwargs):
    """Who followed the case, read before its links to them go (they are deleted with it, sending no signal)."""
    instance._pages_counsellors = list(instance.counsellors.values_list("pk", flat=True))


def _on_case_delete(sender, instance, **kwargs):
    """A deleted case leaves the pages that showed it: its organisation's coordinators' and its counsellors'."""
    bump_cases([instance.organisation_id], getattr(instance, "_pages_counsellors", ()))


def _on_cases_changed(sender, case_ids, **kwargs):
    bump_for_cases(case_ids)


def _on_note_change(sender, instance, raw=False, **kwargs):
    """A task added, done or deleted: the dashboards' task columns and "my open tasks" (whose tasks are on cases
    their reader sees: the case's counsellors', its coordinators')."""
    if not raw:
        bump_for_cases([instance.case_id])


def _before_user_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and instance.pk and update_fields is None:  # a full save can move them to another organisation
        instance._organisation_before = (type(instance).objects.filter(pk=instance.pk)
                                         .values_list("organisation_id", flat=True).first())


def _on_user_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """A sponsor's name is on their case's row; a counsellor's in the rows, the filter and the assigning form."""
    if raw or (update_fields is not None and set(update_fields) <= UNSHOWN_USER_FIELDS):
        return
    from cases.models import Case

    if instance.organisation_id is None and getattr(instance, "_organisation_before", None) is None:
        bump(Case.objects.filter(sponsor_id=instance.pk).values_list("organisation_id", flat=True))
    else:
        bump([instance.organisation_id, getattr(instance, "_organisation_before", None)])


def _before_counsellors_clear(sender, instance, action, reverse, **kwargs):
    if action == "pre_clear":
        instance._pages_before_clear = (
            list(instance.counsellors.values_list("pk", flat=True)) if not reverse
            else list(instance.counselled_cases.values_list("pk", flat=True)))


def _on_counsellors_change(sender, instance, action, reverse, pk_set, **kwargs):
    """A counsellor assigned or unassigned: their own dashboard gains or loses the case (the cases' own pages
    follow their summaries' refresh)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    touched = set(pk_set or ()) | set(getattr(instance, "_pages_before_clear", ()))
    if reverse:  # from the counsellor's side: ``touched`` are cases
        bump_for_cases(touched)
        bump_cases([instance.organisation_id], [instance.pk])
    else:
        bump_cases([instance.organisation_id], touched)


def _on_organisation_change(sender, instance, raw=False, **kwargs):
    if not raw:
        bump([instance.pk])


def _on_audit_event(sender, instance, created=False, raw=False, **kwargs):
    """The reports count each counsellor's reviews from the audit trail."""
    from audit.models import AuditEvent

    if created and not raw and instance.action == AuditEvent.Action.REVIEW:
        bump_for_cases([instance.case_id])


def _on_figures_change(sender, instance, raw=False, **kwargs):
    """A purged case's figures, which the reports count: only coordinators and admins read them."""
    if not raw:
        bump_cases([instance.organisation_id], [])


def connect() -> None:
    """Called once from ``TrackerConfig.ready``."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

    from accounts.models import Organisation
    from audit.models import AuditEvent
    from cases.models import Case
    from cases.signals import cases_changed

    from .models import CaseFigures, CaseNote

    pre_delete.connect(_before_case_delete, sender=Case, dispatch_uid="pages-case-before-delete")
    post_delete.connect(_on_case_delete, sender=Case, dispatch_uid="pages-case-delete")
    cases_changed.connect(_on_cases_changed, dispatch_uid="pages-cases-changed")
    post_save.connect(_on_note_change, sender=CaseNote, dispatch_uid="pages-note-save")
    post_delete.connect(_on_note_change, sender=CaseNote, dispatch_uid="pages-note-delete")
    user = get_user_model()
    pre_save.connect(_before_user_save, sender=user, dispatch_uid="pages-user-before-save")
    post_save.connect(_on_user_change, sender=user, dispatch_uid="pages-user-save")
    post_delete.connect(_on_user_change, sender=user, dispatch_uid="pages-user-delete")
    m2m_changed.connect(_before_counsellors_clear, sender=Case.counsellors.through,
                        dispatch_uid="pages-counsellors-before-clear")
    m2m_changed.connect(_on_counsellors_change, sender=Case.counsellors.through, dispatch_uid="pages-counsellors")
    post_save.connect(_on_organisation_change, sender=Organisation, dispatch_uid="pages-organisation-save")
    post_delete.connect(_on_organisation_change, sender=Organisation, dispatch_uid="pages-organisation-delete")
    post_save.connect(_on_audit_event, sender=AuditEvent, dispatch_uid="pages-audit-event")
    post_save.connect(_on_figures_change, sender=CaseFigures, dispatch_uid="pages-figures-save")
    post_delete.connect(_on_figures_change, sender=CaseFigures, dispatch_uid="pages-figures-delete")
