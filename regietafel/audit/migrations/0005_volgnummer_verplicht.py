"""The chain's volgnummer is unique and required; a provincie or gemeente with history is
never deleted (the scope is sealed in the hash, clearing it would break the chain)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_historie_als_keten"),
        ("gemeenten", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditregel",
            name="volgnummer",
            field=models.PositiveBigIntegerField(
                editable=False, unique=True, verbose_name="volgnummer"
            ),
        ),
        migrations.AlterField(
            model_name="auditregel",
            name="provincie",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="gemeenten.provincie",
                verbose_name="provincie",
            ),
        ),
        migrations.AlterField(
            model_name="auditregel",
            name="gemeente",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="gemeenten.gemeente",
                verbose_name="gemeente",
            ),
        ),
    ]
