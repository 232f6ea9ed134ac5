from django.db import migrations, models


class Migration(migrations.Migration):
    """A unit's measures by deadline: a tree's page of its soonest measures is read off this
    index, unit by unit, instead of sorting every measure the tree leads."""

    dependencies = [
        ("ledger", "0022_measure_round_status_due_holds_the_key"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="measure",
            index=models.Index(
                fields=["lead_unit", "deadline", "position"], name="measure_unit_due"
            ),
        ),
    ]
