"""Loads the demo round of zhenggai.ops.demo_data through the ledger services, acting as the
office's clerk, so that the demo has the same record of events as work done by hand. Measures
reach their status through the carry-out services: units report with evidence files made
here, the office verifies beyond briefings; nothing is closed without a verification."""

import datetime
import struct
import zlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from zhenggai.authority.models import Organization, RoleAssignment, VerificationGroup
from zhenggai.carryout import services as carryout
from zhenggai.carryout.policy import closing_refusal
from zhenggai.ledger import services
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import Event, InspectionRound, Measure, Person, Problem, Unit
from zhenggai.ops import demo_data as data
from zhenggai.ops.accounts import remove_logins, save_user


class DemoError(RuntimeError):
    pass


@dataclass(frozen=True)
class Loaded:
    round: InspectionRound
    created: bool


def demo_round() -> InspectionRound | None:
    return InspectionRound.objects.filter(name=data.ROUND["name"]).first()


@transaction.atomic
def load(fresh: bool = False) -> Loaded:
    """Create the demo unless its round exists already; with fresh, replace it."""
    existing = demo_round()
    if existing and not fresh:
        return Loaded(existing, created=False)
    remove()
    return Loaded(_create(), created=True)


@transaction.atomic
def remove() -> None:
    """Delete the demo round, any round run by a demo unit, the demo units, their people, their
    organization with every role held in it, and the demo's named logins (deactivated and
    renamed instead where the audit trail names them). The admin login stays; loading resets
    its password anyway."""
    names = [data.UNITS[key][0] for key in data.ROOTS]
    roots = list(Unit.objects.filter(name__in=names, parent=None))
    organizations = [root.organization_id for root in roots]
    units = Unit.objects.filter(organization_id__in=organizations)
    rounds = InspectionRound.objects.filter(Q(name=data.ROUND["name"]) | Q(office__in=units))
    try:
        # Problems first: a category protects its problems from the round's cascade.
        Problem.objects.filter(round__in=rounds).delete()
        # A round's timeline is PROTECT (the record outlives it), so it goes first, explicitly.
        Event.objects.filter(round__in=rounds).delete()
        rounds.delete()
        Person.objects.filter(unit__in=units).delete()
        remove_logins(get_user_model().objects.filter(username__in=data.USERS))
        RoleAssignment.objects.filter(organization__in=organizations).delete()
        # Children before parents: a unit protects its sub-units.
        for depth in sorted(set(units.values_list("depth", flat=True)), reverse=True):
            units.filter(depth=depth).delete()
        Organization.objects.filter(pk__in=organizations).delete()
    except ProtectedError as exc:
        names = "、".join(sorted({str(obj) for obj in exc.protected_objects})[:5])
        raise DemoError(f"演示数据仍被其他数据引用，无法删除：{names}") from exc


def _day(today: datetime.date, offset: int) -> datetime.date:
    """today + offset days, moved off a day off away from today, so a past date stays past."""
    calendar = work_calendar()
    step = datetime.timedelta(days=-1 if offset < 0 else 1)
    day = today + datetime.timedelta(days=offset)
    while not calendar.is_workday(day):
        day += step
    return day


def _create() -> InspectionRound:
    today = timezone.localdate()
    units: dict[str, Unit] = {}
    for key, (name, kind, parent) in data.UNITS.items():
        units[key] = services.create_unit(name, kind, units[parent] if parent else None)

    persons = {
        key: Person.objects.create(name=name, title=title, unit=units[unit], is_leader=leader)
        for key, (name, title, unit, leader) in data.PERSONS.items()
    }
    contacts: dict[str, Person] = {}
    for key, (_, _, unit, leader) in data.PERSONS.items():
        if not leader:
            contacts.setdefault(unit, persons[key])

    users = {
        data.ADMIN_USERNAME: save_user(data.ADMIN_USERNAME, data.DEMO_PASSWORD, superuser=True)[0]
    }
    for username, (person_key, _) in data.USERS.items():
        person = persons[person_key]
        users[username], _ = save_user(username, data.DEMO_PASSWORD, name=person.name)
        person.user = users[username]
        person.save(update_fields=["user"])
        for role in data.ROLES[username]:
            RoleAssignment.objects.create(
                user=person.user, role=role, organization=person.unit.organization, unit=person.unit
            )

    clerk = users["office"]
    spec = data.ROUND
    round_ = _create_round(clerk, spec, units, today)
    problems = {}
    planned = []
    for c_number, c in enumerate(data.CATEGORIES, start=1):
        category = services.create_category(clerk, round_, c["title"], c_number)
        for p_number, p in enumerate(c["problems"], start=1):
            problem = services.create_problem(
                clerk,
                round_,
                category=category,
                number=p_number,
                text=p["text"],
                manifestations=p["manifestations"],
                source=p["source"],
                is_key=p.get("is_key", False),
                lead_leader=persons[p["leader"]],
                lead_unit=units[p["lead"]],
            )
            problems[c_number, p_number] = problem
            for m in p["measures"]:
                measure = services.create_measure(
                    clerk,
                    problem,
                    cooperating_units=[units[key] for key in m.get("with", [])],
                    text=m["text"],
                    kind=m["kind"],
                    deadline=_day(today, m["due"]) if "due" in m else None,
                    deliverable=m["deliverable"],
                    lead_unit=units[m["lead"]],
                    person_in_charge=persons[m["person"]] if "person" in m else contacts[m["lead"]],
                )
                planned.append((measure, m))
    for username, c_number, p_number, note in data.CLAIMS:
        services.claim_problem(users[username], problems[c_number, p_number], note)
    name, description, members = data.VERIFICATION_GROUP
    group = VerificationGroup.objects.create(round=round_, name=name, description=description)
    group.members.set([users[username] for username in members])
    for index, (measure, m) in enumerate(planned):
        _carry_out(measure, m, index, users, today)
    _create_elsewhere(units, users, today)
    return round_


