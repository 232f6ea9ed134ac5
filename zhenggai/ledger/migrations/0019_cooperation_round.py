import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_from_measures(apps, schema_editor):
    Measure = apps.get_model("ledger", "Measure")
    MeasureCooperation = apps.get_model("ledger", "MeasureCooperation")
    measure = Measure.objects.filter(pk=OuterRef("measure_id"))
    MeasureCooperation.objects.update(
        round_id=Subquery(measure.values("round_id")[:1]),
        problem_id=Subquery(measure.values("problem_id")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0018_problem_unit_round"),
    ]

    operations = [
        migrations.AddField(
            model_name="measurecooperation",
            name="round",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="ledger.inspectionround",
            ),
        ),
        migrations.AddField(
            model_name="measurecooperation",
            name="problem",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="ledger.problem",
            ),
        ),
        migrations.RunPython(copy_from_measures, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="measurecooperation",
            name="round",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                to="ledger.inspectionround",
            ),
        ),
        migrations.AlterField(
            model_name="measurecooperation",
            name="problem",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                to="ledger.problem",
            ),
        ),
        migrations.AlterField(
            model_name="measurecooperation",
            name="unit",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                to="ledger.unit",
            ),
        ),
        migrations.AddIndex(
            model_name="measurecooperation",
            index=models.Index(
                fields=["unit", "round", "problem", "measure"], name="cooperation_unit_round"
            ),
        ),
    ]
