from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.urls import reverse
from django.utils.html import format_html

from .models import AuditEvent
from .services import record_event


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "target_type", "target_id", "target_repr", "case_link", "ip_address")
    list_filter = ("action", "target_type")
    search_fields = ("actor_name", "target_repr", "target_id", "=case_id")
    date_hierarchy = "at"

    @admin.display(description="case", ordering="case_id")
    def case_link(self, event: AuditEvent):
        """The case's number leads to all of its events: they outlive a purged case, whose page does not."""
        if event.case_id is None:
            return "-"
        return format_html('<a href="{}?case_id={}">{}</a>', reverse("admin:audit_auditevent_changelist"),
                           event.case_id, event.case_id)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


class AuditedAdminMixin:
    """For ModelAdmins of a case's data (cases, documents, family members, explanations, letters): an admin's
    opening, saving and deleting is recorded like anyone's."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                record_event(actor=request.user, action=AuditEvent.Action.VIEW, target=obj,
                             case_id=_case_id_of(obj), request=request)
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changes = {name: [form.initial.get(name), form.cleaned_data.get(name)]
                   for name in form.changed_data}
        record_event(actor=request.user, action=AuditEvent.Action.CHANGE if change else AuditEvent.Action.CREATE,
                     target=obj, case_id=_case_id_of(obj), changes=changes, request=request)

    def delete_model(self, request, obj):
        record_event(actor=request.user, action=AuditEvent.Action.DELETE, target=obj, case_id=_case_id_of(obj),
                     request=request)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record_event(actor=request.user, action=AuditEvent.Action.DELETE, target=obj, case_id=_case_id_of(obj),
                         request=request)
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        """Rows edited, added or deleted in the inlines (a case's family members, explanations,
        letters) are recorded one event each, like the object's own fields."""
        deleted = [(row.instance, row.instance.pk) for row in formset.deleted_forms if row.instance.pk]
        super().save_formset(request, form, formset, change)
        rows = {row.instance.pk: row for row in formset.forms if row.instance.pk}
        for obj, changed in formset.changed_objects:
            row = rows[obj.pk]
            record_event(actor=request.user, action=AuditEvent.Action.CHANGE, target=obj, case_id=_case_id_of(obj),
                         changes={name: [row.initial.get(name), row.cleaned_data.get(name)] for name in changed},
                         request=request)
        for obj in formset.new_objects:
            record_event(actor=request.user, action=AuditEvent.Action.CREATE, target=obj, case_id=_case_id_of(obj),
                         request=request)
        for obj, pk in deleted:
            obj.pk = pk  # Django clears it on deletion; the event names the row that went
            record_event(actor=request.user, action=AuditEvent.Action.DELETE, target=obj, case_id=_case_id_of(obj),
                         request=request)


def _case_id_of(obj) -> int | None:
    return getattr(obj, "case_id", None) or obj.pk