def _create_round(clerk, spec: dict, units: dict, today: datetime.date):
    """A round as its office enters it; its dates are days from today."""
    days = ("visit_start", "visit_end", "feedback_date")
    return services.create_round(
        clerk,
        name=spec["name"],
        kind=spec["kind"],
        team=spec["team"],
        organization=spec["organization"],
        office=units[spec["office"]],
        **{name: _day(today, spec[name]) for name in days if name in spec},
    )


def _create_elsewhere(units: dict, users: dict, today: datetime.date) -> None:
    """The other organization's small round, through the same services, as its own office."""
    spec = data.ELSEWHERE_ROUND
    clerk = users[spec["clerk"]]
    round_ = _create_round(clerk, spec, units, today)
    category = services.create_category(clerk, round_, spec["category"], 1)
    for p in spec["problems"]:
        problem = services.create_problem(
            clerk, round_, category=category, text=p["text"], lead_unit=units[p["lead"]]
        )
        for text, due, deliverable, lead in p["measures"]:
            services.create_measure(
                clerk,
                problem,
                text=text,
                kind="time_bound",
                deadline=_day(today, due),
                deliverable=deliverable,
                lead_unit=units[lead],
            )


def _carry_out(measure: Measure, m: dict, index: int, users: dict, today: datetime.date) -> None:
    """Report and verify until the measure has the status the demo data gives it."""
    feedback = measure.round.feedback_date

    def day(offset: int) -> datetime.date:
        return min(max(today + datetime.timedelta(days=offset), feedback), today)

    status = m["status"]
    if status == "not_started":
        return
    reporter = users[data.REPORTERS.get(m["lead"], "office")]
    words = {"deliverable": m["deliverable"]}
    if status == "in_progress":
        photos = [_upload("现场照片.png", _png())] if index % 3 == 0 else []
        text = data.PROGRESS_TEXT.format(**words)
        carryout.submit_report(reporter, measure, day(-5 - index % 10), text, status, files=photos)
        return
    done_on = day(min(m.get("due", -8), -3) - 1)
    carryout.submit_report(
        reporter, measure, day(-38), data.PROGRESS_TEXT.format(**words), "in_progress"
    )
    evidence = [_upload(f"{m['deliverable']}.pdf", _pdf(m["deliverable"]))]
    text = data.DONE_TEXT.format(**words)
    carryout.submit_report(reporter, measure, done_on, text, "done_pending", files=evidence)
    if status == "done_pending":
        return
    checked_on = min(done_on + datetime.timedelta(days=2), today)
    if status == "returned":
        findings = data.RETURNED_FINDINGS.format(**words)
        carryout.verify_measure(
            users["office"],
            measure,
            methods=["document_review"],
            verified_on=checked_on,
            findings=findings,
            result="fail",
        )
        return
    carryout.verify_measure(
        _verifier(measure, users),
        measure,
        methods=["document_review", "on_site"],
        verified_on=checked_on,
        findings=data.PASSED_FINDINGS.format(**words),
        result="pass",
        files=[_upload("实地核查照片.png", _png((46, 125, 50)))],
    )
    if status == "ongoing":
        text = data.RHYTHM_TEXT.format(**words)
        carryout.submit_report(reporter, measure, today, text, "in_progress")
    if Measure.objects.get(pk=measure.pk).status != status:
        raise DemoError(f"演示数据有误：措施 {measure.code} 无法通过核查达到“{status}”。")


def _verifier(measure: Measure, users: dict):
    """The office's clerk, unless the clerk may not close the measure (the committee's own
    measures, or progress the office reported itself): then the 纪委监委's verifier of the
    round's verification group, because nobody checks their own work."""
    clerk = users["office"]
    return users["jiwei"] if closing_refusal(clerk, measure) else clerk


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _png(rgb: tuple[int, int, int] = (164, 22, 26), width: int = 96, height: int = 64) -> bytes:
    """A plain coloured picture standing in for a photo taken on site."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def _pdf(title: str) -> bytes:
    """A one-page PDF with the deliverable's name in Chinese, set in STSong-Light, one of the
    standard Chinese fonts every PDF reader provides, so nothing needs embedding."""
    text = title.encode("utf-16-be").hex().upper()
    stream = f"BT /F1 18 Tf 72 740 Td <{text}> Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"
        b" /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
        b" /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120"
        b" /CapHeight 880 /StemV 93 >>",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf
