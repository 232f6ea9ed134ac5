"""`zhenggai audit export --output FILE`: the whole trail as CSV or .xlsx."""

import csv

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from zhenggai.audit import trail
from zhenggai.audit.models import Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    trail.append(Kind.CREATED, object_type="ledger.unit", object_id=7, object_text="临江市公安局")
    trail.append(
        Kind.UPDATED,
        object_type="ledger.unit",
        object_id=7,
        object_text='=HYPERLINK("http://x")',
        before={"name": "旧"},
        after={"name": "新"},
    )


def test_it_writes_a_csv_that_excel_reads_as_chinese(entries, tmp_path, capsys):
    path = tmp_path / "审计.csv"
    call_command("audit", "export", "--output", str(path))
    assert "已导出操作日志 2 条" in capsys.readouterr().out
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["序号", "时间", "操作人"]
    assert rows[1][7:11] == ["新增", "单位", "7", "临江市公安局"]
    assert rows[2][11:13] == ['{"name": "旧"}', '{"name": "新"}']


def test_a_formula_in_the_text_stays_text(entries, tmp_path):
    path = tmp_path / "审计.csv"
    call_command("audit", "export", "--output", str(path))
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[2][10] == '\'=HYPERLINK("http://x")'


def test_it_writes_an_xlsx(entries, tmp_path):
    path = tmp_path / "审计.xlsx"
    call_command("audit", "export", "--output", str(path))
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "操作日志"
    assert sheet["H2"].value == "新增" and sheet["K3"].data_type == "s"


def test_another_suffix_is_refused_in_chinese(entries, tmp_path):
    with pytest.raises(CommandError, match="只能是 .csv 或 .xlsx"):
        call_command("audit", "export", "--output", str(tmp_path / "审计.pdf"))
