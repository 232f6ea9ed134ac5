"""The authorization matrix: every endpoint of the URL map and of the API's OpenAPI schema,
tried by every role against an object of the court (own), of the tribunal below it (sub), of
the police beside it (sibling) and of another organization's court (foreign); see world.py.

What each role may do is the table ALLOWED below, by kind of endpoint, written by hand from
docs/roles.md; ENDPOINTS gives each endpoint its kind. An endpoint the table does not list
fails test_every_endpoint_is_in_the_matrix.

A write is sent with a valid body (BODIES): an allowed one must answer 2xx or a redirect and
change the rows it should; a refused one answers 403 (404 outside the user's sight, always
404 for another organization) and changes nothing. A form's page is tried apart from its post
only where the role may post it or does not see the object (the page is refused by the same
lookup as the post). No response carries the text of an object the role may not read. The
world is built once per module; each allowed write is rolled back, and all refused requests
of a role run in one transaction checked once for changes."""

import re

import pytest
from django.db import transaction
from django.urls import URLResolver, get_resolver

from tests.authority import world as made
from tests.factories import letterhead
from zhenggai.api.urls import api
from zhenggai.supervision.models import Notification

# Relations a role may act on, per kind of endpoint. Another organization's is never listed
# (test_nothing_reaches_another_organization). For an endpoint that names a round but no unit
# only "own" is tried: a round is not the court's, the tribunal's or the police's.
IN = {"own", "sub", "sibling"}  # every unit of the round: the office and who sees it whole
TREE = {"own", "sub"}  # the court and the units below it
OWN = {"own"}
NONE: set[str] = set()
ALL = IN | {"foreign"}  # the system administrator's accounts: every organization's
ROLES = ("office", "leader", "reporter", "verifier", "observer", "cooperating", "admin")
ALLOWED = {
    # kind:          office leader reporter verifier observer cooperating admin
    "round": (IN, IN, IN, IN, IN, IN, NONE),  # anyone with a part in the round
    "read": (IN, TREE, TREE, IN, IN, OWN, NONE),  # a problem, a measure, what hangs on them
    "addressed": (IN, TREE, TREE, IN, IN, NONE, NONE),  # a unit, its notices, its answers
    "office": (IN, NONE, NONE, NONE, NONE, NONE, NONE),  # runs the round
    "measure": (IN, NONE, TREE, NONE, NONE, NONE, NONE),  # the lead unit: person in charge
    "link": (IN, NONE, TREE, NONE, NONE, NONE, NONE),  # its mechanisms to its problems
    "mechanism": (IN, NONE, IN, NONE, NONE, IN, NONE),  # a unit registers its own
    "report": (IN, NONE, TREE, NONE, NONE, OWN, NONE),  # lead and cooperating units, office
    "verify": (IN, NONE, NONE, IN, NONE, NONE, NONE),  # office outside the unit, 核查组
    "claim": (IN, TREE, TREE, NONE, NONE, OWN, NONE),  # who answers for the problem
    "ask": (NONE, NONE, TREE, NONE, NONE, NONE, NONE),  # the lead unit's reporter
    "reply": (NONE, NONE, TREE, NONE, NONE, NONE, NONE),  # the addressed unit
    "materials": (IN, OWN, NONE, NONE, NONE, NONE, NONE),  # the leader's own, the office
    "organization": (IN, IN, IN, IN, IN, IN, ALL),  # one's organization; the administrator's
    "accounts": (NONE, NONE, NONE, NONE, NONE, NONE, ALL),  # the system administrator's
    "mine": (OWN, OWN, OWN, OWN, OWN, OWN, OWN),  # one's own notifications
}
# Endpoints without an object: everyone (page), the office only, the audit trail.
FREE = {
    "page": (True, True, True, True, True, True, True),
    "free office": (True, False, False, False, False, False, False),
    "audit": (True, False, False, True, False, False, True),  # a verifier: of its rounds
}

