
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0015_tally_version_per_table'),
        ('jurisdictions', '0005_population_source'),
    ]

    operations = [
        migrations.CreateModel(
            name='PolicyTally',
            fields=[
                ('policy', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='jurisdictions.policy')),
                ('changes', models.IntegerField(help_text='Recorded changes to the policy, in events of any status.')),
                ('published', models.IntegerField(help_text='Those in published events.')),
            ],
            options={
                'ordering': ['policy'],
                'constraints': [models.CheckConstraint(condition=models.Q(('changes__gt', 0)), name='policy_tally_has_changes'), models.CheckConstraint(condition=models.Q(('published__gte', 0), ('published__lte', models.F('changes'))), name='policy_tally_published_within_changes')],
            },
        ),
    ]


def fill_summary(apps, schema_editor):
    # The whole summary counted again with the current code, the policies' tallies with it; afterwards
    # every change keeps it up to date (events/tallies.py). The code expects every table of the summary
    # to exist, so this runs in the latest migration that adds or changes one (0012, 0014 and 0015
    # leave it to this one).
    from events.tallies import rebuild_tallies

    rebuild_tallies()


Migration.operations += [migrations.RunPython(fill_summary, migrations.RunPython.noop)]
