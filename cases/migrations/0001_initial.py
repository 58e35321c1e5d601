"""Case and FamilyMember move from tracker to cases, the shared core below documents and tracker.

In the migrations' state only: the tables keep their names (tracker_case, tracker_familymember,
tracker_case_counsellors) and nothing in the database changes here. tracker 0018 takes the models out of tracker's
state and renames their content types, so permissions and admin history stay attached.
"""

import cases.codes
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0005_preferred_language_somali_turkish'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('tracker', '0017_notification'),  # the tables exist
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Case',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sponsor_birth_date', models.DateField(blank=True, null=True, verbose_name="sponsor's date of birth")),
                        ('v_number', models.CharField(blank=True, db_index=True, max_length=20, verbose_name='V-number')),
                        ('permit_decision_date', models.DateField(blank=True, help_text='The nareis deadline is three months after this date.', null=True, verbose_name='date on the asylum decision')),
                        ('permit_type', models.CharField(choices=[('refugee', 'Refugee status'), ('subsidiary', 'Subsidiary protection')], default='refugee', max_length=20, verbose_name='permit type')),
                        ('proposed_decision_date', models.DateField(blank=True, null=True, verbose_name='date read from the asylum decision')),
                        ('application_filed_on', models.DateField(blank=True, help_text='Once filed, the nareis deadline is met: no more deadline reminders.', null=True, verbose_name='application filed on')),
                        ('planned_filing_on', models.DateField(blank=True, help_text="The day the application will be filed: children's ages are judged on it.", null=True, verbose_name='application to be filed on')),
                        ('sponsor_asylum_application_date', models.DateField(blank=True, help_text='A sponsor under 18 on this day counts as a minor sponsor (often on the asylum decision).', null=True, verbose_name='date the sponsor signed the asylum application')),
                        ('policy_override', models.CharField(blank=True, choices=[('', 'By the filing date'), (cases.codes.PolicyName['BEFORE_TWO_STATUS'], 'Rules before the two-status law'), (cases.codes.PolicyName['TWO_STATUS'], 'Rules of the two-status law')], max_length=30, verbose_name='rules that apply')),
                        ('policy_override_reason', models.TextField(blank=True, verbose_name='why these rules apply')),
                        ('late_reason', models.TextField(blank=True, help_text='After the deadline: apply at once and explain the delay to the IND.', verbose_name='why the application is late')),
                        ('decision_date_to_check', models.BooleanField(default=False, verbose_name='decision date to be checked by a counsellor')),
                        ('members_changed_by_sponsor_at', models.DateTimeField(blank=True, null=True, verbose_name='family changed by the sponsor')),
                        ('closed_on', models.DateField(blank=True, null=True, verbose_name='closed on')),
                        ('close_reason', models.CharField(blank=True, choices=[('arrived', 'The family has arrived'), ('decided', 'The application was decided'), ('withdrawn', 'The application was withdrawn')], max_length=20, verbose_name='why it was closed')),
                        ('purge_after', models.DateField(blank=True, null=True, verbose_name='purged after')),
                        ('purge_warned_on', models.DateField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('counsellors', models.ManyToManyField(blank=True, db_table='tracker_case_counsellors', related_name='counselled_cases', to=settings.AUTH_USER_MODEL, verbose_name='counsellors')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='accounts.organisation', verbose_name='organisation')),
                        ('sponsor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sponsored_cases', to=settings.AUTH_USER_MODEL, verbose_name='sponsor')),
                    ],
                    options={
                        'verbose_name': 'case',
                        'verbose_name_plural': 'cases',
                        'db_table': 'tracker_case',
                        'ordering': ['permit_decision_date', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='FamilyMember',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('relation', models.CharField(choices=[('spouse', 'Spouse'), ('partner', 'Unmarried partner'), ('child', 'Child'), ('partner_child', 'Child of the partner'), ('adult_child', 'Adult child'), ('parent', 'Parent'), ('sibling', 'Brother or sister'), ('foster_child', 'Foster child')], max_length=20, verbose_name='relation to the sponsor')),
                        ('given_names', models.CharField(max_length=200, verbose_name='given names')),
                        ('surname', models.CharField(max_length=200, verbose_name='surname')),
                        ('birth_date', models.DateField(blank=True, null=True, verbose_name='date of birth')),
                        ('sex', models.CharField(blank=True, choices=[('F', 'Female'), ('M', 'Male'), ('X', 'Other or unknown')], max_length=1, verbose_name='sex')),
                        ('mentioned_in_asylum_procedure', models.BooleanField(default=True, verbose_name='mentioned during the asylum procedure')),
                        ('belongs_to_family', models.BooleanField(default=True, verbose_name='belonged to the family abroad')),
                        ('other_parent_stays_behind', models.BooleanField(default=False, verbose_name='the other parent stays behind')),
                        ('married', models.BooleanField(default=False, verbose_name='married')),
                        ('in_relationship', models.BooleanField(default=False, verbose_name='in a relationship of their own')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='cases.case', verbose_name='case')),
                        ('other_parent', models.ForeignKey(blank=True, help_text="For a child: the family member who is the child's other parent.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cases.familymember', verbose_name='other parent')),
                    ],
                    options={
                        'verbose_name': 'family member',
                        'verbose_name_plural': 'family members',
                        'db_table': 'tracker_familymember',
                        'ordering': ['case', 'id'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
