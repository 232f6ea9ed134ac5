"""Drafts still under review gain what the review now sets in one pass: a problem's lead
unit and 重点 flag, a measure's lead unit, cooperating units and person in charge, taken from
the units the text named as the review showed them before."""

from django.db import migrations


def _measure(measure: dict, office_id: int) -> None:
    matched = [row["unit"] for row in measure["units"]]
    lead = (matched[0] if matched else None) or office_id
    measure.setdefault("lead_unit", lead)
    cooperating = [unit for unit in matched[1:] if unit not in (None, lead)]
    measure.setdefault("cooperating_units", list(dict.fromkeys(cooperating)))
    measure.setdefault("person_in_charge", None)


def forwards(apps, schema_editor):
    ImportBatch = apps.get_model("importer", "ImportBatch")
    for batch in ImportBatch.objects.filter(status="draft").select_related("round"):
        draft = batch.draft
        if "categories" not in draft:
            continue  # a ledger brought back: its differences, not a draft
        for category in draft["categories"]:
            for problem in category["problems"]:
                problem.setdefault("lead_unit", None)
                problem.setdefault("is_key", False)
                for measure in problem["measures"]:
                    _measure(measure, batch.round.office_id)
        for measure in draft["measures"]:
            _measure(measure, batch.round.office_id)
        batch.save(update_fields=["draft"])


class Migration(migrations.Migration):
    dependencies = [("importer", "0002_genre")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
