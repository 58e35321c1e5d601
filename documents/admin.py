from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.admin import AuditedAdminMixin
from audit.models import AuditEvent
from audit.services import record_event

from .bin import AlreadyInCase, restore_document
from .messages import doubt_message
from .models import Document
from .services import delete_document, read_again


@admin.action(description=_("Read the selected documents again (OCR)"), permissions=["change"])
def read_documents_again(modeladmin, request, queryset):
    count = read_again(queryset, actor=request.user, request=request)
    queued = ngettext("%(count)d document queued to be read again.", "%(count)d documents queued to be read again.",
                      count)
    modeladmin.message_user(request, queued % {"count": count})


@admin.action(description=_("Put the selected documents back from the bin"), permissions=["change"])
def restore_from_bin(modeladmin, request, queryset):
    restored = 0
    for document in queryset.filter(removed_at__isnull=False):
        try:
            restore_document(document, actor=request.user, request=request)
            restored += 1
        except AlreadyInCase as refusal:
            modeladmin.message_user(request, str(refusal), messages.WARNING)
    put_back = ngettext("%(count)d document put back from the bin.", "%(count)d documents put back from the bin.",
                        restored)
    modeladmin.message_user(request, put_back % {"count": restored})


class InBinFilter(admin.SimpleListFilter):
    title = _("bin")
    parameter_name = "bin"

    def lookups(self, request, model_admin):
        return (("in", _("In the bin")), ("out", _("Not in the bin")))

    def queryset(self, request, queryset):
        if self.value() == "in":
            return queryset.filter(removed_at__isnull=False)
        if self.value() == "out":
            return queryset.filter(removed_at__isnull=True)
        return queryset


@admin.register(Document)
class DocumentAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("original_name", "case", "status", "kind", "confidence", "review_status", "created_at",
                    "removed_at")
    list_filter = (InBinFilter, "status", "kind", "review_status", "content_type")
    search_fields = ("original_name", "sha256", "case__v_number", "case__sponsor__username", "ocr_text")
    list_select_related = ("case__sponsor",)
    date_hierarchy = "created_at"
    filter_horizontal = ("members",)
    # The stored file is shown through the document's own page (permission-checked, audited): MEDIA_ROOT is
    # served by no URL, so the storage's own link would lead nowhere.
    readonly_fields = ("stored_file", "content_type", "size", "sha256", "uploaded_by", "status", "attempts",
                       "error_message", "confidence", "doubt", "languages", "ocr_text", "mrz", "fields",
                       "removed_at", "removed_by", "removal_requested_at", "created_at", "updated_at", "processed_at")
    fieldsets = (
        (None, {"fields": ("case", "stored_file", "original_name", "content_type", "size", "sha256", "uploaded_by")}),
        ("Reading", {"fields": ("status", "attempts", "error_message", "processed_at", "kind", "confidence",
                                   "doubt", "languages", "mrz", "fields", "ocr_text")}),
        ("Evidence", {"fields": ("members", "translation_of", "review_status", "review_reason")}),
        ("Bin", {"fields": ("removed_at", "removed_by", "removal_requested_at")}),
        (None, {"fields": ("created_at", "updated_at")}),
    )
    raw_id_fields = ("case", "translation_of")
    actions = [read_documents_again, restore_from_bin]

    def has_add_permission(self, request):
        return False  # documents come in through the upload, which checks, stores and queues them

    @admin.display(description=_("file"))
    def stored_file(self, document):
        if not document.pk or not document.file:
            return "-"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>',
                           reverse("documents:file", args=[document.pk]), _("Open the file"))

    @admin.display(description=_("doubt"))
    def doubt(self, document):
        return doubt_message((document.fields or {}).get("unsure")) or "-"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            # Only the members of the document's own case: a document never gives evidence about another family.
            case_id = getattr(request, "_document_case_id", None)
            kwargs["queryset"] = db_field.related_model.objects.filter(case_id=case_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        request._document_case_id = obj.case_id if obj is not None else None
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.set_by_hand = obj.hand_set_after(form.changed_data)  # a new reading leaves the admin's kind and links
        super().save_model(request, obj, form, change)

    # Deleting in the admin removes the stored file too.
    def delete_model(self, request, obj):
        record_event(actor=request.user, action=AuditEvent.Action.DELETE, target=obj, case_id=obj.case_id,
                     request=request)
        delete_document(obj)

    def delete_queryset(self, request, queryset):
        for document in queryset:
            self.delete_model(request, document)
