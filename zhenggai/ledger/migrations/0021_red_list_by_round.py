from django.db import migrations, models


class Migration(migrations.Migration):
    """A round's red measures in the order of its red list; the index of (round, light) it
    widens goes."""

    dependencies = [
        ("ledger", "0020_round_figures_from_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="measure",
            index=models.Index(
                fields=["round", "light", "deadline", "position"], name="measure_round_light"
            ),
        ),
        migrations.RemoveIndex(model_name="measure", name="ledger_meas_round_i_5cae50_idx"),
    ]