ENDPOINTS = {
    "round": """
        GET /rounds/<int:pk>/
        GET /rounds/<int:pk>/ledger/
        GET /rounds/<int:pk>/dashboard/
        GET /rounds/<int:round_pk>/notices/
        GET /rounds/<int:round_pk>/mechanisms/
        GET /rounds/<int:round_pk>/closed-without-mechanism/
        GET /rounds/<int:pk>/requests/
        GET /rounds/<int:pk>/ledger/export.xlsx
        GET /api/rounds/{round_id}
        GET /api/rounds/{round_id}/categories
        GET /api/rounds/{round_id}/dashboard
        GET /api/rounds/{round_id}/mechanisms
        GET /api/rounds/{round_id}/closed-without-mechanism
        GET /api/rounds/{round_id}/ledger.xlsx
    """,
    "read": """
        GET /problems/<int:pk>/
        GET /problems/<int:pk>/timeline/
        GET /measures/<int:pk>/row/
        GET /measures/<int:pk>/reports/
        GET /problems/<int:pk>/checks/
        GET /mechanisms/<int:pk>/
        GET /problems/<int:pk>/lasting/
        GET /extensions/<int:pk>/
        GET /changes/<int:pk>/
        GET /evidence/<int:pk>/
        GET /api/problems/{problem_id}
        GET /api/measures/{measure_id}
        GET /api/measures/{measure_id}/reports
        GET /api/measures/{measure_id}/verifications
        GET /api/problems/{problem_id}/verifications
        GET /api/mechanisms/{mechanism_id}
        GET /api/extension-requests/{request_id}
        GET /api/change-requests/{request_id}
        GET /api/evidence/{evidence_id}
    """,
    "addressed": """
        GET /units/<int:pk>/
        GET /persons/<int:pk>/
        GET /notices/<int:pk>/
        GET /notices/<int:pk>/document/
        GET /generalization/answers/<int:pk>/
        GET /api/units/{unit_id}
        GET /api/persons/{person_id}
        GET /api/notices/{notice_id}
        GET /api/generalization-answers/{answer_id}
    """,
    "office": """
        GET /rounds/<int:pk>/edit/
        POST /rounds/<int:pk>/edit/
        GET /rounds/<int:pk>/ledger/batch/
        POST /rounds/<int:pk>/ledger/batch/
        GET /rounds/<int:round_pk>/categories/new/
        POST /rounds/<int:round_pk>/categories/new/
        GET /rounds/<int:round_pk>/problems/new/
        POST /rounds/<int:round_pk>/problems/new/
        GET /rounds/<int:round_pk>/import/
        POST /rounds/<int:round_pk>/import/
        GET /imports/<int:pk>/
        POST /imports/<int:pk>/items/<slug:key>/
        POST /imports/<int:pk>/apply/
        POST /imports/<int:pk>/discard/
        GET /rounds/<int:round_pk>/notices/new/
        POST /rounds/<int:round_pk>/notices/new/
        GET /rounds/<int:round_pk>/escalations/new/
        POST /rounds/<int:round_pk>/escalations/new/
        GET /rounds/<int:round_pk>/generalization/
        GET /rounds/<int:pk>/documents/
        POST /rounds/<int:pk>/documents/settings/
        POST /rounds/<int:pk>/documents/template/
        POST /rounds/<int:pk>/documents/template/remove/
        GET /rounds/<int:pk>/documents/<slug:kind>/texts/
        POST /rounds/<int:pk>/documents/<slug:kind>/texts/
        GET /rounds/<int:pk>/documents/<slug:kind>/
        GET /problems/<int:pk>/edit/
        POST /problems/<int:pk>/edit/
        GET /problems/<int:problem_pk>/measures/new/
        POST /problems/<int:problem_pk>/measures/new/
        GET /measures/<int:pk>/reopen/
        POST /measures/<int:pk>/reopen/
        GET /problems/<int:pk>/reopen/
        POST /problems/<int:pk>/reopen/
        POST /measures/<int:pk>/remind/
        GET /problems/<int:pk>/generalize/
        POST /problems/<int:pk>/generalize/
        POST /problems/<int:pk>/withholding/
        POST /notices/<int:pk>/close/
        POST /notices/<int:pk>/return/
        POST /generalization/answers/<int:pk>/review/
        POST /extensions/<int:pk>/approve/
        POST /extensions/<int:pk>/refuse/
        POST /changes/<int:pk>/approve/
        POST /changes/<int:pk>/refuse/
        PATCH /api/rounds/{round_id}
        POST /api/rounds/{round_id}/categories
        PATCH /api/problems/{problem_id}
        POST /api/rounds/{round_id}/problems
        POST /api/problems/{problem_id}/measures
        POST /api/problems/{problem_id}/reopen
        POST /api/measures/{measure_id}/reopen
        GET /api/rounds/{round_id}/imports
        POST /api/rounds/{round_id}/imports
        GET /api/imports/{batch_id}
        PATCH /api/imports/{batch_id}/items/{key}
        POST /api/imports/{batch_id}/apply
        POST /api/imports/{batch_id}/discard
        POST /api/problems/{problem_id}/generalizations
        POST /api/generalization-answers/{answer_id}/review
        POST /api/extension-requests/{request_id}/approve
        POST /api/extension-requests/{request_id}/refuse
        POST /api/change-requests/{request_id}/approve
        POST /api/change-requests/{request_id}/refuse
        POST /api/rounds/{round_id}/notices
        POST /api/notices/{notice_id}/close
        POST /api/notices/{notice_id}/return
        POST /api/rounds/{round_id}/escalations
        POST /api/measures/{measure_id}/reminders
        GET /api/rounds/{round_id}/documents
        GET /api/rounds/{round_id}/documents/{kind}/check
        GET /api/rounds/{round_id}/documents/{kind}
        GET /api/rounds/{round_id}/document-texts/{kind}
        PATCH /api/rounds/{round_id}/document-texts/{kind}
        PATCH /api/rounds/{round_id}/document-settings
        PUT /api/problems/{problem_id}/withholding
        DELETE /api/problems/{problem_id}/withholding
    """,
    "measure": """
        GET /measures/<int:pk>/edit/
        POST /measures/<int:pk>/edit/
        PATCH /api/measures/{measure_id}
    """,
    "link": """
        POST /mechanisms/<int:pk>/link/
        POST /mechanisms/<int:pk>/unlink/<int:problem_pk>/
        POST /api/mechanisms/{mechanism_id}/problems
        DELETE /api/mechanisms/{mechanism_id}/problems/{problem_id}
    """,
    "mechanism": """
        GET /rounds/<int:round_pk>/mechanisms/new/
        POST /rounds/<int:round_pk>/mechanisms/new/
        POST /api/rounds/{round_id}/mechanisms
    """,
    "report": """
        GET /measures/<int:pk>/reports/new/
        POST /measures/<int:pk>/reports/new/
        POST /api/measures/{measure_id}/reports
    """,
    "verify": """
        GET /measures/<int:pk>/verify/
        POST /measures/<int:pk>/verify/
        GET /problems/<int:pk>/verify/
        POST /problems/<int:pk>/verify/
        POST /api/measures/{measure_id}/verifications
        POST /api/problems/{problem_id}/verifications
    """,
    "claim": """
        POST /problems/<int:pk>/claim/
        POST /api/problems/{problem_id}/claim
    """,
    "ask": """
        GET /measures/<int:pk>/extension/new/
        POST /measures/<int:pk>/extension/new/
        GET /measures/<int:pk>/change/new/
        POST /measures/<int:pk>/change/new/
        POST /extensions/<int:pk>/withdraw/
        POST /changes/<int:pk>/withdraw/
        POST /api/measures/{measure_id}/extension-requests
        POST /api/measures/{measure_id}/change-requests
        POST /api/extension-requests/{request_id}/withdraw
        POST /api/change-requests/{request_id}/withdraw
    """,
    "reply": """
        POST /notices/<int:pk>/reply/
        POST /generalization/answers/<int:pk>/
        POST /api/notices/{notice_id}/reply
        POST /api/generalization-answers/{answer_id}/found
        POST /api/generalization-answers/{answer_id}/not-present
    """,
    "materials": """
        GET /rounds/<int:pk>/persons/<int:person_pk>/materials/
        POST /rounds/<int:pk>/persons/<int:person_pk>/materials/<slug:kind>/add/
        POST /rounds/<int:pk>/persons/<int:person_pk>/materials/<slug:kind>/<int:item_pk>/
        POST /rounds/<int:pk>/persons/<int:person_pk>/materials/import/
        POST /rounds/<int:pk>/persons/<int:person_pk>/materials/pick/
        GET /rounds/<int:pk>/persons/<int:person_pk>/<slug:kind>/
        GET /api/rounds/{round_id}/persons/{person_id}/{kind}
        POST /api/rounds/{round_id}/persons/{person_id}/{kind}
        PATCH /api/rounds/{round_id}/persons/{person_id}/{kind}/{item_id}
        DELETE /api/rounds/{round_id}/persons/{person_id}/{kind}/{item_id}
    """,
    "organization": """
        GET /api/organizations/{organization_id}
    """,
    "accounts": """
        POST /api/verification-groups/{group_id}/members
        DELETE /api/verification-groups/{group_id}/members/{username}
        DELETE /api/role-assignments/{assignment_id}
    """,
    "mine": """
        GET /notifications/<int:pk>/
        POST /notifications/<int:pk>/
        POST /api/notifications/{notification_id}/read
    """,
    # Without an object.
    "page": """
        GET /login/
        GET /password/
        GET /second-factor/
        GET /
        GET /rounds/
        GET /dashboard/
        GET /notices/
        GET /notifications/
        GET /generalization/
        GET /api/rounds
        GET /api/problems
        GET /api/measures
        GET /api/units
        GET /api/persons
        GET /api/me
        GET /api/organizations
        GET /api/role-assignments
        GET /api/verification-groups
        GET /api/dashboard
        GET /api/generalizations
        GET /api/generalization-answers
        GET /api/extension-requests
        GET /api/change-requests
        GET /api/notices
        GET /api/escalations
        GET /api/notifications
        POST /api/notifications/read-all
    """,
    "free office": """
        GET /rounds/new/
        POST /rounds/new/
        POST /api/rounds
    """,
    "audit": """
        GET /audit/
        GET /audit/export.csv
        GET /audit/export.xlsx
    """,
    # Covered elsewhere: the administrator's API (tests/authority/test_roles.py), files that
    # are never there in this world, and logout.
    "elsewhere": """
        POST /api/units
        POST /api/role-assignments
        POST /api/verification-groups
        GET /mechanisms/<int:pk>/file/
        GET /generalization/answers/<int:pk>/evidence/
        GET /logout/
        GET /notifications/read/
    """,
}

# Where an action needs the object in a certain state, the object it is tried on.
STATE = {
    "verif": {"measure": "done_measure", "problem": "closed_problem"},
    "reopen": {"measure": "closed_measure", "problem": "closed_problem"},
    "close/": {"notice": "replied_notice"},
    "return": {"notice": "replied_notice"},
    "/close": {"notice": "replied_notice"},
    "review": {"answer": "answered"},
    "DELETE /api/problems/{problem_id}/withholding": {"problem": "closed_problem"},
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines()]


KIND_OF = {endpoint: kind for kind, text in ENDPOINTS.items() for endpoint in _lines(text)}


# The endpoints, from the URL map and the OpenAPI schema.


def django_endpoints():
    found = []

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            elif namespace not in ("admin", "api") and "<path:rest>" not in str(pattern.pattern):
                found.append("/" + prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns)
    return [f"{method} {route}" for route in found for method in ("GET", "POST")]


def api_endpoints():
    schema = api.get_openapi_schema()
    return [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("get", "post", "patch", "put", "delete")
    ]


def test_every_endpoint_is_in_the_matrix():
    endpoints = set(django_endpoints() + api_endpoints())
    api_unknown = {e for e in endpoints if " /api/" in e and e not in KIND_OF}
    page_unknown = {
        route
        for e in endpoints
        if " /api/" not in e
        for route in [e.split(" ")[1]]
        if f"GET {route}" not in KIND_OF and f"POST {route}" not in KIND_OF
    }
    assert (api_unknown, page_unknown) == (set(), set())
    assert set(KIND_OF) <= endpoints, "the matrix names an endpoint that is gone"


