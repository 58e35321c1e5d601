"""Admin oversight of cases: filters by deadline, counsellor and missing evidence; bulk actions; the history.

Used by ``tracker/admin.py`` and ``documents/admin.py``; the work itself is done
by the same services the counsellors' pages use, so it is audited the same way.
"""

from __future__ import annotations

import tempfile
import zipfile

from django import forms
from django.contrib import admin, messages
from django.http import FileResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.models import AuditEvent
from audit.services import record_event
from documents.models import Document
from documents.services import read_again

from .dashboard import DeadlineFilter, filter_by_deadline
from .assignment import AssignmentError, assign_counsellors, assignable_counsellors
from .export import build_dossier
from .summaries import refresh_stale

HISTORY_IN_ADMIN = 50


class DeadlineStatusFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            (DeadlineFilter.DUE_SOON, _("Due within a month")),
            (DeadlineFilter.OPEN, _("More than a month left")),
            (DeadlineFilter.PASSED, _("Passed")),
            (DeadlineFilter.UNKNOWN, _("Decision date unknown")),
            (DeadlineFilter.FILED, _("Application filed")),
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return filter_by_deadline(queryset, self.value(), timezone.localdate())


class MissingEvidenceFilter(admin.SimpleListFilter):
    """Filters on the stored summaries (``tracker.summaries``), brought up to date first where needed."""

    title = _("evidence")
    parameter_name = "evidence"

    def lookups(self, request, model_admin):
        return [("missing", _("Something missing")), ("complete", _("Complete"))]

    def queryset(self, request, queryset):
        if self.value() not in ("missing", "complete"):
            return queryset
        refresh_stale(queryset, timezone.localdate())
        if self.value() == "missing":
            return queryset.filter(summary__missing__gt=0)
        return queryset.filter(summary__missing=0)


class ReassignForm(forms.Form):
    counsellors = forms.ModelMultipleChoiceField(
        label=_("Counsellors"), queryset=assignable_counsellors(None), widget=forms.CheckboxSelectMultiple,
    )
    replace = forms.BooleanField(label=_("Remove the counsellors the cases have now"), required=False)

    def __init__(self, *args, organisation_ids=(), **kwargs):
        """Only counsellors of the selected cases' organisations (another's would be refused after sending),
        each named with their organisation: two Sanne de Vries of two organisations look alike."""
        super().__init__(*args, **kwargs)
        field = self.fields["counsellors"]
        field.queryset = (assignable_counsellors(None).filter(organisation_id__in=organisation_ids)
                          .select_related("organisation"))
        field.label_from_instance = lambda user: f"{user.get_full_name() or user.username} ({user.organisation})"


@admin.action(description=_("Reassign counsellors of the selected cases"), permissions=["change"])
def reassign_counsellors(modeladmin, request, queryset):
    form = ReassignForm(request.POST if "apply" in request.POST else None,
                        organisation_ids=set(queryset.values_list("organisation_id", flat=True)))
    if form.is_valid():
        try:
            assign_counsellors(queryset, form.cleaned_data["counsellors"], replace=form.cleaned_data["replace"],
                               actor=request.user, request=request)
        except AssignmentError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            return None
        updated = ngettext("Counsellors of %(count)d case updated.", "Counsellors of %(count)d cases updated.",
                           queryset.count())
        modeladmin.message_user(request, updated % {"count": queryset.count()},
                                messages.SUCCESS)
        return None
    return render(request, "admin/cases/case/reassign_counsellors.html", {
        **modeladmin.admin_site.each_context(request),
        "title": _("Reassign counsellors"),
        "form": form,
        "cases": queryset.select_related("sponsor"),
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    })


@admin.action(description=_("Export the dossiers of the selected cases (ZIP)"), permissions=["view"])
def export_dossiers(modeladmin, request, queryset):
    """One case: its dossier. Several: a ZIP holding each case's dossier."""
    cases = list(queryset.select_related("sponsor"))
    if len(cases) == 1:
        dossier = build_dossier(cases[0])
        record_event(actor=request.user, action=AuditEvent.Action.EXPORT, target=cases[0], case_id=cases[0].pk,
                     request=request)
        return FileResponse(dossier.file, as_attachment=True, filename=dossier.filename,
                            content_type="application/zip")
    bundle = tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024)
    with zipfile.ZipFile(bundle, "w") as archive:
        for case in cases:
            dossier = build_dossier(case)
            with archive.open(dossier.filename, "w") as target:
                while chunk := dossier.file.read(1024 * 1024):
                    target.write(chunk)
            record_event(actor=request.user, action=AuditEvent.Action.EXPORT, target=case, case_id=case.pk,
                         request=request)
    bundle.seek(0)
    return FileResponse(bundle, as_attachment=True, content_type="application/zip",
                        filename=f"nareis-dossiers-{timezone.localdate().isoformat()}.zip")


@admin.action(description=_("Read the failed documents of the selected cases again (OCR)"), permissions=["change"])
def read_failed_documents_again(modeladmin, request, queryset):
    documents = Document.objects.filter(case__in=queryset, status=Document.Status.FAILED)
    count = read_again(documents, actor=request.user, request=request)
    queued = ngettext("%(count)d document queued to be read again.", "%(count)d documents queued to be read again.",
                      count)
    modeladmin.message_user(request, queued % {"count": count})


@admin.display(description=_("History of changes"))
def case_history(case) -> str:
    """The audit trail of the case, read-only, with a link to all of it."""
    if case.pk is None:
        return "-"
    events = AuditEvent.objects.filter(case_id=case.pk).exclude(action=AuditEvent.Action.VIEW)[:HISTORY_IN_ADMIN]
    rows = format_html_join(
        "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        ((timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M"), e.actor_name or "-", e.get_action_display(),
          e.target_repr, ", ".join(f"{k}: {v[0]} → {v[1]}" if isinstance(v, list) and len(v) == 2 else k
                                    for k, v in e.changes.items()))
         for e in events),
    )
    link = reverse("admin:audit_auditevent_changelist") + f"?case_id={case.pk}"
    return format_html('<table><tbody>{}</tbody></table><p><a href="{}">{}</a></p>', rows, link,
                       _("Every event of this case"))
