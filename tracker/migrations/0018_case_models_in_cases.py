"""Case and FamilyMember now live in cases (cases 0001): tracker's foreign keys point there and the models leave
tracker's state. Nothing changes in the database but the content types' app label, so the permissions, groups
and admin log entries that refer to them stay attached.

Audit events keep the label they were written with (append-only): tracker.history reads the old labels too.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ("case", "familymember")


def content_types_to(old_app: str, new_app: str):
    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MOVED:
            # A content type made for the new label before this ran (a migrate interrupted after cases 0001) has
            # no permissions anyone was given: the old one, with its permissions, takes its place.
            ContentType.objects.filter(app_label=new_app, model=model).delete()
            ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)
    return rename


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0010_case_models_in_cases'),
        ('tracker', '0017_notification'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='consistencynote',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consistency_notes', to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='remindersent',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders_sent', to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='casesummary',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='summary', serialize=False, to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='casenote',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='cases.case', verbose_name='case'),
                ),
                migrations.AlterField(
                    model_name='explanation',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='explanations', to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='decisiondateproposal',
                    name='case',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='cases.case'),
                ),
                migrations.AlterField(
                    model_name='indletter',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ind_letters', to='cases.case', verbose_name='case'),
                ),
                migrations.AlterField(
                    model_name='explanation',
                    name='member',
                    field=models.ForeignKey(blank=True, help_text='Empty for the sponsor.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='explanations', to='cases.familymember'),
                ),
                migrations.AlterField(
                    model_name='consistencynote',
                    name='member',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consistency_notes', to='cases.familymember'),
                ),
                migrations.AlterField(
                    model_name='notification',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='cases.case'),
                ),
                migrations.DeleteModel(
                    name='FamilyMember',
                ),
                migrations.DeleteModel(
                    name='Case',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to("tracker", "cases"), content_types_to("cases", "tracker")),
    ]