# The objects a path names, by the parameter's name or the path segment before it.
PARAMETER = {
    "round_pk": "round",
    "round_id": "round",
    "rounds": "round",
    "problem_pk": "problem",
    "problem_id": "problem",
    "problems": "problem",
    "measure_id": "measure",
    "measures": "measure",
    "unit_id": "unit",
    "units": "unit",
    "person_pk": "leader",
    "person_id": "person",
    "persons": "person",
    "notice_id": "notice",
    "notices": "notice",
    "mechanism_id": "mechanism",
    "mechanisms": "mechanism",
    "extensions": "extension",
    "extension-requests": "extension",
    "changes": "change",
    "change-requests": "change",
    "group_id": "group",
    "assignment_id": "assignment",
    "organization_id": "organization",
    "batch_id": "batch",
    "imports": "batch",
    "evidence_id": "evidence",
    "evidence": "evidence",
    "answer_id": "answer",
    "answers": "answer",
    "notification_id": "notification",
    "notifications": "notification",
    "item_pk": "cause",
    "item_id": "cause",
    "username": "member",
    "kind": "kind",
    "key": "key",
}
# Objects of a round rather than of a unit: tried in the round of the user's organization
# (as "own") and in the other organization's.
OF_ROUND = {"round", "batch", "group", "organization", "member", "kind", "key"}


def parameters(route: str) -> list[tuple[str, str]]:
    """(parameter, the segment before it) for each parameter of the route."""
    parts = re.split(r"(<(?:\w+:)?\w+>|\{\w+\})", route)
    found = []
    for i in range(1, len(parts), 2):
        name = re.sub(r"[<>{}]|\w+:", "", parts[i])
        before = parts[i - 1].rstrip("/").rsplit("/", 1)[-1]
        found.append((name, before))
    return found


def object_kinds(route: str) -> list[str]:
    return [PARAMETER.get(name) or PARAMETER[before] for name, before in parameters(route)]


def relations(route: str):
    kinds = object_kinds(route)
    if not kinds:
        return [None]
    return ["own", "foreign"] if set(kinds) <= OF_ROUND else list(made.RELATIONS)


def target(world, role, relation, kind, endpoint):
    """The object (or word) a path names for this role and relation."""
    objects = world["objects"][relation]
    route = endpoint.split(" ")[1]
    for part, states in STATE.items():
        if part in endpoint and kind in states:
            return objects[states[kind]].pk
    if kind == "person" and "/rounds/" in route:
        kind = "leader"  # a leader's material
    if kind == "kind":
        return _document_kind(route)
    if kind == "key":
        return "p1"
    if kind == "organization":
        return objects["unit"].organization_id
    if kind == "member":
        return objects["group"].members.get().username
    if kind == "notification":
        mine = relation == "own"
        recipient = world["users"][role] if mine else world["reporters"][relation]
        return Notification.objects.filter(recipient=recipient).values_list("pk", flat=True)[0]
    return objects[kind].pk


def _document_kind(route: str) -> str:
    if "/materials/" in route:
        return "cause"
    if route.startswith("/api/rounds/{round_id}/persons/"):
        return "causes"
    return "outline" if "/persons/" in route else "plan"


def fill(world, role, relation, endpoint) -> str:
    path = route = endpoint.split(" ")[1]
    for (name, _), kind in zip(parameters(route), object_kinds(route), strict=True):
        value = target(world, role, relation, kind, endpoint)
        path = re.sub(rf"<(?:\w+:)?{name}>|\{{{name}\}}", str(value), path, count=1)
    return path


# Valid bodies for the writes, built for the role and the relation's objects.

TODAY = made.today_plus(0)
LATER = made.today_plus(60)
RETITLED = {"title": "整改工作方案（修订）"}
VERIFIED = {
    "methods": ["document_review", "on_site"],
    "verified_on": TODAY,
    "findings": "查阅了台账和会议记录，并到现场核实。",
    "result": "pass",
}


def _own_unit(world, role):
    person = getattr(world["users"][role], "person", None)
    return person.unit if person and role != "office" else world["units"]["court"]


def _own_problem(world, role, objects):
    """A problem the unit registering a mechanism leads, to link it to."""
    return world["bureau_problem"] if role == "cooperating" else objects["problem"]


EARLIER_MATERIAL = (
    "个人发言提纲\n一、存在的主要问题\n一是学习不够深入。\n"
    "二、原因剖析\n（一）在纪律作风上存在差距。要求不严。\n"
    "三、整改措施\n（一）加强学习。每月研讨一次。\n"
)


def _upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), "text/plain")


