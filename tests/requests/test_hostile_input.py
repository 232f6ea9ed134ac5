"""Whatever a unit sends as a new date or a reason, the answer is a request or a Chinese
message, and nothing already saved changes."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.requests.conftest import ask_change, in_days
from zhenggai.ledger.models import Measure
from zhenggai.requests import services
from zhenggai.requests.models import ChangeRequest, ExtensionRequest

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("new_deadline", "message"),
    [
        ("2024-02-30", "请填写有效的日期，例如 2024-06-30。"),
        (None, "请填写有效的日期，例如 2024-06-30。"),
        (20240630, "请填写有效的日期，例如 2024-06-30。"),
        (datetime.datetime(2030, 1, 1, 8, 0), "请填写有效的日期，例如 2024-06-30。"),
        (datetime.date(9999, 12, 31), "一次延期不能超过一年"),
        (datetime.date(1, 1, 1), "新的完成时限应晚于现在的完成时限（2023-12-31）。"),
    ],
)
def test_an_impossible_date_is_refused(measure, court_reporter, new_deadline, message):
    with pytest.raises(ValidationError) as refused:
        services.ask_extension(court_reporter, measure, new_deadline=new_deadline, reason="理由。")
    assert refused.value.message_dict["new_deadline"][0].startswith(message)
    assert not ExtensionRequest.objects.exists()


def test_the_last_day_within_a_year_is_accepted_and_the_next_refused(measure, court_reporter):
    with pytest.raises(ValidationError):
        services.ask_extension(court_reporter, measure, new_deadline=in_days(367), reason="理由。")
    request = services.ask_extension(
        court_reporter, measure, new_deadline=in_days(366), reason="理由。"
    )
    assert request.new_deadline == in_days(366)


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "请填写申请延期的理由。"),
        (" \n\t ", "请填写申请延期的理由。"),
        ("理" * 2001, "申请延期的理由不能超过 2000 个字（现有 2001 个）。"),
        ("带\x00空字符", "申请延期的理由不能包含空字符。"),
    ],
)
def test_a_bad_reason_is_refused(measure, court_reporter, reason, message):
    with pytest.raises(ValidationError) as refused:
        services.ask_extension(court_reporter, measure, new_deadline=in_days(30), reason=reason)
    assert refused.value.message_dict == {"reason": [message]}


def test_a_huge_or_foreign_change_is_refused(measure, court_reporter):
    with pytest.raises(ValidationError) as refused:
        ask_change(court_reporter, measure, text="措" * 100_000)
    assert "text" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        ask_change(court_reporter, measure, kind="someday")
    assert "kind" in refused.value.message_dict
    assert not ChangeRequest.objects.exists()
    assert Measure.objects.get(pk=measure.pk).text == measure.text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reason=st.text(max_size=300))
def test_any_reason_is_taken_or_refused_in_chinese(measure, api_as, court_reporter, reason):
    ExtensionRequest.objects.all().delete()
    response = api_as(court_reporter).post(
        f"/api/measures/{measure.pk}/extension-requests",
        {"new_deadline": in_days(30).isoformat(), "reason": reason},
    )
    assert response.status_code in (201, 422)
    if response.status_code == 422:
        for messages in response.json()["errors"].values():
            assert all(CHINESE.search(message) for message in messages)
