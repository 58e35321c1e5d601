from django.contrib import admin

from documents.models import Document

from .models import Case, Explanation, FamilyMember


class FamilyMemberInline(admin.TabularInline):
    model = FamilyMember
    extra = 0
    fields = ("relation", "given_names", "surname", "birth_date", "mentioned_in_asylum_procedure",
              "belongs_to_family", "other_parent_stays_behind", "married", "in_relationship")


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ("original_name", "status", "kind", "confidence", "review_status", "created_at")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # documents come in through the upload, which checks and queues them


class ExplanationInline(admin.TabularInline):
    model = Explanation
    extra = 0
    fields = ("member", "requirement", "text", "created_by", "created_at")
    readonly_fields = ("created_by", "created_at")


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("id", "sponsor", "v_number", "permit_type", "permit_decision_date", "deadline", "member_count")
    list_filter = ("permit_type", "counsellors")
    search_fields = ("sponsor__username", "sponsor__first_name", "sponsor__last_name", "v_number",
                     "members__given_names", "members__surname")
    date_hierarchy = "permit_decision_date"
    filter_horizontal = ("counsellors",)
    autocomplete_fields = ("sponsor",)
    inlines = [FamilyMemberInline, DocumentInline, ExplanationInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("sponsor").annotate(_member_count=Count("members"))

    @admin.display(description="members", ordering="_member_count")
    def member_count(self, case):
        return case._member_count


@admin.register(FamilyMember)
class FamilyMemberAdmin(admin.ModelAdmin):
    list_display = ("full_name", "relation", "birth_date", "case", "mentioned_in_asylum_procedure")
    list_filter = ("relation", "mentioned_in_asylum_procedure", "belongs_to_family", "other_parent_stays_behind")
    search_fields = ("given_names", "surname", "case__v_number", "case__sponsor__username")
    list_select_related = ("case__sponsor",)


@admin.register(Explanation)
class ExplanationAdmin(admin.ModelAdmin):
    list_display = ("case", "member", "requirement", "created_by", "created_at")
    list_filter = ("requirement",)
    search_fields = ("text", "case__v_number")