BODIES = {
    "POST /rounds/new/": lambda o, w, r: made.form_of(
        o["round"], made.ROUND_FIELDS, name="新一轮巡察整改"
    ),
    "POST /rounds/<int:pk>/edit/": lambda o, w, r: made.form_of(
        o["round"], made.ROUND_FIELDS, name="改名的轮次"
    ),
    "POST /rounds/<int:round_pk>/categories/new/": lambda o, w, r: {"title": "新增方面"},
    "POST /rounds/<int:round_pk>/problems/new/": lambda o, w, r: {
        "category": o["category"].pk,
        "text": "新增问题：制度执行不严",
        "source": "feedback",
        "lead_unit": o["unit"].pk,
    },
    "POST /rounds/<int:round_pk>/import/": lambda o, w, r: {
        "file": _upload("反馈.txt", "一、制度执行方面\n1.制度执行不严。\n")
    },
    "POST /rounds/<int:pk>/ledger/batch/": lambda o, w, r: {
        "action": "person",
        "measures": [o["measure"].pk],
        "person_in_charge": o["person"].pk,
    },
    "POST /imports/<int:pk>/items/<slug:key>/": lambda o, w, r: {
        "p1-accepted": "on",
        "p1-text": "改过的导入问题",
    },
    "POST /rounds/<int:pk>/documents/template/": lambda o, w, r: {"file": letterhead()},
    "POST /rounds/<int:pk>/documents/<slug:kind>/texts/": lambda o, w, r: RETITLED,
    "POST /rounds/<int:pk>/persons/<int:person_pk>/materials/import/": lambda o, w, r: {
        "file": _upload("以往提纲.txt", EARLIER_MATERIAL)
    },
    "POST /rounds/<int:pk>/persons/<int:person_pk>/materials/pick/": lambda o, w, r: {
        "cause": ["在理论武装上存在差距。"],
        "pick-cause": ["0"],
    },
    "POST /rounds/<int:round_pk>/notices/new/": lambda o, w, r: {
        "unit": o["unit"].pk,
        "content": "请说明整改进度。",
        "reply_deadline": LATER,
        "problem_codes": o["problem"].code,
    },
    "POST /rounds/<int:round_pk>/escalations/new/": lambda o, w, r: {
        "kind": "admonition",
        "unit": o["unit"].pk,
        "decided_by": w["users"]["office"].pk,
        "decided_on": TODAY,
        "reason": "多次催办仍无进展。",
        "problem_code": o["problem"].code,
    },
    "POST /rounds/<int:pk>/documents/settings/": lambda o, w, r: {"issuer": "临江市委政法委"},
    "POST /problems/<int:pk>/edit/": lambda o, w, r: made.form_of(
        o["problem"], made.PROBLEM_FIELDS, text="改过的问题"
    ),
    "POST /problems/<int:problem_pk>/measures/new/": lambda o, w, r: {
        "text": "新增措施：建立台账",
        "kind": "time_bound",
        "deadline": LATER,
        "deliverable": "台账",
        "status": "not_started",
        "lead_unit": o["unit"].pk,
    },
    "POST /measures/<int:pk>/reopen/": lambda o, w, r: {"reason": "问题出现反弹。"},
    "POST /problems/<int:pk>/reopen/": lambda o, w, r: {"reason": "问题出现反弹。"},
    "POST /measures/<int:pk>/remind/": lambda o, w, r: {"note": "请尽快报送。"},
    "POST /problems/<int:pk>/generalize/": lambda o, w, r: {
        "units": [w["units"]["justice"].pk],
        "answer_deadline": LATER,
        "note": "请自查。",
    },
    "POST /problems/<int:pk>/withholding/": lambda o, w, r: {"reason": "hype"},
    "POST /notices/<int:pk>/close/": lambda o, w, r: {"note": "回复属实，予以办结。"},
    "POST /notices/<int:pk>/return/": lambda o, w, r: {
        "reason": "回复不具体。",
        "reply_deadline": LATER,
    },
    "POST /generalization/answers/<int:pk>/review/": lambda o, w, r: {"decision": "accept"},
    "POST /extensions/<int:pk>/approve/": lambda o, w, r: {"version": o["measure"].version},
    "POST /extensions/<int:pk>/refuse/": lambda o, w, r: {"note": "理由不充分。"},
    "POST /changes/<int:pk>/approve/": lambda o, w, r: {"version": o["measure"].version},
    "POST /changes/<int:pk>/refuse/": lambda o, w, r: {"note": "理由不充分。"},
    "POST /measures/<int:pk>/edit/": lambda o, w, r: made.form_of(
        o["measure"], made.MEASURE_FIELDS, person_in_charge=o["person"].pk
    ),
    "POST /mechanisms/<int:pk>/link/": lambda o, w, r: {"problem": o["closed_problem"].pk},
    "POST /rounds/<int:round_pk>/mechanisms/new/": lambda o, w, r: {
        "name": "新机制",
        "kind": "rule",
        "issuing_unit": _own_unit(w, r).pk,
        "issued_on": "2023-11-01",
        "problems": [_own_problem(w, r, o).pk],
    },
    "POST /measures/<int:pk>/reports/new/": lambda o, w, r: {
        "as_of": TODAY,
        "status": "in_progress",
        "text": "已召开专题会议部署整改。",
    },
    "POST /measures/<int:pk>/verify/": lambda o, w, r: VERIFIED,
    "POST /problems/<int:pk>/verify/": lambda o, w, r: VERIFIED,
    "POST /problems/<int:pk>/claim/": lambda o, w, r: {"note": "主动认领。"},
    "POST /measures/<int:pk>/extension/new/": lambda o, w, r: {
        "new_deadline": LATER,
        "reason": "需协调多家单位。",
    },
    "POST /measures/<int:pk>/change/new/": lambda o, w, r: {
        "text": "调整后的措施",
        "kind": "time_bound",
        "deliverable": "新成果",
        "reason": "原措施难以落实。",
    },
    "POST /notices/<int:pk>/reply/": lambda o, w, r: {"reply": "已按要求整改完毕。"},
    "POST /generalization/answers/<int:pk>/": lambda o, w, r: {
        "answer": "not_present",
        "absent-reasons": "经自查，本单位不存在同类问题。",
    },
    "POST /rounds/<int:pk>/persons/<int:person_pk>/materials/<slug:kind>/add/": lambda o, w, r: {
        "cause-text": "理论学习不够深入。",
        "cause-aspect": "theory",
    },
    "POST /rounds/<int:pk>/persons/<int:person_pk>/materials/<slug:kind>/<int:item_pk>/": (
        lambda o, w, r: {"text": "理论学习不够深入，改。"}
    ),
    # The API.
    "PATCH /api/rounds/{round_id}": lambda o, w, r: {
        "name": "改名的轮次",
        "version": o["round"].version,
    },
    "PATCH /api/problems/{problem_id}": lambda o, w, r: {
        "text": "改过的问题",
        "version": o["problem"].version,
    },
    "POST /api/rounds/{round_id}/problems": lambda o, w, r: {
        "category": o["category"].pk,
        "text": "新增问题",
    },
    "POST /api/problems/{problem_id}/measures": lambda o, w, r: {
        "text": "新增措施",
        "deadline": LATER,
    },
    "PATCH /api/imports/{batch_id}/items/{key}": lambda o, w, r: {"text": "改过的导入问题"},
    "POST /api/problems/{problem_id}/generalizations": lambda o, w, r: {
        "units": [w["units"]["justice"].pk],
        "answer_deadline": LATER,
    },
    "POST /api/extension-requests/{request_id}/approve": lambda o, w, r: {
        "version": o["measure"].version
    },
    "POST /api/change-requests/{request_id}/approve": lambda o, w, r: {
        "version": o["measure"].version
    },
    "POST /api/rounds/{round_id}/notices": lambda o, w, r: {
        "unit": o["unit"].pk,
        "content": "请说明整改进度。",
    },
    "POST /api/notices/{notice_id}/close": lambda o, w, r: {"note": "予以办结。"},
    "POST /api/notices/{notice_id}/return": lambda o, w, r: {"reason": "回复不具体。"},
    "POST /api/rounds/{round_id}/escalations": lambda o, w, r: {
        "kind": "admonition",
        "reason": "多次催办仍无进展。",
        "unit": o["unit"].pk,
        "problem": o["problem"].pk,
    },
    "PATCH /api/measures/{measure_id}": lambda o, w, r: {
        "person_in_charge": o["person"].pk,
        "version": o["measure"].version,
    },
    "POST /api/mechanisms/{mechanism_id}/problems": lambda o, w, r: {
        "problem": o["closed_problem"].pk
    },
    "POST /api/measures/{measure_id}/change-requests": lambda o, w, r: {
        "text": "调整后的措施",
        "reason": "原措施难以落实。",
    },
    "POST /api/generalization-answers/{answer_id}/found": lambda o, w, r: {
        "manifestations": "本单位也存在案件积压。",
        "measures": [{"text": "清理积案", "deadline": LATER}],
    },
    "POST /api/generalization-answers/{answer_id}/not-present": lambda o, w, r: {
        "reasons": "经自查，不存在同类问题。"
    },
    "POST /api/rounds/{round_id}/persons/{person_id}/{kind}": lambda o, w, r: {
        "text": "理论学习不够深入。"
    },
    "PATCH /api/rounds/{round_id}/persons/{person_id}/{kind}/{item_id}": lambda o, w, r: {
        "text": "改过的原因。"
    },
    "POST /api/verification-groups/{group_id}/members": lambda o, w, r: {
        "user": w["users"]["observer"].username
    },
    "POST /api/rounds": lambda o, w, r: {
        "name": "新一轮巡察整改",
        "team": "市委第一巡察组",
        "organization": "临江市委政法委",
        "office": w["units"]["committee"].pk,
        "feedback_date": "2024-03-01",
    },
}
# Writes without a body: the path says it all.
BODIES |= dict.fromkeys(
    [
        "POST /rounds/<int:pk>/documents/template/remove/",
        "POST /imports/<int:pk>/discard/",
        "POST /imports/<int:pk>/apply/",
        "POST /mechanisms/<int:pk>/unlink/<int:problem_pk>/",
        "POST /extensions/<int:pk>/withdraw/",
        "POST /changes/<int:pk>/withdraw/",
        "POST /notifications/<int:pk>/",
        "POST /api/notifications/read-all",
        "POST /api/imports/{batch_id}/apply",
        "POST /api/imports/{batch_id}/discard",
        "DELETE /api/problems/{problem_id}/withholding",
        "DELETE /api/mechanisms/{mechanism_id}/problems/{problem_id}",
        "POST /api/extension-requests/{request_id}/withdraw",
        "POST /api/change-requests/{request_id}/withdraw",
        "DELETE /api/rounds/{round_id}/persons/{person_id}/{kind}/{item_id}",
        "DELETE /api/verification-groups/{group_id}/members/{username}",
        "DELETE /api/role-assignments/{assignment_id}",
        "POST /api/notifications/{notification_id}/read",
    ],
    lambda o, w, r: {},
)
# The API's writes that take the same body as a page's.
BODIES |= {
    "POST /api/rounds/{round_id}/categories": BODIES["POST /rounds/<int:round_pk>/categories/new/"],
    "POST /api/problems/{problem_id}/reopen": BODIES["POST /measures/<int:pk>/reopen/"],
    "POST /api/measures/{measure_id}/reopen": BODIES["POST /measures/<int:pk>/reopen/"],
    "POST /api/rounds/{round_id}/imports": BODIES["POST /rounds/<int:round_pk>/import/"],
    "POST /api/generalization-answers/{answer_id}/review": BODIES[
        "POST /generalization/answers/<int:pk>/review/"
    ],
    "POST /api/extension-requests/{request_id}/refuse": BODIES["POST /extensions/<int:pk>/refuse/"],
    "POST /api/change-requests/{request_id}/refuse": BODIES["POST /extensions/<int:pk>/refuse/"],
    "POST /api/measures/{measure_id}/reminders": BODIES["POST /measures/<int:pk>/remind/"],
    "PATCH /api/rounds/{round_id}/document-settings": BODIES[
        "POST /rounds/<int:pk>/documents/settings/"
    ],
    "PUT /api/problems/{problem_id}/withholding": BODIES["POST /problems/<int:pk>/withholding/"],
    "PATCH /api/rounds/{round_id}/document-texts/{kind}": BODIES[
        "POST /rounds/<int:pk>/documents/<slug:kind>/texts/"
    ],
    "POST /api/rounds/{round_id}/mechanisms": BODIES["POST /rounds/<int:round_pk>/mechanisms/new/"],
    "POST /api/measures/{measure_id}/reports": BODIES["POST /measures/<int:pk>/reports/new/"],
    "POST /api/measures/{measure_id}/verifications": BODIES["POST /measures/<int:pk>/verify/"],
    "POST /api/problems/{problem_id}/verifications": BODIES["POST /measures/<int:pk>/verify/"],
    "POST /api/problems/{problem_id}/claim": BODIES["POST /problems/<int:pk>/claim/"],
    "POST /api/measures/{measure_id}/extension-requests": BODIES[
        "POST /measures/<int:pk>/extension/new/"
    ],
    "POST /api/notices/{notice_id}/reply": BODIES["POST /notices/<int:pk>/reply/"],
}
# Writes that save nothing: reading earlier material only shows what it found, to pick from.
SHOWS = {
    "POST /rounds/<int:pk>/persons/<int:person_pk>/materials/import/": "在纪律作风上存在差距。"
}
# The API's endpoints that take files, as forms.
MULTIPART = {
    "POST /api/rounds/{round_id}/imports",
    "POST /api/rounds/{round_id}/mechanisms",
    "POST /api/measures/{measure_id}/reports",
    "POST /api/measures/{measure_id}/verifications",
    "POST /api/problems/{problem_id}/verifications",
    "POST /api/generalization-answers/{answer_id}/not-present",
}
# Where the ask endpoints need a measure without a pending request of the same kind.
STATE["extension/new"] = {"measure": "done_measure"}
STATE["change/new"] = {"measure": "done_measure"}
STATE["-requests"] = {"measure": "done_measure"}


