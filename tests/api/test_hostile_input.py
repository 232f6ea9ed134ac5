"""Whatever a client sends, the answer is a success or a Chinese 4xx, never a server error."""

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhenggai.ledger.models import Measure

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _refusal(response, status=422) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert CHINESE.search(body["detail"])
    for messages in body.get("errors", {}).values():
        assert all(CHINESE.search(m) for m in messages), messages
    return body.get("errors", {})


@pytest.fixture
def edit(measures, api_as, office_clerk):
    """A change of the court's measure, made on its version of the moment."""
    api = api_as(office_clerk)
    measure = measures["court"]

    def patch(payload):
        version = Measure.objects.get(pk=measure.pk).version
        return api.client.patch(
            f"/api/measures/{measure.pk}",
            payload,
            content_type="application/json",
            headers={"If-Match": f'"{version}"'},
        )

    return patch


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"text": "整" * 100_000}, "text", "不能超过 5000 个字符。"),
        ({"deliverable": "字" * 301}, "deliverable", "不能超过 300 个字符。"),
        ({"text": "   "}, "text", "不能为空。"),
        ({"text": "带\x00空字符"}, "text", "不能包含空字符（\\u0000）。"),
        ({"text": "\ud800"}, "text", "包含无法识别的字符。"),
        ({"text": 123}, "text", "应为文本。"),
        (
            {"deadline": "2023-02-30"},
            "deadline",
            "应为有效日期，格式为 YYYY-MM-DD，例如 2024-03-31。",
        ),
        (
            {"deadline": "明年三月"},
            "deadline",
            "应为有效日期，格式为 YYYY-MM-DD，例如 2024-03-31。",
        ),
        ({"deadline": 20240101}, "deadline", "应为有效日期，格式为 YYYY-MM-DD，例如 2024-03-31。"),
        ({"kind": "someday"}, "kind", "不是可选的值，可选：'immediate'、'time_bound'、'ongoing'。"),
        ({"lead_unit": True}, "lead_unit", "应为整数。"),
        ({"lead_unit": "法院"}, "lead_unit", "应为整数。"),
        ({"lead_unit": -1}, "lead_unit", "不能小于 1。"),
        ({"lead_unit": 10**30}, "lead_unit", f"不能大于 {2**63 - 1}。"),
        ({"lead_unit": 424242}, "lead_unit", "所选牵头单位不存在：编号 424242。"),
        ({"person_in_charge": 424242}, "person_in_charge", "所选责任人不存在：编号 424242。"),
        ({"cooperating_units": 5}, "cooperating_units", "应为列表，例如 [1, 2]。"),
        ({"cooperating_units": list(range(1, 52))}, "cooperating_units", "最多 50 项。"),
        ({"cooperating_units": None}, "cooperating_units", "应为列表，例如 [1, 2]。"),
        ({"number": 1000}, "number", "不能大于 999。"),
    ],
)
def test_it_refuses_bad_values_in_chinese(edit, payload, field, message):
    assert _refusal(edit(payload)) == {field: [message]}


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE ledger_measure; --",
        '" OR 1=1 --',
        "整改到位👍🏻✅",
        "{{ request.user }} ${7*7} %s %(x)s",
    ],
)
def test_it_keeps_markup_quotes_and_emoji_as_plain_text(edit, measures, text):
    response = edit({"text": text})
    assert response.status_code == 200
    assert response.json()["text"] == text
    assert Measure.objects.get(pk=measures["court"].pk).text == text


def test_it_refuses_a_body_that_is_not_json(measures, api_as, office_clerk):
    api = api_as(office_clerk)
    response = api.client.patch(
        f"/api/measures/{measures['court'].pk}", b"{text: \xff", content_type="application/json"
    )
    _refusal(response, status=400)


def test_it_refuses_a_list_where_an_object_belongs(edit):
    assert _refusal(edit([1, 2])) == {"__all__": ["应为 JSON 对象。"]}


def test_it_refuses_bad_query_parameters_in_chinese(demo_round, api_as, leader):
    api = api_as(leader)
    assert _refusal(api.get("/api/measures", due_from="2023-02-30")) == {
        "due_from": ["应为有效日期，格式为 YYYY-MM-DD，例如 2024-03-31。"]
    }
    assert _refusal(api.get("/api/measures", limit="abc")) == {"limit": ["应为整数。"]}
    assert _refusal(api.get("/api/measures", offset=10**30)) == {
        "offset": [f"不能大于 {2**63 - 1}。"]
    }
    assert _refusal(api.get("/api/problems", overdue="maybe")) == {
        "overdue": ["应为 true 或 false。"]
    }
    assert _refusal(api.get("/api/problems", q="词" * 101)) == {"q": ["不能超过 100 个字符。"]}
    assert _refusal(api.get("/api/problems", q="a\x00b")) == {"q": ["不能包含空字符（\\u0000）。"]}


def test_it_refuses_a_path_id_that_is_not_a_number(api_as, leader):
    assert _refusal(api_as(leader).get("/api/measures/abc")) == {"measure_id": ["应为整数。"]}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_any_text_is_saved_or_refused_in_chinese(edit, text):
    response = edit({"deliverable": text})
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        _refusal(response)


def test_it_refuses_a_body_over_the_upload_limit(measures, api_as, office_clerk, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    api = api_as(office_clerk)
    body = json.dumps({"text": "整" * 1024 * 1024})
    response = api.client.patch(
        f"/api/measures/{measures['court'].pk}", body, content_type="application/json"
    )
    assert _refusal(response, status=413) == {}
    assert response.json()["detail"] == "请求内容过大，不能超过 1 MB。"
