
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

# The summary, the policies' tallies with it, is recounted in 0017_state_tallies_by_kind (the latest that adds a
# table to it: the code that recounts expects every one to exist).