# Running the matrix.


class Caller:
    """A role's page session and API token, trying endpoints on the relation's objects."""

    def __init__(self, world, role):
        self.world, self.role = world, role
        self.clients = made.Clients(world["users"][role])

    def __call__(self, endpoint: str, relation: str | None):
        method, route = endpoint.split(" ")
        path = fill(self.world, self.role, relation, endpoint) if relation else route
        body = None
        if endpoint in BODIES and method != "GET":
            objects = self.world["objects"][relation or "own"]
            body = BODIES[endpoint](objects, self.world, self.role)
        return self.clients.send(method, path, body, multipart=endpoint in MULTIPART), body


def expected(kind: str, role: str, relation: str | None) -> bool:
    index = ROLES.index(role)
    if relation is None:
        return FREE[kind][index]
    return relation in ALLOWED[kind][index]


def cases(role: str):
    for endpoint, kind in KIND_OF.items():
        if kind == "elsewhere":
            continue
        for relation in relations(endpoint.split(" ")[1]):
            allowed = expected(kind, role, relation)
            if allowed or not _refused_twice(endpoint, role, relation):
                yield endpoint, relation, allowed


def _refused_twice(endpoint: str, role: str, relation: str | None) -> bool:
    """A form the role may not post, on an object it sees: its page is refused by the same
    lookup as the post, and can show nothing the role may not read. Out of sight the page is
    still tried, for what it might show."""
    method, route = endpoint.split(" ")
    if method != "GET" or route.startswith("/api/") or f"POST {route}" not in KIND_OF:
        return False
    return relation in sight(role, endpoint)


