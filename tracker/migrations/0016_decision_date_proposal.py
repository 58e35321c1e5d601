"""The document a proposed decision date was read from moves off the case into tracker.DecisionDateProposal,
so that the case (the shared core, below documents) no longer points up to documents. Links are kept."""

import django.db.models.deletion
from django.db import migrations, models


def link_to_proposal(apps, schema_editor):
    Case = apps.get_model("tracker", "Case")
    DecisionDateProposal = apps.get_model("tracker", "DecisionDateProposal")
    DecisionDateProposal.objects.bulk_create(
        DecisionDateProposal(case_id=case_id, document_id=document_id)
        for case_id, document_id in Case.objects.filter(proposed_decision_document__isnull=False)
        .values_list("pk", "proposed_decision_document_id").iterator()
    )


def proposal_to_link(apps, schema_editor):
    Case = apps.get_model("tracker", "Case")
    DecisionDateProposal = apps.get_model("tracker", "DecisionDateProposal")
    for proposal in DecisionDateProposal.objects.iterator():
        Case.objects.filter(pk=proposal.case_id).update(proposed_decision_document_id=proposal.document_id)


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0007_document_expiry_date'),
        ('tracker', '0015_summary_completion_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='DecisionDateProposal',
            fields=[
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='tracker.case')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='documents.document', verbose_name='asylum decision read')),
            ],
        ),
        migrations.RunPython(link_to_proposal, proposal_to_link),
        migrations.RemoveField(
            model_name='case',
            name='proposed_decision_document',
        ),
    ]
