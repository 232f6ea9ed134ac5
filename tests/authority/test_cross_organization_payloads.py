"""Every write that names a unit, a person, a leader, a problem or an office, through the
pages and the API, sent by the 临江 office with that reference pointing into 江南 (another
organization on the same server): refused, nothing changed. The same write pointing inside
临江 is accepted, so the refusal is the reference's and nothing else's (world.py)."""

import pytest
from django.db import transaction

from tests.authority import world as made

# What a reference points to: inside the office's organization, or into the other one.
INSIDE = {
    "unit": lambda w: w["units"]["police"],
    "court": lambda w: w["units"]["court"],  # which leads the problem
    "person": lambda w: w["objects"]["sub"]["person"],  # below the court, which leads
    "leader": lambda w: w["objects"]["sibling"]["leader"],
    "problem": lambda w: w["objects"]["own"]["closed_problem"],
    "measure": lambda w: w["objects"]["own"]["measure"],
    "office": lambda w: w["units"]["office"],
}
FOREIGN = {
    "unit": lambda w: w["objects"]["foreign"]["unit"],
    "court": lambda w: w["objects"]["foreign"]["unit"],
    "person": lambda w: w["objects"]["foreign"]["person"],
    "leader": lambda w: w["objects"]["foreign"]["leader"],
    "problem": lambda w: w["objects"]["foreign"]["problem"],
    "measure": lambda w: w["objects"]["foreign"]["measure"],
    "office": lambda w: w["objects"]["foreign"]["round"].office,
}
LATER = made.today_plus(60)
MEASURE = {"text": "新增措施：建立台账", "kind": "time_bound", "deadline": LATER}
PAGE_MEASURE = MEASURE | {"deliverable": "台账", "status": "not_started"}
MECHANISM = {"name": "新机制", "kind": "rule", "issued_on": "2023-11-01"}
ESCALATION = {"kind": "admonition", "reason": "多次催办仍无进展。"}
GENERALIZE = {"answer_deadline": LATER, "note": "请自查。"}


def _problem_form(o, **changes):
    return made.form_of(o["problem"], made.PROBLEM_FIELDS, **changes)


def _measure_form(o, **changes):
    return made.form_of(o["measure"], made.MEASURE_FIELDS, **changes)


