from django import forms
from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.utils.translation import gettext_lazy as _

from audit.admin import AuditedAdminMixin
from cases.models import Case, FamilyMember
from documents.models import Document

from . import admin_oversight
from .assignment import AssignmentError, assignable_counsellors, check_assignable
from .models import Explanation, IndLetter, Notification, ReminderSent
from .purging import purge_case


class CaseMembersFormSet(forms.BaseInlineFormSet):
    """Rows of a case whose fields name a family member offer the members of that case only (``member_fields``):
    the admin's own drop-down would list every member of every case, and a pick from another case would be saved."""

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "case": self.instance}


class CaseMembersForm(forms.ModelForm):
    member_fields: tuple[str, ...] = ()

    def __init__(self, *args, case: Case | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        members = case.members.all() if case is not None and case.pk else FamilyMember.objects.none()
        if isinstance(self.instance, FamilyMember) and self.instance.pk:
            members = members.exclude(pk=self.instance.pk)  # nobody is their own other parent
        for name in self.member_fields:
            if name in self.fields:
                self.fields[name].queryset = members


class FamilyMemberInlineForm(CaseMembersForm):
    member_fields = ("other_parent",)


class ExplanationInlineForm(CaseMembersForm):
    member_fields = ("member",)


class FamilyMemberInline(admin.TabularInline):
    model = FamilyMember
    form = FamilyMemberInlineForm
    formset = CaseMembersFormSet
    extra = 0
    # Sex and the other parent decide what a child's checklist asks (consent of the parent who stays behind).
    fields = ("relation", "given_names", "surname", "birth_date", "sex", "mentioned_in_asylum_procedure",
              "belongs_to_family", "other_parent_stays_behind", "other_parent", "married", "in_relationship")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "other_parent":  # no pop-up to add or change a member of just any case
            field.widget.can_add_related = field.widget.can_change_related = False
            field.widget.can_delete_related = field.widget.can_view_related = False
        return field


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
    form = ExplanationInlineForm
    formset = CaseMembersFormSet
    extra = 0
    fields = ("member", "requirement", "document_sought", "text", "attempts", "other_evidence", "remedy", "created_by",
              "created_at")
    readonly_fields = ("created_by", "created_at")


class IndLetterInline(admin.TabularInline):
    model = IndLetter
    extra = 0
    fields = ("kind", "received_on", "response_due", "subject", "answered_on")


class CaseAdminForm(forms.ModelForm):
    """Only counsellors can follow a case, and only those of the case's organisation."""

    class Meta:
        model = Case
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        organisation, counsellors = cleaned.get("organisation"), cleaned.get("counsellors")
        if organisation is not None and counsellors is not None:
            try:
                check_assignable(Case(organisation=organisation), counsellors)
            except AssignmentError as error:
                self.add_error("counsellors", str(error))
        return cleaned


@admin.register(Case)
class CaseAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = CaseAdminForm
    list_display = ("id", "sponsor", "organisation", "v_number", "permit_type", "permit_decision_date", "deadline", "member_count")
    list_filter = ("organisation", admin_oversight.DeadlineStatusFilter, admin_oversight.MissingEvidenceFilter,
                   "permit_type", "counsellors")
    search_fields = ("sponsor__username", "sponsor__first_name", "sponsor__last_name", "v_number",
                     "members__given_names", "members__surname")
    date_hierarchy = "permit_decision_date"
    filter_horizontal = ("counsellors",)
    autocomplete_fields = ("sponsor",)
    inlines = [FamilyMemberInline, DocumentInline, ExplanationInline, IndLetterInline]
    actions = ["purge_selected", admin_oversight.reassign_counsellors, admin_oversight.export_dossiers,
               admin_oversight.read_failed_documents_again]
    readonly_fields = (admin_oversight.case_history,)

    @admin.action(description=_("Purge selected cases: every row and stored file"), permissions=["delete"])
    def purge_selected(self, request, queryset):
        return delete_selected(self, request, queryset)  # Django's confirmation page, then delete_queryset

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # the same as "Purge selected cases", which says what it does
        return actions

    # Any deletion of a case in the admin is a purge: its files leave storage with its rows.
    def delete_model(self, request, obj):
        purge_case(obj, actor=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for case in queryset:
            purge_case(case, actor=request.user, request=request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "counsellors":
            kwargs["queryset"] = assignable_counsellors(None).select_related("organisation")
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            # Every organisation's counsellors are offered: name each one's, or two Sanne de Vries look alike
            # and the one of another organisation is refused only after saving.
            field.label_from_instance = lambda user: f"{user.get_full_name() or user.username} ({user.organisation})"
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("sponsor", "organisation").annotate(_member_count=Count("members"))

    @admin.display(description="members", ordering="_member_count")
    def member_count(self, case):
        return case._member_count


@admin.register(FamilyMember)
class FamilyMemberAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("full_name", "relation", "birth_date", "case", "mentioned_in_asylum_procedure")
    list_filter = ("relation", "mentioned_in_asylum_procedure", "belongs_to_family", "other_parent_stays_behind")
    search_fields = ("given_names", "surname", "case__v_number", "case__sponsor__username")
    list_select_related = ("case__sponsor",)
    autocomplete_fields = ("case",)  # a drop-down of every case would name each case's sponsor: a query per case


@admin.register(Explanation)
class ExplanationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("case", "member", "requirement", "created_by", "created_at")
    list_filter = ("requirement",)
    search_fields = ("text", "case__v_number")
    list_select_related = ("case__sponsor", "member", "created_by")
    autocomplete_fields = ("case", "member")


@admin.register(IndLetter)
class IndLetterAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("case", "kind", "received_on", "response_due", "answered_on", "subject")
    list_filter = ("kind", ("answered_on", admin.EmptyFieldListFilter))
    search_fields = ("subject", "case__v_number", "case__sponsor__username")
    list_select_related = ("case__sponsor",)
    autocomplete_fields = ("case",)
    date_hierarchy = "response_due"


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    """What reminders went out: a log, read-only."""

    list_display = ("sent_at", "case", "due_on", "days_before", "recipients")
    list_select_related = ("case__sponsor",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """E-mails and text messages to sponsors: what is sent, and what still waits (with the last error), read-only."""

    list_display = ("created_at", "case", "notice", "channel", "sent_at", "attempts", "unknown_outcomes", "last_error")
    list_filter = ("channel", "notice", ("sent_at", admin.EmptyFieldListFilter))
    list_select_related = ("case__sponsor",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
