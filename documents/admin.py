from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
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
