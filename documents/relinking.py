"""A member added, or their name or birth date changed (``cases.signals.member_identity_changed``): link the
documents of the case that name them as they now are; unlink those that only matched the old details."""

from __future__ import annotations

from audit.models import AuditEvent
from audit.services import record_event
from cases.signals import member_identity_changed

from .linking import MemberName, links_after_member_change, member_name
from .models import Document


def relink_member(sender, member, before: dict | None, actor, request=None, **kwargs) -> None:
    documents = (Document.objects.filter(case_id=member.case_id, removed_at__isnull=True, status=Document.Status.DONE)
                 .prefetch_related("members"))
    reference = (member_name(member) if before is None
                 else MemberName(member.pk, before["given_names"], before["surname"], before["birth_date"]))
    for change in links_after_member_change(member, reference, documents):
        document = change.document
        old = sorted(m.pk for m in document.members.all())
        if change.linked:
            document.members.add(member)
            new = sorted({*old, member.pk})
        else:
            document.members.remove(member)
            new = [pk for pk in old if pk != member.pk]
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                     changes={"members": [old, new]}, request=request)


def connect() -> None:
    """Called once from ``DocumentsConfig.ready``."""
    member_identity_changed.connect(relink_member, dispatch_uid="documents-relink-member")
