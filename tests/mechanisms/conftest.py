"""Files as units upload them, and generalizations at each stage of their life.

Uploads go to the temporary folder tests/conftest.py sets."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.carryout.samples import PDF
from zhenggai.ledger.models import Unit
from zhenggai.mechanisms import services

DOCX_TYPES = (
    '<Types><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def zip_bytes(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def pdf(name="关于建立专题学习督查制度的通知.pdf") -> SimpleUploadedFile:
    return upload(name, PDF)


def docx(name="自查报告.docx") -> SimpleUploadedFile:
    members = {"[Content_Types].xml": DOCX_TYPES, "word/document.xml": "<w:document/>"}
    return upload(name, zip_bytes(members))


@pytest.fixture
def second_tribunal(units):
    return Unit.objects.create(name="城西人民法庭", kind=Unit.Kind.TRIBUNAL, parent=units["court"])


@pytest.fixture
def asked(demo_round, units, office_clerk, second_tribunal):
    """The office asks every tribunal to check itself for the court's problem."""
    return services.ask_generalization(
        office_clerk,
        demo_round["problems"]["court"],
        kind=Unit.Kind.TRIBUNAL,
        note="请对照检查本庭是否存在同类问题。",
    )


@pytest.fixture
def tribunal_answer(asked, units):
    return asked.answers.get(unit=units["tribunal"])


MEASURE = {
    "text": "制定本庭专题学习计划，每月开展一次集中学习",
    "kind": "time_bound",
    "deadline": datetime.date(2030, 6, 30),
}
