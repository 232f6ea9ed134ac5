import django.db.models.deletion
from django.db import migrations, models

from zhenggai.ledger import responsibilities


def install(apps, schema_editor):
    for statement in responsibilities.rebuilt(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def remove(apps, schema_editor):
    for statement in responsibilities.remove(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    """Which units answer for each measure, in a table the database keeps: the scopes read a
    tree's measures off one index instead of a UNION of three."""

    dependencies = [
        ("ledger", "0023_measure_unit_due"),
    ]

    operations = [
        migrations.CreateModel(
            name="Responsibility",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "measure",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="ledger.measure",
                    ),
                ),
                (
                    "problem",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="ledger.problem",
                    ),
                ),
                (
                    "round",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="ledger.inspectionround",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="ledger.unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "责任单位",
                "verbose_name_plural": "责任单位",
                "default_permissions": (),
                "indexes": [
                    models.Index(
                        fields=["unit", "round", "problem", "measure"],
                        name="responsibility_unit_round",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("measure", "unit"), name="responsibility_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(install, remove),
    ]
