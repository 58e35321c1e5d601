from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from audit.admin import AuditedAdminMixin
from audit.models import AuditEvent
from audit.services import record_event

from .models import Document
from .services import delete_document, read_again


@admin.action(description=_("Read the selected documents again (OCR)"), permissions=["change"])
def read_documents_again(modeladmin, request, queryset):
    count = read_again(queryset, actor=request.user, request=request)
    modeladmin.message_user(request, _("%(count)d documents queued to be read again.") % {"count": count})


@admin.register(Document)
class DocumentAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("original_name", "case", "status", "kind", "confidence", "review_status", "created_at")
    list_filter = ("status", "kind", "review_status", "content_type")
    search_fields = ("original_name", "sha256", "case__v_number", "case__sponsor__username", "ocr_text")
    list_select_related = ("case__sponsor",)
    date_hierarchy = "created_at"
    filter_horizontal = ("members",)
    readonly_fields = ("file", "content_type", "size", "sha256", "uploaded_by", "status", "attempts", "error_message",
                       "confidence", "languages", "ocr_text", "mrz", "fields", "created_at", "updated_at", "processed_at")
    fieldsets = (
        (None, {"fields": ("case", "file", "original_name", "content_type", "size", "sha256", "uploaded_by")}),
        ("Reading", {"fields": ("status", "attempts", "error_message", "processed_at", "kind", "confidence",
                                "languages", "mrz", "fields", "ocr_text")}),
        ("Evidence", {"fields": ("members", "translation_of", "review_status", "review_reason")}),
        (None, {"fields": ("created_at", "updated_at")}),
    )
    raw_id_fields = ("case", "translation_of")
    actions = [read_documents_again]

    # Deleting in the admin removes the stored file too.
    def delete_model(self, request, obj):
        record_event(actor=request.user, action=AuditEvent.Action.DELETE, target=obj, case_id=obj.case_id,
                     request=request)
        delete_document(obj)

    def delete_queryset(self, request, queryset):
        for document in queryset:
            self.delete_model(request, document)
