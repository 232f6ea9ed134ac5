"""Every endpoint, generated from the URL map and the API's OpenAPI schema, tried by every role
of one organization against the objects of another organization: nothing is allowed and no
text of the other organization comes back. A new endpoint whose path names an object this
matrix does not know fails test_every_endpoint_is_covered; the matrix of tests/ledger covers
own unit, sub-unit and other unit within one organization on the key pages.

One setup per role; each role's requests run in one test, so the whole matrix stays fast."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from zhenggai.api.models import ApiToken
from zhenggai.api.urls import api
from zhenggai.authority.models import RoleAssignment, VerificationGroup
from zhenggai.mechanisms.models import Mechanism
from zhenggai.requests.models import ChangeRequest, ExtensionRequest
from zhenggai.supervision.models import SupervisionNotice

# What a path parameter names, by the path segment before it (or its own name).
KINDS = {
    "rounds": "round",
    "round_pk": "round",
    "problems": "problem",
    "problem_pk": "problem",
    "measures": "measure",
    "units": "unit",
    "persons": "person",
    "person_pk": "person",
    "notices": "notice",
    "mechanisms": "mechanism",
    "extensions": "extension",
    "changes": "change",
    "extension-requests": "extension",
    "change-requests": "change",
    "verification-groups": "group",
    "role-assignments": "assignment",
    "organizations": "organization",
    # Objects of kinds this matrix does not build for the other organization: any id is as
    # foreign as another, and must not be found.
    "imports": "none",
    "batches": "none",
    "evidence": "none",
    "generalization": "none",
    "generalization-answers": "none",
    "notifications": "none",
    "answers": "none",
    "items": "none",
    "item_pk": "none",
    "item_id": "none",
    "members": "name",
    "kind": "word",
    "key": "word",
}
# Endpoints that take no object: checked only for the other organization's text.
FREE = {"rest"}
OK = {200, 201, 204}
ROLES = ["office_clerk", "plain_leader", "court_reporter", "verifier", "observer"]


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
                found.append(prefix + str(pattern.pattern))

    walk(get_resolver().url_patterns)
    return [("GET", "/" + route) for route in found] + [
        ("POST", "/" + route) for route in found if "<" in route
    ]


def api_endpoints():
    schema = api.get_openapi_schema()
    return [
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("get", "post", "patch", "put", "delete")
    ]


def parameters(path: str) -> list[tuple[str, str]]:
    """(parameter, the segment before it) for each parameter of the path."""
    parts = re.split(r"(<(?:\w+:)?\w+>|\{\w+\})", path)
    found = []
    for i in range(1, len(parts), 2):
        name = re.sub(r"[<>{}]|\w+:", "", parts[i])
        before = parts[i - 1].rstrip("/").rsplit("/", 1)[-1]
        found.append((name, before))
    return found


def kind_of(name: str, before: str) -> str | None:
    if name in KINDS:
        return KINDS[name]
    return KINDS.get(before)


def test_every_endpoint_is_covered():
    endpoints = django_endpoints() + api_endpoints()
    assert len(endpoints) > 150
    unknown = [
        (method, path, name)
        for method, path in endpoints
        for name, before in parameters(path)
        if name not in FREE and kind_of(name, before) is None
    ]
    assert unknown == []


@pytest.fixture
def foreign(elsewhere):
    """The other organization's objects, by kind, as ids for a path."""
    clerk, round_ = elsewhere["clerk"], elsewhere["round"]
    measure, court = elsewhere["measure"], elsewhere["court"]
    day = datetime.date(2023, 12, 1)
    notice = SupervisionNotice.objects.create(
        round=round_,
        number="江南督办1号",
        unit=court,
        content="江南督办事项",
        reply_deadline=day,
        issued_by=clerk,
        issued_on=day,
    )
    mechanism = Mechanism.objects.create(
        round=round_,
        name="江南评查办法",
        kind="rule",
        issuing_unit=court,
        issued_on=day,
        created_by=clerk,
    )
    asked = {"measure": measure, "round": round_, "reason": "江南的理由", "asked_by": clerk}
    extension = ExtensionRequest.objects.create(
        **asked, current_deadline=day, new_deadline=datetime.date(2024, 3, 1)
    )
    change = ChangeRequest.objects.create(
        **asked, text="江南的新措施", kind="time_bound", deliverable="江南成果"
    )
    group = VerificationGroup.objects.create(round=round_, name="江南核查组")
    return {
        "round": round_.pk,
        "problem": elsewhere["problem"].pk,
        "measure": measure.pk,
        "unit": court.pk,
        "person": elsewhere["judge"].pk,
        "notice": notice.pk,
        "mechanism": mechanism.pk,
        "extension": extension.pk,
        "change": change.pk,
        "group": group.pk,
        "assignment": RoleAssignment.objects.get(user=clerk).pk,
        "organization": court.organization_id,
        "none": 987654,
        "name": clerk.username,
        "word": "plan",
    }


def filled(path: str, foreign: dict) -> str | None:
    """The path with the other organization's objects; None when it takes none."""
    if not parameters(path):
        return None
    for name, before in parameters(path):
        value = foreign[kind_of(name, before)]
        path = re.sub(rf"<(?:\w+:)?{name}>|\{{{name}\}}", str(value), path, count=1)
    return path


def call(client, method, path):
    if path.startswith("/api/"):
        return getattr(client, method.lower())(path, {}, content_type="application/json")
    return client.get(path) if method == "GET" else client.post(path, {})


@pytest.mark.parametrize("role", ROLES)
def test_no_role_reaches_another_organization(request, role, foreign, demo_round):
    user = request.getfixturevalue(role)
    page, program = Client(), Client(headers={"authorization": f"Bearer {_token(user)}"})
    page.force_login(user)
    allowed, leaked = [], []
    for method, route in django_endpoints() + api_endpoints():
        path = filled(route, foreign)
        client = program if route.startswith("/api/") else page
        if path is None:
            if method != "GET" or "{" in route or "<" in route:
                continue
            path = route
        response = call(client, method, path)
        body = b"" if response.streaming else response.content
        if "江南".encode() in body:
            leaked.append(f"{method} {path}")
        if path != route and response.status_code in OK:
            allowed.append(f"{method} {path} → {response.status_code}")
    assert (allowed, leaked) == ([], [])


def _token(user) -> str:
    return ApiToken.objects.issue(user, "矩阵")[1]


OWN_READS = [
    "/api/rounds/{round_id}",
    "/api/problems/{problem_id}",
    "/api/measures/{measure_id}",
    "/api/units/{unit_id}",
    "/api/persons/{person_id}",
    "/api/notices/{notice_id}",
    "/api/mechanisms/{mechanism_id}",
    "/api/extension-requests/{request_id}",
    "/api/change-requests/{request_id}",
    "/rounds/<int:pk>/",
    "/measures/<int:pk>/reports/",
]


def test_the_objects_are_real_their_own_office_reads_them(foreign, elsewhere):
    """The refusals above are about the organization, not about ids that lead nowhere."""
    clerk = elsewhere["clerk"]
    page, program = Client(), Client(headers={"authorization": f"Bearer {_token(clerk)}"})
    page.force_login(clerk)
    routes = {route for _, route in django_endpoints() + api_endpoints()}
    assert set(OWN_READS) <= routes
    answers = {
        route: call(program if route.startswith("/api/") else page, "GET", filled(route, foreign))
        for route in OWN_READS
    }
    assert {route: r.status_code for route, r in answers.items()} == dict.fromkeys(OWN_READS, 200)
