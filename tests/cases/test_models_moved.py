"""Case and FamilyMember moved from tracker to cases without touching the tables: what referred to them stays."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from cases.models import Case, FamilyMember
from tests.factories import CounsellorFactory

pytestmark = pytest.mark.django_db

move = importlib.import_module("tracker.migrations.0018_case_models_in_cases")


def test_the_tables_keep_their_names():
    assert Case._meta.db_table == "tracker_case"
    assert FamilyMember._meta.db_table == "tracker_familymember"
    assert Case.counsellors.through._meta.db_table == "tracker_case_counsellors"


def test_a_permission_given_on_the_old_content_type_holds_after_the_rename():
    # The database as it was: the content type under tracker, a counsellor given a permission on it.
    ContentType.objects.filter(app_label="cases", model__in=move.MOVED).delete()
    old = ContentType.objects.create(app_label="tracker", model="case")
    permission = Permission.objects.create(content_type=old, codename="change_case", name="Can change case")
    counsellor = CounsellorFactory()
    counsellor.user_permissions.add(permission)
    try:
        move.content_types_to("tracker", "cases")(apps, None)

        renamed = ContentType.objects.get(pk=old.pk)
        assert (renamed.app_label, renamed.model) == ("cases", "case")
        assert not ContentType.objects.filter(app_label="tracker", model="case").exists()
        assert Permission.objects.get(pk=permission.pk).content_type_id == old.pk
        assert counsellor.user_permissions.filter(content_type__app_label="cases", codename="change_case").exists()
    finally:
        ContentType.objects.clear_cache()
