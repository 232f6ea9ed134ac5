"""The world the authorization matrix runs in, built once per module.

Two organizations. 临江 has a committee whose 整改办 runs the round; under the committee a
court with a tribunal below it, the police and the justice bureau. 江南 has a committee and a
court, with a round of its own. The matrix's users sit around the 临江 court:

- office: a clerk of the 整改办, which runs the round;
- leader: the court's president, leader for the court and lead leader of its problem;
- reporter: the court's reporter;
- verifier: a member of the round's verification group (核查组), a person of the committee;
- observer: observes the whole 临江 organization;
- cooperating: the justice bureau's reporter; the bureau cooperates on the court's measures;
- admin: a superuser and staff login with no role.

For each relation to the court (own: the court; sub: the tribunal; sibling: the police;
foreign: the 江南 court) the same set of objects: a problem with an open, a done and a closed
measure, a closed problem (withheld from the public disclosure), notices, a mechanism,
requests, evidence, generalization answers; each round has its Word template.
Every text of an object carries its relation's token, so a page that shows one is seen.

Clients sends a user's requests to the pages and the API; fingerprint() tells whether they
changed any content."""

import datetime
import hashlib

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.factories import (
    CategoryFactory,
    MeasureFactory,
    PersonFactory,
    ProblemFactory,
    RoundFactory,
    UnitFactory,
    UserFactory,
    VerificationGroupFactory,
    letterhead,
    user_in,
)
from zhenggai.api.models import ApiToken
from zhenggai.authority.models import Role, RoleAssignment
from zhenggai.carryout.models import Evidence, ProgressReport
from zhenggai.documents import services as documents
from zhenggai.documents.models import Cause, Withholding
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.forms import MeasureForm, ProblemForm, RoundForm
from zhenggai.ledger.models import Unit
from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer, Mechanism
from zhenggai.requests.models import ChangeRequest, ExtensionRequest
from zhenggai.supervision.models import Notification, SupervisionNotice

RELATIONS = ("own", "sub", "sibling", "foreign")
TOKENS = {"own": "甲院事项", "sub": "乙庭事项", "sibling": "丙局事项", "foreign": "江南事项"}
ROLES = ("office", "leader", "reporter", "verifier", "observer", "cooperating", "admin")
DAY = datetime.date(2023, 10, 9)


def _organization(name, round_name):
    committee = UnitFactory(name=f"{name}市委政法委", kind=Unit.Kind.COMMITTEE)
    units = {
        "committee": committee,
        "office": UnitFactory(name=f"{name}整改办", kind=Unit.Kind.OFFICE, parent=committee),
        "court": UnitFactory(name=f"{name}法院", kind=Unit.Kind.COURT, parent=committee),
    }
    round_ = RoundFactory(office=committee, name=round_name)
    return units, round_


