"""A case's audit trail as people read it: names rather than ids, words rather than codes, grouped by day.

One query whatever the length of the history, for the names of the case's
documents (removed ones too); the members come with the case page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from cases.models import Case, FamilyMember
from documents.models import Document

from .labels import REQUIREMENT_LABELS

# Fields whose values say nothing to a reader (file hashes, storage names, who claimed a task).
HIDDEN_FIELDS = {"sha256", "file", "claimed_by", "code_hash", "dismissed_proposals", "confidence"}


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Entry:
    at: datetime
    actor: str
    action: str
    action_label: str
    what: str  # the kind of thing, e.g. "document"
    target: str  # its name, e.g. the file name or the member's name
    changes: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class Day:
    day: date
    entries: list[Entry]


class _Names:
    def __init__(self, case: Case):
        self.members = {str(member.pk): member.full_name for member in case.members.all()}  # prefetched by the page
        self.documents = {str(pk): name for pk, name in
                          Document.objects.filter(case=case).values_list("pk", "original_name")}

    def member(self, value) -> str:
        return self.members.get(str(value), _("a family member no longer in the case"))

    def document(self, value) -> str:
        return self.documents.get(str(value), _("a document no longer in the case"))


def readable_history(case: Case, events: Iterable[AuditEvent]) -> list[Day]:
    names = _Names(case)
    days: list[Day] = []
    for event in events:
        entry = _entry(event, names)
        day = timezone.localtime(event.at).date()
        if days and days[-1].day == day:
            days[-1].entries.append(entry)
        else:
            days.append(Day(day, [entry]))
    return days


# Audit events are never rewritten: those written before Case and FamilyMember moved to cases keep their old label.
MOVED_MODELS = {"tracker.case": "cases.case", "tracker.familymember": "cases.familymember"}


def _model(target_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(MOVED_MODELS.get(target_type, target_type))
    except (LookupError, ValueError):
        return None


def _entry(event: AuditEvent, names: _Names) -> Entry:
    model = _model(event.target_type)
    if model is FamilyMember:
        target = names.members.get(event.target_id) or event.target_repr
    elif model is Document:
        target = names.documents.get(event.target_id) or event.target_repr
    else:
        target = event.target_repr
    changes = [
        Change(_field_label(model, name), _value(model, name, old, names), _value(model, name, new, names))
        for name, (old, new) in _pairs(event.changes) if name not in HIDDEN_FIELDS
    ]
    # The person's name while the account exists, the username kept in the trail after.
    actor = str(event.actor) if event.actor_id and event.actor else event.actor_name
    return Entry(at=event.at, actor=actor or _("Nareis"), action=event.action,
                 action_label=event.get_action_display(), what=str(model._meta.verbose_name) if model else "",
                 target=target, changes=changes)


def _pairs(changes) -> list[tuple[str, tuple]]:
    if not isinstance(changes, dict):
        return []
    return [(name, tuple(pair)) for name, pair in changes.items() if isinstance(pair, (list, tuple)) and len(pair) == 2]


def _field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_label(model, name: str) -> str:
    model_field = _field(model, name)
    label = str(model_field.verbose_name) if model_field is not None else name.replace("_", " ")
    return label[:1].upper() + label[1:]


def _value(model, name: str, value, names: _Names) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if name == "members":
        return ", ".join(names.member(pk) for pk in value) if isinstance(value, list) else names.member(value)
    if name == "member":
        return names.member(value)
    if name in ("translation_of", "proposed_decision_document"):
        return names.document(value)
    if name == "requirement":
        return str(REQUIREMENT_LABELS.get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    model_field = _field(model, name)
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, str):
        if (moment := _datetime(value)) is not None:
            return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        if (day := _date(value)) is not None:
            return date_format(day, "DATE_FORMAT")
    return str(value)


def _date(value: str) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def _datetime(value: str) -> datetime | None:
    if "T" not in value:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        return None
    return moment if moment is None or timezone.is_aware(moment) else timezone.make_aware(moment)
