"""Factories for ledger data. Units get their materialized path through Unit.save()."""

import datetime
import io

import docx
import factory
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max
from django.test import RequestFactory

from zhenggai.authority.models import Role, RoleAssignment, VerificationGroup
from zhenggai.ledger.models import (
    Category,
    InspectionRound,
    Measure,
    Person,
    Problem,
    Unit,
)

# Every named user's password; it passes the password rules.
PASSWORD = "Correct-horse-battery-7"


def next_number(model, **parent) -> int:
    """The number after the last among the parent's, as the services number a new category,
    problem or measure. Not a sequence: it counts every object made in the process, so a
    measure made after a thousand others in one pytest process (whichever files ran before)
    was numbered past the 999 a measure may have, and every edit of it was refused."""
    last = model.objects.filter(**parent).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"单位{n}")
    kind = Unit.Kind.OTHER


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"人员{n}")
    unit = factory.SubFactory(UnitFactory)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionRound

    name = factory.Sequence(lambda n: f"省委第{n}巡视组巡视反馈意见整改")
    team = "省委第三巡视组"
    organization = "中共临江市委政法委员会"
    office = factory.SubFactory(UnitFactory, kind=Unit.Kind.COMMITTEE)
    feedback_date = datetime.date(2023, 9, 28)
    rectification_deadline = datetime.date(2023, 11, 28)
    report_deadline = datetime.date(2023, 11, 28)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    round = factory.SubFactory(RoundFactory)
    number = factory.LazyAttribute(lambda o: next_number(Category, round=o.round))
    title = factory.Sequence(lambda n: f"第{n + 1}方面")


class ProblemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Problem

    category = factory.SubFactory(CategoryFactory)
    round = factory.SelfAttribute("category.round")
    number = factory.LazyAttribute(lambda o: next_number(Problem, category=o.category))
    text = factory.Sequence(lambda n: f"问题{n}：专题学习流于形式。具体表现为……")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    problem = factory.SubFactory(ProblemFactory)
    round = factory.SelfAttribute("problem.round")
    number = factory.LazyAttribute(lambda o: next_number(Measure, problem=o.problem))
    text = factory.Sequence(lambda n: f"措施{n}：制定专题学习计划，每月开展一次集中学习")
    kind = Measure.Kind.TIME_BOUND
    deadline = datetime.date(2023, 12, 31)
    deliverable = "学习计划、会议记录"
    lead_unit = factory.SubFactory(UnitFactory)

    @factory.post_generation
    def cooperating_units(self, create, units, **kwargs):
        if create and units:
            self.set_cooperating_units(units)


class VerificationGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerificationGroup
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    name = "市纪委监委核查组"

    @factory.post_generation
    def members(self, create, users, **kwargs):
        if create and users:
            self.members.set(users)
            for user in users:
                user.__dict__.pop("_zhenggai_actor", None)


def grant(user, role: Role, unit: Unit | None = None, round=None) -> RoleAssignment:
    """Gives the user a role: over the unit's organization (or the round's), for the unit, in
    every round or in one."""
    organization = unit.organization if unit else round.office.organization
    assignment = RoleAssignment(
        user=user, role=role, organization=organization, unit=unit, round=round
    )
    assignment.full_clean()
    assignment.save()
    # A role given in the middle of a test holds at once.
    user.__dict__.pop("_zhenggai_actor", None)
    return assignment


def user_in(unit: Unit, username: str, *roles: Role, **person) -> User:
    """A login with a person in the unit, holding these roles for it across its organization."""
    user = UserFactory(username=username)
    PersonFactory(unit=unit, user=user, name=person.pop("name", username), **person)
    for role in roles:
        grant(user, role, unit)
    return user


def login_request():
    """A request to try a password with: the lockout (django-axes) counts failures by address."""
    return RequestFactory().post("/login/")


def letterhead() -> SimpleUploadedFile:
    """An office's Word template: a letterhead, the mark where the text goes, a copy line."""
    document = docx.Document()
    for text in ("中共临江市委政法委员会文件", "{{正文}}", "抄送：市委办公室"):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile("红头.docx", out.getvalue())
