from django.db import migrations

DEFAULT_ORGANISATION_NAME = "Nareis"  # accounts.models.DEFAULT_ORGANISATION_NAME, frozen here


def into_default_organisation(apps, schema_editor):
    """Cases, counsellors and coordinators from before organisations join one default organisation."""
    Case = apps.get_model("tracker", "Case")
    User = apps.get_model("accounts", "User")
    Organisation = apps.get_model("accounts", "Organisation")
    staff = User.objects.filter(role__in=["counsellor", "coordinator"], organisation__isnull=True)
    cases = Case.objects.filter(organisation__isnull=True)
    if not (cases.exists() or staff.exists()):
        return
    organisation, _ = Organisation.objects.get_or_create(name=DEFAULT_ORGANISATION_NAME)
    cases.update(organisation=organisation)
    staff.update(organisation=organisation)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_case_organisation")]

    operations = [migrations.RunPython(into_default_organisation, migrations.RunPython.noop)]