def build() -> dict:
    units, round_ = _organization("临江", "临江巡察整改")
    units["tribunal"] = UnitFactory(name="城东法庭", kind=Unit.Kind.TRIBUNAL, parent=units["court"])
    units["police"] = UnitFactory(
        name="临江公安局", kind=Unit.Kind.PUBLIC_SECURITY, parent=units["committee"]
    )
    units["justice"] = UnitFactory(
        name="临江司法局", kind=Unit.Kind.OTHER, parent=units["committee"]
    )
    far_units, far_round = _organization("江南", "江南巡察整改")

    users = {
        "office": user_in(units["office"], "m-office", Role.OFFICE, name="王文书"),
        "leader": user_in(units["court"], "m-leader", Role.LEADER, name="周院长", is_leader=True),
        "reporter": user_in(units["court"], "m-reporter", Role.REPORTER, name="陈法官"),
        "verifier": user_in(units["committee"], "m-verifier", name="郑核查员"),
        "observer": UserFactory(username="m-observer"),
        "cooperating": user_in(units["justice"], "m-cooperating", Role.REPORTER, name="司法联络员"),
        "admin": UserFactory(username="m-admin", is_staff=True, is_superuser=True),
    }
    RoleAssignment.objects.create(
        user=users["observer"], role=Role.OBSERVER, organization=units["committee"].organization
    )
    far_clerk = user_in(far_units["office"], "m-far-office", Role.OFFICE, name="江南文书")
    groups = {
        "in": VerificationGroupFactory(round=round_, members=[users["verifier"]]),
        "foreign": VerificationGroupFactory(
            round=far_round, name="江南核查组", members=[far_clerk]
        ),
    }
    # Whoever reported for the tribunal and the police, and the other organization.
    reporters = {
        "own": users["reporter"],
        "sub": user_in(units["tribunal"], "m-tribunal", Role.REPORTER, name="林庭长"),
        "sibling": user_in(units["police"], "m-police", Role.REPORTER, name="赵警官"),
        "foreign": user_in(far_units["court"], "m-far-court", Role.REPORTER, name="江南法官"),
    }
    homes = {
        "own": (units["court"], round_, users["office"]),
        "sub": (units["tribunal"], round_, users["office"]),
        "sibling": (units["police"], round_, users["office"]),
        "foreign": (far_units["court"], far_round, far_clerk),
    }
    objects = {}
    for relation, (unit, in_round, clerk) in homes.items():
        cooperating = [units["justice"]] if relation == "own" else []
        leader = (
            users["leader"].person
            if relation == "own"
            else PersonFactory(unit=unit, name=f"{TOKENS[relation]}领导", is_leader=True)
        )
        objects[relation] = _objects(
            relation, unit, in_round, clerk, reporters[relation], cooperating, leader
        )
        objects[relation]["group"] = groups["foreign" if relation == "foreign" else "in"]
    for user in [*users.values(), *reporters.values()]:
        Notification.objects.get_or_create(recipient=user, title="请报送进展")
    # The justice bureau leads one problem of its own, to link its mechanisms to.
    bureau = ProblemFactory(
        round=round_, category=objects["own"]["category"], lead_unit=units["justice"]
    )
    return {
        "bureau_problem": bureau,
        "units": units,
        "round": round_,
        "users": users,
        "objects": objects,
        "reporters": reporters,
        "far_clerk": far_clerk,
    }


def _objects(relation, unit, round_, clerk, reporter, cooperating, leader) -> dict:
    token = TOKENS[relation]
    category = CategoryFactory(round=round_)

    def problem(**fields):
        return ProblemFactory(
            round=round_, category=category, lead_unit=unit, text=f"{token}：问题", **fields
        )

    def measure(of, status, **fields):
        return MeasureFactory(
            problem=of,
            lead_unit=unit,
            text=f"{token}：措施",
            status=status,
            cooperating_units=cooperating,
            **fields,
        )

    open_problem = problem(lead_leader=leader)
    open_measure = measure(open_problem, "in_progress")
    done = measure(open_problem, "done_pending", last_reported_on=DAY)
    closed = measure(open_problem, "closed", closed_on=DAY)
    closed_problem = problem(status="closed")
    measure(closed_problem, "closed", closed_on=DAY)
    report = ProgressReport.objects.create(
        measure=done,
        as_of=DAY,
        text=f"{token}：已完成",
        status="done_pending",
        submitted_by=reporter,
    )
    proof = token.encode()
    evidence = Evidence(
        report=report,
        original_name="佐证.txt",
        sha256=hashlib.sha256(proof).hexdigest(),
        size=len(proof),
        content_type="text/plain",
        uploaded_by=reporter,
    )
    evidence.file.save("proof.txt", ContentFile(proof), save=True)
    notice = dict(round=round_, unit=unit, reply_deadline=DAY, issued_by=clerk, issued_on=DAY)
    issued = SupervisionNotice.objects.create(
        number=f"{token}1", content=f"{token}：督办", **notice
    )
    replied = SupervisionNotice.objects.create(
        number=f"{token}2",
        content=f"{token}：督办",
        status="replied",
        reply=f"{token}：回复",
        replied_by=reporter,
        replied_at=timezone.now(),
        **notice,
    )
    mechanism = Mechanism.objects.create(
        round=round_,
        name=f"{token}：机制",
        kind="rule",
        issuing_unit=unit,
        issued_on=DAY,
        created_by=clerk,
    )
    mechanism.problems.add(open_problem)
    asked = dict(measure=open_measure, round=round_, reason=f"{token}：理由", asked_by=reporter)
    extension = ExtensionRequest.objects.create(
        current_deadline=open_measure.deadline, new_deadline=datetime.date(2024, 3, 1), **asked
    )
    change = ChangeRequest.objects.create(
        text=f"{token}：新措施", kind="time_bound", deliverable="新成果", **asked
    )
    generalization = Generalization.objects.create(
        source=open_problem, answer_deadline=DAY, asked_by=clerk
    )
    answer = GeneralizationAnswer.objects.create(generalization=generalization, unit=unit)
    answered = GeneralizationAnswer.objects.create(
        generalization=Generalization.objects.create(
            source=closed_problem, answer_deadline=DAY, asked_by=clerk
        ),
        unit=unit,
        answer="not_present",
        reasons=f"{token}：无同类问题",
        answered_by=reporter,
    )
    Withholding.objects.create(problem=closed_problem, reason="hype", marked_by=clerk)
    if relation in ("own", "foreign"):  # one a round
        template = letterhead()
        documents.upload_template(clerk, round_, template.name, template.read())
    cause = Cause.objects.create(round=round_, person=leader, number=1, text=f"{token}：原因")
    batch = ImportBatch.objects.create(
        round=round_,
        file_name=f"{token}.txt",
        sha256="1" * 64,
        format="txt",
        uploaded_by=clerk,
        draft=_draft(token),
    )
    return {
        "round": round_,
        "category": category,
        "unit": unit,
        "person": reporter.person,
        "leader": leader,
        "problem": open_problem,
        "closed_problem": closed_problem,
        "measure": open_measure,
        "done_measure": done,
        "closed_measure": closed,
        "report": report,
        "evidence": evidence,
        "notice": issued,
        "replied_notice": replied,
        "mechanism": mechanism,
        "extension": extension,
        "change": change,
        "answer": answer,
        "answered": answered,
        "batch": batch,
        "cause": cause,
        "assignment": RoleAssignment.objects.get(user=reporter),
    }


