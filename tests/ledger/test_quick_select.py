"""The ledger filter's long choice lists are written in Python, as the same HTML Django's
select templates write."""

from django import forms

from zhenggai.ledger.widgets import QuickSelect

CHOICES = [("", "全部"), ('1"<&', "临江 & <法院>"), ("2", "公安局")]
GROUPED = [("法院", [("1", "中级法院"), ("2", "人民法庭")]), ("3", "公安局")]


def _both(choices, value, attrs=None) -> tuple[str, str]:
    django = forms.Select(choices=choices).render("unit", value, attrs)
    quick = QuickSelect(choices=choices).render("unit", value, attrs)
    return django, quick


def test_it_writes_django_s_select_with_the_chosen_option_and_escaped_text():
    for value in ("", "2", '1"<&', None):
        django, quick = _both(CHOICES, value, {"id": "id_unit", "required": True, "x": False})
        assert quick == django


def test_it_writes_option_groups_as_django_does():
    django, quick = _both(GROUPED, "2")
    assert quick == django
    assert '<optgroup label="法院">' in quick


def test_it_writes_numbers_and_a_missing_value_as_django_does():
    numbered = [("", "全部"), (1, "第1级"), (2, "第2级"), (None, "无")]
    for value in (2, "2", None, ""):
        django, quick = _both(numbered, value)
        assert quick == django
