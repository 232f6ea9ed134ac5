"""`zhenggai export KIND --round ID [--person ID] [--notice ID] [--strict] --output FILE`:
the format follows the file's suffix, warnings go to stderr in Chinese, --strict exits non-zero
on any."""

import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from tests.factories import MeasureFactory


def export(kind, strict=False, **options):
    """Runs the command as typed: export KIND --round 1 --user office --output FILE."""
    args = [kind] + [f"--{name}={value}" for name, value in options.items()]
    out, err = io.StringIO(), io.StringIO()
    call_command("export", *args, *(["--strict"] if strict else []), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_ledger_goes_to_xlsx(led_round, office_clerk, tmp_path):
    target = tmp_path / "台账.xlsx"
    out, _ = export("ledger", round=led_round["round"].pk, user="office", output=str(target))
    assert "已导出整改台账 4 行" in out
    sheet = openpyxl.load_workbook(target)["整改台账"]
    assert [sheet.cell(row, 1).value for row in range(4, 8)] == ["1-1.1", "1-1.2", "1-2.1", "1-3.1"]


def test_the_plan_goes_to_docx(led_round, office_clerk, tmp_path):
    target = tmp_path / "方案.docx"
    out, err = export("plan", round=led_round["round"].pk, user="office", output=str(target))
    assert err == ""
    assert "（0 处提示）" in out
    paragraphs = [p.text for p in docx.Document(target).paragraphs]
    assert paragraphs[0].endswith("整改方案")
    assert "二、整改任务和措施" in paragraphs


def test_a_leaders_outline_needs_the_person(outline_material, leader, tmp_path):
    target = tmp_path / "提纲.docx"
    round_id = outline_material["round"].pk
    with pytest.raises(CommandError, match="须指定领导"):
        export("outline", round=round_id, user="leader", output=str(target))
    out, err = export(
        "outline", round=round_id, person=leader.person.pk, user="leader", output=str(target)
    )
    assert err == ""
    text = "\n".join(p.text for p in docx.Document(target).paragraphs)
    assert "周书记同志巡视整改专题民主生活会\n个人发言提纲" in text
    assert "（一）在理论武装上还有差距。" in text


@pytest.mark.parametrize("kind, name", [("plan", "方案.docx"), ("ledger", "台账.xlsx")])
def test_warnings_go_to_stderr_and_strict_refuses_with_where(
    kind, name, led_round, office_clerk, tmp_path
):
    problem = led_round["problems"]["court"]
    problem.text = "学习贯彻党的XX大精神不深入。"
    problem.save()
    target = tmp_path / name
    options = {"round": led_round["round"].pk, "user": "office", "output": str(target)}
    _, err = export(kind, **options)
    assert "提示：问题 1-1中有未填写的占位符“XX”" in err
    target.unlink()
    with pytest.raises(CommandError) as refused:
        export(kind, strict=True, **options)
    assert "严格模式下不予导出" in str(refused.value)
    assert "问题 1-1中有未填写的占位符“XX”" in str(refused.value)
    assert not target.exists()


def test_a_problem_without_measures_is_a_warning(led_round, office_clerk, tmp_path):
    MeasureFactory.reset_sequence()
    bare = led_round["problems"]["police"]
    bare.measures.all().delete()
    _, err = export(
        "report", round=led_round["round"].pk, user="office", output=str(tmp_path / "r.docx")
    )
    assert "问题 1-3没有整改措施" in err


def test_a_unit_may_not_write_the_offices_documents(led_round, court_reporter, tmp_path):
    with pytest.raises(CommandError, match="由本轮整改牵头单位"):
        export("plan", round=led_round["round"].pk, user="court", output=str(tmp_path / "p.docx"))


def test_the_ledger_must_be_xlsx(led_round, office_clerk, tmp_path):
    with pytest.raises(CommandError, match="只能导出为 .xlsx"):
        export(
            "ledger", round=led_round["round"].pk, user="office", output=str(tmp_path / "x.docx")
        )