# What a refused request answers: 403 or 404 (a page may instead send the form back with the
# reason), always 404 on another organization's.
ALLOW, REFUSE, HIDE = "allow", "refuse", "hide"
# The kind of endpoint whose row says which objects of a kind a role sees (else "read").
SEEN_AS = {
    "unit": "addressed",
    "person": "addressed",
    "notice": "addressed",
    "answer": "addressed",
    "assignment": "accounts",  # a verification group is the round's
}


def sight(role: str, endpoint: str) -> set[str]:
    """The relations whose object the endpoint names the role sees."""
    kinds = [k for k in object_kinds(endpoint.split(" ")[1]) if k in SEEN_AS or k not in OF_ROUND]
    if "notification" in kinds:
        return NONE  # another's notifications; one's own are allowed
    row = SEEN_AS.get(kinds[0], "read") if kinds else "round"
    return ALLOWED[row][ROLES.index(role)]


# What the system administrator reads to manage accounts: every organization's names, every
# assignment and group, and the whole audit trail (which quotes what was changed).
ADMINISTRATION = {"organization", "accounts", "audit"}
ADMINISTRATION_LISTS = {
    "GET /api/organizations",
    "GET /api/role-assignments",
    "GET /api/verification-groups",
}


def unreadable(role: str) -> list[bytes]:
    """Texts of the objects the role may not read: none may come back on any response."""
    readable = ALLOWED["read"][ROLES.index(role)]
    hidden = [made.TOKENS[r] for r in made.RELATIONS if r not in readable]
    return [text.encode() for text in hidden + ["江南"]]