# (what is tried, the path on the court's objects, the body given what the reference points to)
CASES = {
    # The API.
    "problem's lead unit (API)": (
        "PATCH /api/problems/{problem}",
        lambda o, at: {"lead_unit": at("unit").pk, "version": o["problem"].version},
    ),
    "problem's lead leader (API)": (
        "PATCH /api/problems/{problem}",
        lambda o, at: {"lead_leader": at("leader").pk, "version": o["problem"].version},
    ),
    "new measure's cooperating unit (API)": (
        "POST /api/problems/{problem}/measures",
        lambda o, at: MEASURE | {"cooperating_units": [at("unit").pk]},
    ),
    "new measure's person in charge (API)": (
        "POST /api/problems/{problem}/measures",
        lambda o, at: MEASURE | {"person_in_charge": at("person").pk},
    ),
    "escalation's unit (API)": (
        "POST /api/rounds/{round}/escalations",
        lambda o, at: ESCALATION | {"unit": at("court").pk, "problem": o["problem"].pk},
    ),
    "escalation's problem (API)": (
        "POST /api/rounds/{round}/escalations",
        lambda o, at: ESCALATION | {"unit": o["unit"].pk, "problem": at("problem").pk},
    ),
    "举一反三 target (API)": (
        "POST /api/problems/{problem}/generalizations",
        lambda o, at: {"units": [at("unit").pk], "answer_deadline": LATER},
    ),
    "mechanism's linked problem (API)": (
        "POST /api/mechanisms/{mechanism}/problems",
        lambda o, at: {"problem": at("problem").pk},
    ),
    "new mechanism's issuing unit (API)": (
        "POST /api/rounds/{round}/mechanisms",
        lambda o, at: MECHANISM | {"issuing_unit": at("unit").pk, "problems": [o["problem"].pk]},
    ),
    "new mechanism's problems (API)": (
        "POST /api/rounds/{round}/mechanisms",
        lambda o, at: MECHANISM | {"issuing_unit": o["unit"].pk, "problems": [at("problem").pk]},
    ),
    "imported problem's lead unit (API)": (
        "PATCH /api/imports/{batch}/items/p1",
        lambda o, at: {"lead_unit": at("unit").pk},
    ),
    # The pages.
    "new round's office": (
        "POST /rounds/new/",
        lambda o, at: made.form_of(
            o["round"], made.ROUND_FIELDS, name="新轮次", office=at("office").pk
        ),
    ),
    "round's office": (
        "POST /rounds/{round}/edit/",
        lambda o, at: made.form_of(o["round"], made.ROUND_FIELDS, office=at("office").pk),
    ),
    "problem's lead unit": (
        "POST /problems/{problem}/edit/",
        lambda o, at: _problem_form(o, lead_unit=at("unit").pk),
    ),
    "problem's lead leader": (
        "POST /problems/{problem}/edit/",
        lambda o, at: _problem_form(o, lead_leader=at("leader").pk),
    ),
    "new problem's lead unit": (
        "POST /rounds/{round}/problems/new/",
        lambda o, at: {
            "category": o["category"].pk,
            "text": "新增问题",
            "source": "feedback",
            "lead_unit": at("unit").pk,
        },
    ),
    "new problem's lead leader": (
        "POST /rounds/{round}/problems/new/",
        lambda o, at: {
            "category": o["category"].pk,
            "text": "新增问题",
            "source": "feedback",
            "lead_leader": at("leader").pk,
        },
    ),
    "new measure's lead unit": (
        "POST /problems/{problem}/measures/new/",
        lambda o, at: PAGE_MEASURE | {"lead_unit": at("unit").pk},
    ),
    "new measure's cooperating unit": (
        "POST /problems/{problem}/measures/new/",
        lambda o, at: (
            PAGE_MEASURE | {"lead_unit": o["unit"].pk, "cooperating_units": [at("unit").pk]}
        ),
    ),
    "new measure's person in charge": (
        "POST /problems/{problem}/measures/new/",
        lambda o, at: (
            PAGE_MEASURE | {"lead_unit": o["unit"].pk, "person_in_charge": at("person").pk}
        ),
    ),
    "measure's cooperating unit": (
        "POST /measures/{measure}/edit/",
        lambda o, at: _measure_form(o, cooperating_units=[at("unit").pk]),
    ),
    "measure's person in charge": (
        "POST /measures/{measure}/edit/",
        lambda o, at: _measure_form(o, person_in_charge=at("person").pk),
    ),
    "notice's unit": (
        "POST /rounds/{round}/notices/new/",
        lambda o, at: {
            "unit": at("unit").pk,
            "content": "请说明整改进度。",
            "reply_deadline": LATER,
        },
    ),
    "escalation's unit": (
        "POST /rounds/{round}/escalations/new/",
        lambda o, at: (
            ESCALATION
            | {
                "unit": at("court").pk,
                "decided_by": o["clerk"].pk,
                "decided_on": "2023-11-01",
                "problem_code": o["problem"].code,
            }
        ),
    ),
    "举一反三 target": (
        "POST /problems/{problem}/generalize/",
        lambda o, at: GENERALIZE | {"units": [at("unit").pk]},
    ),
    "mechanism's linked problem": (
        "POST /mechanisms/{mechanism}/link/",
        lambda o, at: {"problem": at("problem").pk},
    ),
    "new mechanism's issuing unit": (
        "POST /rounds/{round}/mechanisms/new/",
        lambda o, at: MECHANISM | {"issuing_unit": at("unit").pk, "problems": [o["problem"].pk]},
    ),
    "new mechanism's problems": (
        "POST /rounds/{round}/mechanisms/new/",
        lambda o, at: MECHANISM | {"issuing_unit": o["unit"].pk, "problems": [at("problem").pk]},
    ),
    "batch: person in charge": (
        "POST /rounds/{round}/ledger/batch/",
        lambda o, at: {
            "action": "person",
            "measures": [o["measure"].pk],
            "person_in_charge": at("person").pk,
        },
    ),
    "batch: cooperating unit": (
        "POST /rounds/{round}/ledger/batch/",
        lambda o, at: {
            "action": "cooperating",
            "measures": [o["measure"].pk],
            "cooperating_units": [at("unit").pk],
        },
    ),
    "batch: the measures": (
        "POST /rounds/{round}/ledger/batch/",
        lambda o, at: {"action": "remind", "measures": [at("measure").pk], "note": "请报送。"},
    ),
    "imported problem's lead unit": (
        "POST /imports/{batch}/items/p1/",
        lambda o, at: {"p1-accepted": "on", "p1-text": "导入的问题", "p1-lead_unit": at("unit").pk},
    ),
}
MULTIPART = {"POST /api/rounds/{round}/mechanisms"}


def _send(world, endpoint, body_of, points_to):
    method, route = endpoint.split(" ")
    objects = world["objects"]["own"]
    path = route.format(**{name: objects[name].pk for name in objects if f"{{{name}}}" in route})
    clerk = world["users"]["office"]
    body = body_of(objects | {"clerk": clerk}, lambda kind: points_to[kind](world))
    return made.Clients(clerk).send(method, path, body, multipart=endpoint in MULTIPART)


@pytest.mark.parametrize("case", list(CASES))
def test_a_reference_into_another_organization_is_refused(world, case, settings, db):
    settings.MEDIA_ROOT = world["media"]
    endpoint, body_of = CASES[case]
    before = made.fingerprint()
    with transaction.atomic():
        inside = _send(world, endpoint, body_of, INSIDE)
        accepted = made.fingerprint() != before
        transaction.set_rollback(True)
    assert inside.status_code in made.OK and accepted, (
        f"inside the organization: {inside.content.decode()}"
    )
    outside = _send(world, endpoint, body_of, FOREIGN)
    assert made.fingerprint() == before, f"{case}: changed with another organization's"
    if endpoint.split(" ")[1].startswith("/api/"):
        assert outside.status_code in (403, 404, 422), outside.content.decode()
