"""Document.case and Document.members point to the models' new home, cases (state only: the columns and the
documents_document_members table are unchanged)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0001_initial'),
        ('documents', '0009_document_organisation_one_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='document',
                    name='case',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='cases.case', verbose_name='case'),
                ),
                migrations.AlterField(
                    model_name='document',
                    name='members',
                    field=models.ManyToManyField(blank=True, help_text='The family members this document gives evidence about. None: the sponsor.', related_name='documents', to='cases.familymember', verbose_name='family members'),
                ),
            ],
            database_operations=[],
        ),
    ]
