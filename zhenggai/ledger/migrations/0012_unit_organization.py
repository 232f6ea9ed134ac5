"""Every unit belongs to an organization: each root unit founds one of its own name, and its
whole tree belongs to it."""

import django.db.models.deletion
from django.db import migrations, models


def found_organizations(apps, schema_editor):
    Organization = apps.get_model("authority", "Organization")
    Unit = apps.get_model("ledger", "Unit")
    for root in Unit.objects.filter(parent=None).order_by("path"):
        organization = Organization.objects.create(name=root.name)
        Unit.objects.filter(path__startswith=root.path).update(organization=organization)


class Migration(migrations.Migration):
    dependencies = [
        ("authority", "0001_initial"),
        ("ledger", "0011_burn_down_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="unit",
            name="organization",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="units",
                to="authority.organization",
                verbose_name="组织",
            ),
        ),
        migrations.RunPython(found_organizations, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="unit",
            name="organization",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="units",
                to="authority.organization",
                verbose_name="组织",
            ),
        ),
    ]
