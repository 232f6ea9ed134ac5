"""Bulk writes leave the same record as saves: QuerySet.update(), bulk_create(),
bulk_update() and delete() on a QuerySet record one entry per row, with who, from where, and
before and after; so do `loaddata`, the references a deletion empties, the office's batch
actions and the daily tick. What is derived (lights, positions, versions) records nothing
when moved alone."""

import datetime
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from tests.factories import MeasureFactory, PersonFactory
from tests.supervision.conftest import a_notice, tracked  # noqa: F401 (fixtures)
from zhenggai.audit import context
from zhenggai.audit.bulk import AuditedQuerySet
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.audit.record import audited_models
from zhenggai.ledger.models import CalendarDay, Measure, Person

pytestmark = pytest.mark.django_db
D = datetime.date


def entries(object_type: str, kind: str = Kind.UPDATED) -> dict[str, AuditEntry]:
    rows = AuditEntry.objects.filter(object_type=object_type, kind=kind).order_by("seq")
    return {entry.object_id: entry for entry in rows}


def test_every_manager_of_an_audited_model_hands_out_recording_querysets():
    for model in audited_models():
        managers = [*model._meta.managers, model._base_manager]
        for manager in managers:
            assert isinstance(manager.all(), AuditedQuerySet), (model, manager.name)
        for relation in model._meta.related_objects:
            if relation.one_to_many and relation.related_model in audited_models():
                accessor = getattr(model, relation.get_accessor_name())
                assert issubclass(accessor.related_manager_cls._queryset_class, AuditedQuerySet)
    assert not isinstance(apps.get_model("audit.auditentry").objects.all(), AuditedQuerySet)


def test_an_update_records_each_row_with_who_and_before_and_after(demo_round, office_clerk):
    context.act_as(office_clerk)
    measures = Measure.objects.filter(round=demo_round["round"])
    before = dict(measures.values_list("pk", "deadline"))

    count = measures.update(deadline=D(2026, 9, 30))

    recorded = entries("ledger.measure")
    assert count == len(before) == len(recorded) > 1
    for pk, deadline in before.items():
        entry = recorded[str(pk)]
        assert entry.before == {"deadline": deadline.isoformat()}
        assert entry.after == {"deadline": "2026-09-30"}
        assert (entry.actor, entry.channel) == (office_clerk, context.Channel.CLI)


def test_an_update_of_derived_fields_alone_records_nothing(demo_round):
    Measure.objects.update(light="red", light_reason="已超期")
    assert not entries("ledger.measure")


def test_bulk_create_and_bulk_update_record_each_row(units):
    made = Person.objects.bulk_create(
        [Person(name="甲", unit=units["court"]), Person(name="乙", unit=units["police"])]
    )
    for person in made:
        person.title = "科员"
    Person.objects.bulk_update(made, ["title"])

    created = entries("ledger.person", Kind.CREATED)
    assert [created[str(p.pk)].after["name"] for p in made] == ["甲", "乙"]
    updated = entries("ledger.person")
    assert [(updated[str(p.pk)].before, updated[str(p.pk)].after) for p in made] == [
        ({"title": ""}, {"title": "科员"})
    ] * 2


def test_a_queryset_delete_records_each_row_and_each_reference_it_empties(units):
    judge = PersonFactory(unit=units["court"], name="吴法官")
    measure = MeasureFactory(person_in_charge=judge)

    Person.objects.filter(pk=judge.pk).delete()

    assert entries("ledger.person", Kind.DELETED)[str(judge.pk)].before["name"] == "吴法官"
    emptied = entries("ledger.measure")[str(measure.pk)]
    assert (emptied.before, emptied.after) == (
        {"person_in_charge_id": judge.pk},
        {"person_in_charge_id": None},
    )


def test_loaddata_records_the_rows_it_adds_and_replaces(db, tmp_path):
    day = CalendarDay.objects.create(date=D(2030, 10, 1), is_workday=False, name="国庆")
    rows = [
        {"model": "ledger.calendarday", "pk": day.pk, "fields": {"date": "2030-10-01",
         "is_workday": False, "name": "国庆节", "source": ""}},
        {"model": "ledger.calendarday", "pk": day.pk + 1, "fields": {"date": "2030-10-08",
         "is_workday": True, "name": "国庆节", "source": ""}},
    ]  # fmt: skip
    fixture = tmp_path / "days.json"
    fixture.write_text(json.dumps(rows, ensure_ascii=False))

    call_command("loaddata", str(fixture), verbosity=0)

    replaced = entries("ledger.calendarday")[str(day.pk)]
    assert (replaced.before, replaced.after) == ({"name": "国庆"}, {"name": "国庆节"})
    added = entries("ledger.calendarday", Kind.CREATED)[str(day.pk + 1)]
    assert added.after["date"] == "2030-10-08"


def test_a_batch_of_the_office_records_every_measure(client, demo_round, office_clerk, units):
    problem = demo_round["problems"]["court"]
    batch = [MeasureFactory(problem=problem, number=n, lead_unit=units["court"]) for n in (3, 4)]
    judge = PersonFactory(unit=units["court"], name="吴法官")
    client.force_login(office_clerk)
    url = reverse("ledger:measure_batch", args=[demo_round["round"].pk])
    pks = [m.pk for m in batch]
    client.post(url, {"measures": pks, "action": "person", "person_in_charge": judge.pk})
    client.post(url, {"measures": pks, "action": "cooperating", "cooperating_units": [
        units["police"].pk]})  # fmt: skip

    changed = entries("ledger.measure")
    for measure in batch:
        entry = changed[str(measure.pk)]
        assert entry.after == {"person_in_charge_id": judge.pk}
        assert entry.actor == office_clerk and entry.channel == context.Channel.WEB
    cooperations = entries("ledger.measurecooperation", Kind.CREATED).values()
    made = [e.after for e in cooperations if e.after["measure_id"] in pks]
    assert [(c["measure_id"], c["unit_id"]) for c in made] == [
        (pk, units["police"].pk) for pk in pks
    ]


def test_the_ticks_reminders_and_overdue_notices_are_recorded(tracked, a_notice):  # noqa: F811
    call_command("tick", today=D(2024, 4, 24), verbosity=0)

    reminders = entries("supervision.reminder", Kind.CREATED).values()
    assert tracked.pk in {e.after["measure_id"] for e in reminders}
    assert {e.channel for e in reminders} == {context.Channel.SYSTEM}
    events = [e.after["kind"] for e in entries("ledger.event", Kind.CREATED).values()]
    assert "reminded" in events
    notice = entries("supervision.supervisionnotice")[str(a_notice.pk)]
    assert (notice.before, notice.after) == ({"status": "issued"}, {"status": "overdue"})
