from django.db import migrations, models


class Migration(migrations.Migration):
    """The (round, status, deadline) index holds the measure's key too: PostgreSQL then finds a
    round's closed measures for the close-out figures in the index alone."""

    dependencies = [
        ("ledger", "0021_red_list_by_round"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="measure", name="measure_round_status_due"),
        migrations.AddIndex(
            model_name="measure",
            index=models.Index(
                fields=["round", "status", "deadline", "id"], name="measure_round_status_due"
            ),
        ),
    ]
