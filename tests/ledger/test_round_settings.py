"""The office sets a round's supervision settings (督办设置) on the round form: reporting
rhythms, the due-soon window and on-site checks for key problems. A change is recorded with
before and after, and moves the round's lights at once."""

import re

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from tests.api.test_rounds import NEW_ROUND
from zhenggai.ledger import services
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.forms import RoundForm
from zhenggai.ledger.models import Event, InspectionRound, Measure, Problem


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def form_data(round_: InspectionRound, **changes) -> dict:
    """What the edit form posts when the clerk changes only `changes`."""
    initial = model_to_dict(round_, fields=RoundForm._meta.fields)
    data = {**initial, "version": round_.version, **changes}
    if data.pop("onsite_required_for_key"):  # an unticked box is not posted at all
        data["onsite_required_for_key"] = "on"
    return {name: "" if value is None else value for name, value in data.items()}


def edit(office, round_, **changes):
    url = reverse("ledger:round_edit", args=[round_.pk])
    return office.post(url, form_data(round_, **changes))


def test_the_round_form_groups_the_supervision_settings(office, demo_round):
    page = office.get(reverse("ledger:round_edit", args=[demo_round["round"].pk])).content.decode()
    fieldset = page[page.index('<fieldset class="card" id="supervision-settings"') :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    assert "<h2>督办设置</h2>" in fieldset
    for label in ["集中整改期报送周期（天）", "常态化整改期报送周期（天）", "临期预警（工作日）"]:
        assert label in fieldset
    assert "重点问题须实地核查" in fieldset
    assert "离完成时限只剩这么多个工作日时亮黄灯" in fieldset
    assert 'name="due_soon_workdays" value="5"' in fieldset
    assert 'min="1" max="60"' in fieldset
    assert "feedback_date" not in fieldset


def test_a_new_round_starts_from_the_default_settings(office, units):
    page = office.get(reverse("ledger:round_create")).content.decode()
    assert 'name="rhythm_days" value="7"' in page
    assert 'name="rhythm_days_after" value="30"' in page
    assert re.search(r'<input type="checkbox" name="onsite_required_for_key"[^>]* checked>', page)


def test_the_office_creates_a_round_with_its_own_settings(office, units):
    data = NEW_ROUND | {
        "status": "concentrated",
        "office": units["office"].pk,
        "rhythm_days": "14",
        "rhythm_days_after": "60",
        "due_soon_workdays": "10",
    }
    response = office.post(reverse("ledger:round_create"), data)
    assert response.status_code == 302
    round_ = InspectionRound.objects.get()
    assert (round_.rhythm_days, round_.rhythm_days_after) == (14, 60)
    assert round_.due_soon_workdays == 10
    assert round_.onsite_required_for_key is False  # the box was not ticked
    created = Event.objects.get(kind=Event.Kind.ROUND_CREATED).changes
    assert created["due_soon_workdays"] == [None, 10]
    assert created["onsite_required_for_key"] == [None, False]


def test_the_office_changes_the_settings_and_the_change_is_recorded(office, demo_round):
    round_ = demo_round["round"]
    response = edit(office, round_, rhythm_days=10, rhythm_days_after=20, due_soon_workdays=3)
    assert response.status_code == 302
    round_.refresh_from_db()
    assert (round_.rhythm_days, round_.rhythm_days_after, round_.due_soon_workdays) == (10, 20, 3)
    event = Event.objects.get(kind=Event.Kind.ROUND_UPDATED)
    assert event.changes == {
        "rhythm_days": [7, 10],
        "rhythm_days_after": [30, 20],
        "due_soon_workdays": [5, 3],
    }


def test_unticking_on_site_checks_is_recorded(office, demo_round):
    round_ = demo_round["round"]
    assert edit(office, round_, onsite_required_for_key=False).status_code == 302
    assert InspectionRound.objects.get(pk=round_.pk).onsite_required_for_key is False
    event = Event.objects.get(kind=Event.Kind.ROUND_UPDATED)
    assert event.changes == {"onsite_required_for_key": [True, False]}


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("rhythm_days", "0", "请填写 1 至 366 之间的整数（天）。"),
        ("rhythm_days", "367", "请填写 1 至 366 之间的整数（天）。"),
        ("rhythm_days_after", "", "请填写 1 至 366 之间的整数（天）。"),
        ("rhythm_days_after", "-3", "请填写 1 至 366 之间的整数（天）。"),
        ("due_soon_workdays", "0", "请填写 1 至 60 之间的整数（工作日）。"),
        ("due_soon_workdays", "61", "请填写 1 至 60 之间的整数（工作日）。"),
        ("due_soon_workdays", "五", "请填写 1 至 60 之间的整数（工作日）。"),
        ("due_soon_workdays", "9" * 40, "请填写 1 至 60 之间的整数（工作日）。"),
    ],
)
def test_a_setting_out_of_range_is_explained(office, demo_round, field, value, message):
    round_ = demo_round["round"]
    response = edit(office, round_, **{field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert InspectionRound.objects.get(pk=round_.pk).rhythm_days == 7
    assert not Event.objects.filter(kind=Event.Kind.ROUND_UPDATED).exists()


def test_a_unit_user_cannot_change_the_settings(client, demo_round, court_reporter):
    client.force_login(court_reporter)
    response = edit(client, demo_round["round"], due_soon_workdays=30)
    assert response.status_code == 403
    assert InspectionRound.objects.get(pk=demo_round["round"].pk).due_soon_workdays == 5


def test_the_round_page_shows_the_settings(office, demo_round):
    page = office.get(reverse("ledger:round_home", args=[demo_round["round"].pk])).content.decode()
    assert "集中整改期每 7 天，常态化每 30 天" in page
    assert "5 个工作日" in page
    assert "<dd>必须</dd>" in page


def test_changing_the_due_soon_window_turns_a_measure_yellow_and_back_at_once(office, demo_round):
    """Eight working days before its deadline a measure is green with a five-day window and
    yellow with a ten-day one, as soon as the round is saved: no need to wait for the tick."""
    round_ = demo_round["round"]
    problem = demo_round["problems"]["police"]
    measure = problem.measures.get()
    deadline = work_calendar().add_workdays(timezone.localdate(), 8).date
    measure.deadline = deadline
    measure.save()  # a fresh measure is not silent: it has had no time to report yet
    assert Measure.objects.get(pk=measure.pk).light == "green"

    assert edit(office, round_, due_soon_workdays=10).status_code == 302
    measure.refresh_from_db()
    assert measure.light == "yellow"
    assert measure.light_reason.startswith("距完成时限还剩8个工作日")
    assert Problem.objects.get(pk=problem.pk).light == "yellow"

    round_.refresh_from_db()
    assert edit(office, round_, due_soon_workdays=5).status_code == 302
    assert Measure.objects.get(pk=measure.pk).light == "green"
    assert Problem.objects.get(pk=problem.pk).light == "green"


def test_the_service_records_the_settings_it_changes(demo_round, office_clerk):
    round_ = services.update_round(office_clerk, demo_round["round"], rhythm_days=14, version=1)
    assert round_.rhythm_days == 14
    assert Event.objects.get(kind=Event.Kind.ROUND_UPDATED).changes == {"rhythm_days": [7, 14]}
