import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.reader.builders import FIXTURES, image_only_pdf, ledger_workbook
from zhenggai.reader.sniff import OLE2

ROOT_KEYS = {"file", "format", "encoding", "title", "genre", "evidence", "warnings", "outline"}
GENRES = {"feedback", "plan", "speech", "progress", "self_examination", "other"}
NODE_KEYS = {"marker", "level", "kind", "title", "text", "line", "children"}
WARNING_KEYS = {"code", "message", "line", "text"}
ROW_KEYS = {
    "number", "category", "problem", "measure", "lead_leader", "lead_unit",
    "cooperating_units", "deadline", "deadline_text", "status", "progress",
}  # fmt: skip


def parse(*args: str) -> str:
    out = StringIO()
    call_command("parse", *args, stdout=out)
    return out.getvalue()


def zhenggai(*args: str) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).with_name("zhenggai")), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_json_output_has_exactly_the_contract_keys():
    result = json.loads(parse(str(FIXTURES / "site_copy.txt"), "--json"))
    assert set(result) == ROOT_KEYS
    assert (result["format"], result["encoding"]) == ("txt", "utf-8")
    assert all(set(warning) == WARNING_KEYS for warning in result["warnings"])
    assert result["genre"] in GENRES
    assert all(set(reason) == WARNING_KEYS for reason in result["evidence"])
    stack = list(result["outline"])
    while stack:
        node = stack.pop()
        assert set(node) == NODE_KEYS
        stack.extend(node["children"])


def test_outline_nodes_give_level_kind_title_text_and_line():
    result = json.loads(parse(str(FIXTURES / "court_speech.txt"), "--json"))
    first = result["outline"][0]
    assert {k: first[k] for k in ("marker", "level", "kind", "title", "line")} == {
        "marker": "一、", "level": 1, "kind": "problem", "title": "查摆的主要问题", "line": 4,
    }  # fmt: skip
    assert first["children"][0]["children"][0]["text"].startswith("审判执行监督的闭环没有形成。")


def test_the_genre_comes_with_the_words_that_decided_it():
    result = json.loads(parse(str(FIXTURES / "rectification_plan.txt"), "--json"))
    assert result["genre"] == "plan"
    assert result["evidence"][0]["text"] == "方案"
    assert result["evidence"][0]["line"] == 1


def test_a_spreadsheet_adds_rows_with_their_english_keys(tmp_path):
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(ledger_workbook())
    result = json.loads(parse(str(ledger), "--json"))
    assert set(result) == ROOT_KEYS | {"rows"}
    assert result["encoding"] is None
    assert all(set(row) == ROW_KEYS for row in result["rows"])
    assert result["rows"][0]["deadline"] == "2024-03-31"


def test_without_json_it_prints_a_readable_outline():
    text = parse(str(FIXTURES / "court_speech.txt"))
    assert "一、查摆的主要问题〔问题，第 4 段〕" in text
    assert "\n  （一）在执行巡察反馈意见方面" in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("不存在.txt", None, "找不到文件"),
        ("发言提纲.doc", OLE2 + b"\x00" * 600, "另存为” .docx"),
        ("扫描件.pdf", image_only_pdf(), "没有文字层"),
    ],
)
def test_errors_go_to_stderr_in_chinese_with_a_non_zero_exit(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = zhenggai("parse", str(path), "--json")
    assert result.returncode != 0
    assert message in result.stderr
    assert result.stdout == ""


def test_the_console_script_prints_json_on_stdout():
    result = zhenggai("parse", str(FIXTURES / "traditional.txt"), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "某市司法局黨組巡察整改專題民主生活會發言提綱"