def _draft(token: str) -> dict:
    problem = {
        "key": "p1",
        "accepted": True,
        "number": 1,
        "line": 2,
        "text": f"{token}：导入的问题",
        "manifestations": "",
        "lead_leader_text": "",
        "lead_leader": None,
        "lead_unit": None,
        "is_key": False,
        "measures": [],
    }
    category = {
        "key": "c1",
        "accepted": True,
        "number": 1,
        "title": "方面",
        "target": "new",
        "problems": [problem],
    }
    return {"title": token, "categories": [category], "measures": [], "causes": []}


# Trying it


class Clients:
    """A user's page session and API token."""

    def __init__(self, user):
        self.page = Client()
        self.page.force_login(user)
        token = ApiToken.objects.issue(user, "矩阵")[1]
        self.program = Client(headers={"authorization": f"Bearer {token}"})

    def send(self, method: str, path: str, body: dict | None, multipart=False):
        """A page is sent a form, the API JSON (or a form where it takes files)."""
        if not path.startswith("/api/"):
            return self.page.get(path) if method == "GET" else self.page.post(path, body or {})
        call = getattr(self.program, method.lower())
        if multipart:
            return call(path, body or {})
        return call(path, body or {}, content_type="application/json")


OK = {200, 201, 204, 302, 303}
# Rows that are no content: who logged in, the audit trail of the requests themselves, tokens.
NOT_CONTENT = {"audit", "api", "accounts"}


def fingerprint() -> dict[str, str]:
    """A digest of every content table, to tell whether a request changed anything."""
    digests = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            meta = model._meta
            if not meta.app_config.name.startswith("zhenggai.") or meta.app_label in NOT_CONTENT:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(meta.db_table)}")
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[meta.db_table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return digests


def form_of(instance, fields, **changes) -> dict:
    """A form's data as the page would post it back, with some fields changed."""
    data = {}
    for name in fields:
        value = getattr(instance, name)
        if hasattr(value, "all"):
            value = [item.pk for item in value.all()]
        elif hasattr(value, "pk"):
            value = value.pk
        data[name] = value
    data.update(changes)
    data["version"] = instance.version
    return {
        key: (
            "on" if value is True else value.isoformat() if hasattr(value, "isoformat") else value
        )
        for key, value in data.items()
        if value is not None and value is not False
    }


# A page's valid body holds its form's fields.
ROUND_FIELDS = RoundForm._meta.fields
PROBLEM_FIELDS = ProblemForm._meta.fields
MEASURE_FIELDS = MeasureForm._meta.fields


def today_plus(days: int) -> str:
    """A date counted from the server's today (its time zone's), which the services check
    dates of reports and requests against."""
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()
