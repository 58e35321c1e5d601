from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "organisation", "is_staff", "is_active",
                    "last_login")
    list_filter = ("role", "organisation", "is_staff", "is_superuser", "is_active")
    list_select_related = ("organisation",)
    fieldsets = DjangoUserAdmin.fieldsets + (("Nareis", {"fields": ("role", "organisation", "preferred_language")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (("Nareis", {"fields": ("role", "organisation")}),)
