import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The close-out figures read from one index; it begins with the measure, so the foreign
    key's own index goes."""

    dependencies = [
        ("carryout", "0004_evidence_size_label"),
        ("ledger", "0020_round_figures_from_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="verification",
            index=models.Index(
                fields=["measure", "result", "briefing_only"], name="verification_close_out"
            ),
        ),
        migrations.AlterField(
            model_name="verification",
            name="measure",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="verifications",
                to="ledger.measure",
                verbose_name="整改措施",
            ),
        ),
    ]
