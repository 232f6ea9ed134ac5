"""Until now a login's role followed from its person's unit. A unit of kind office (整改办) or
committee (党委/政法委), or one whose tree holds a round's office, made it run the rounds of
its tree (an 整改办 works for the unit above it); any other unit made it report for its tree;
a leader (班子成员) led. These become role assignments over the organization, for that unit,
so that everything behaves as before."""

from django.db import migrations

RUNS_ROUNDS = ("office", "committee")


def _tree(unit) -> str:
    if unit.kind == "office" and unit.parent_id:
        return unit.path.rsplit("/", 2)[0] + "/"
    return unit.path


def assign(apps, schema_editor):
    InspectionRound = apps.get_model("ledger", "InspectionRound")
    Person = apps.get_model("ledger", "Person")
    RoleAssignment = apps.get_model("authority", "RoleAssignment")
    offices = list(InspectionRound.objects.values_list("office__path", flat=True))
    assignments = []
    for person in Person.objects.filter(user__isnull=False).select_related("unit"):
        unit = person.unit
        runs = unit.kind in RUNS_ROUNDS or any(p.startswith(_tree(unit)) for p in offices)
        roles = ["office" if runs else "reporter"] + (["leader"] if person.is_leader else [])
        assignments += [
            RoleAssignment(
                user_id=person.user_id,
                role=role,
                organization_id=unit.organization_id,
                unit_id=unit.pk,
            )
            for role in roles
        ]
    RoleAssignment.objects.bulk_create(assignments)


class Migration(migrations.Migration):
    dependencies = [
        ("authority", "0001_initial"),
        ("ledger", "0012_unit_organization"),
    ]

    operations = [migrations.RunPython(assign, migrations.RunPython.noop)]
