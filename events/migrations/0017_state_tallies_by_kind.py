import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0016_policy_tally'),
        ('jurisdictions', '0005_population_source'),
    ]

    operations = [
        migrations.CreateModel(
            name='StatePairTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(help_text='The state filtered on.', max_length=2)),
                ('other_state', models.CharField(help_text='A state the same events involve (itself included).', max_length=2)),
                ('kind', models.CharField(choices=[('federal_action', 'Federal action'), ('court_ruling', 'Court ruling'), ('policy_change', 'Policy change'), ('enforcement_operation', 'Enforcement operation')], max_length=24)),
                ('n', models.IntegerField(help_text='Published events.')),
            ],
            options={
                'ordering': ['state', 'other_state', 'kind'],
                'constraints': [models.UniqueConstraint(fields=('state', 'other_state', 'kind'), name='state_pair_tally_key')],
            },
        ),
        migrations.CreateModel(
            name='StatePlaceKindTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(help_text='The state filtered on.', max_length=2)),
                ('kind', models.CharField(choices=[('federal_action', 'Federal action'), ('court_ruling', 'Court ruling'), ('policy_change', 'Policy change'), ('enforcement_operation', 'Enforcement operation')], max_length=24)),
                ('n', models.IntegerField(help_text='Published events.')),
                ('jurisdiction', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='jurisdictions.jurisdiction')),
            ],
            options={
                'ordering': ['state', 'jurisdiction', 'kind'],
                'constraints': [models.UniqueConstraint(fields=('state', 'jurisdiction', 'kind'), name='state_place_kind_tally_key')],
            },
        ),
    ]


# The whole summary was counted again here (rebuild_tallies) until 0018 added two more tallies: the
# code that recounts expects every table of the summary to exist, so the recount runs in the latest
# migration that adds or changes one (now 0018).
