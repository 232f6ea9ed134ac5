"""The review page and the API say what kind of document the reader took the upload for, and
the words that decided it."""

import pytest

from tests.importer.documents import plan_text
from zhenggai.importer.models import ImportBatch

pytestmark = pytest.mark.django_db

FEEDBACK = """县委第二巡察组关于巡察临江市委政法委的反馈意见
一、贯彻落实上级决策部署方面
（一）服务保障大局的举措不多。涉企案件审理周期较长。
（二）矛盾纠纷排查不细致。网格员发现问题不及时。
巡察组要求，一要提高政治站位，认真抓好整改；二要压实整改责任，逐项对账销号。
"""


def test_a_plan_is_read_as_a_plan_because_its_title_says_so(office, upload):
    upload(office, plan_text(), "方案.txt")
    batch = ImportBatch.objects.get()
    assert batch.genre == "plan"
    assert batch.evidence[0]["text"] == "方案"
    page = office.get(batch.get_absolute_url()).content.decode()
    assert "整改方案" in page
    assert "标题含“方案”" in page


def test_a_feedbacks_findings_become_problems_and_its_requirements_measures(office, upload):
    upload(office, FEEDBACK.encode(), "反馈意见.txt")
    batch = ImportBatch.objects.get()
    assert batch.genre == "feedback"
    [category] = batch.draft["categories"]
    assert [p["text"] for p in category["problems"]] == [
        "服务保障大局的举措不多",
        "矛盾纠纷排查不细致",
    ]
    assert [m["text"] for m in batch.draft["measures"]] == [
        "提高政治站位，认真抓好整改",
        "压实整改责任，逐项对账销号。",
    ]