def _verdict(response, body, endpoint, expect, changed) -> str | None:
    status = response.status_code
    method = endpoint.split(" ")[0]
    if expect == ALLOW:
        if status not in made.OK:
            return f"allowed, answered {status}"
        if endpoint in SHOWS:
            found = SHOWS[endpoint] in response.content.decode()
            return None if found and not changed else "allowed, but did not show what it read"
        if method != "GET" and body is not None and not changed:
            return f"allowed, answered {status} but changed nothing"
        return None
    if expect == HIDE and status != 404:
        return f"another organization's, answered {status}"
    # A page may send a refused form back to where it came from with the reason shown; the
    # refused requests changed nothing either way (test_matrix checks it).
    if status not in (403, 404) and not (status == 302 and "/api/" not in endpoint):
        return f"refused, answered {status}"
    return None


@pytest.mark.parametrize("role", ROLES)
def test_matrix(world, role, settings, db):
    settings.MEDIA_ROOT = world["media"]
    call = Caller(world, role)
    hidden = unreadable(role)
    administers = role == "admin"
    wrong, leaked, refused = [], [], []
    before = made.fingerprint()
    for endpoint, relation, allowed in cases(role):
        if not allowed:
            refused.append((endpoint, relation))
            continue
        with transaction.atomic():
            response, body = call(endpoint, relation)
            changed = body is not None and made.fingerprint() != before
            transaction.set_rollback(True)
        administering = administers and (
            KIND_OF[endpoint] in ADMINISTRATION or endpoint in ADMINISTRATION_LISTS
        )
        shown = [] if administering else hidden
        _judge(response, body, endpoint, relation, ALLOW, changed, wrong, leaked, shown)
    with transaction.atomic():
        for endpoint, relation in refused:
            response, body = call(endpoint, relation)
            expect = HIDE if relation == "foreign" else REFUSE
            _judge(response, body, endpoint, relation, expect, False, wrong, leaked, hidden)
        changed = made.fingerprint() != before
        transaction.set_rollback(True)
    if changed:
        wrong += _changed_by(call, refused, before)
    assert not wrong and not leaked, "\n".join(
        wrong + [f"shows what it may not: {e}" for e in leaked]
    )


def _judge(response, body, endpoint, relation, expect, changed, wrong, leaked, hidden):
    verdict = _verdict(response, body, endpoint, expect, changed)
    if verdict:
        wrong.append(f"{endpoint} [{relation}]: {verdict}")
    content = b"" if response.streaming else response.content
    shown = [text.decode() for text in hidden if text in content]
    if shown:
        leaked.append(f"{endpoint} [{relation}] shows {shown}")


def _changed_by(call, refused, before) -> list[str]:
    """Which refused requests changed something, one by one (only when some did)."""
    culprits = []
    for endpoint, relation in refused:
        with transaction.atomic():
            call(endpoint, relation)
            after = made.fingerprint()
            transaction.set_rollback(True)
        if after != before:
            tables = sorted(t for t in after if after[t] != before[t])
            culprits.append(f"{endpoint} [{relation}]: refused but changed {tables}")
    return culprits


def test_nothing_reaches_another_organization():
    """But the system administrator's accounts: it belongs to no organization."""
    reaching = {kind for kind, row in ALLOWED.items() for allowed in row if "foreign" in allowed}
    assert reaching == {"organization", "accounts"}
    assert {ROLES[i] for row in ALLOWED.values() for i, a in enumerate(row) if "foreign" in a} == {
        "admin"
    }
