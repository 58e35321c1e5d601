"""Recording what people do with cases and documents."""

from __future__ import annotations

from datetime import date, datetime

from django.db import models

from config.client_ip import client_ip

from .models import AuditEvent


def record_event(
    *,
    actor,
    action: str,
    target: models.Model,
    case_id: int | None = None,
    changes: dict | None = None,
    request=None,
) -> AuditEvent:
    """Append one event. ``changes`` maps a field name to ``[old, new]``; values are stored as :func:`plain` makes them."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_name=getattr(actor, "username", "") or "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:200],
        case_id=case_id,
        changes={field: plain(values) for field, values in (changes or {}).items()},
        ip_address=_client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
    )


FORGOTTEN = "[purged]"


def forget_case_details(case_id: int) -> int:
    """Blank what a purged case's audit events say about its people: the object's name (a family
    member's, a document's file name) and the values in ``changes``. Who did what, to which kind
    of object and when stays. The one update audit events allow; returns how many were blanked."""
    events = list(AuditEvent.objects.filter(case_id=case_id).only("pk", "changes", "target_repr"))
    for event in events:
        event.target_repr = ""
        event.changes = {field: _forgotten(values) for field, values in event.changes.items()}
    # bulk_update writes with an UPDATE query, past AuditEvent.save, which refuses changes.
    AuditEvent.objects.bulk_update(events, ["target_repr", "changes"], batch_size=500)
    return len(events)


def _forgotten(values):
    if isinstance(values, list):
        return [None if value is None else FORGOTTEN for value in values]
    return FORGOTTEN


def plain(value):
    """A JSON-friendly form of a value: dates as ISO text, model instances and querysets by primary key."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return [plain(item) for item in value]
    return str(value)


def _client_ip(request) -> str | None:
    return client_ip(request) if request is not None else None
