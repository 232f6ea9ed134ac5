"""The audit trail as a table for the assessor: CSV (UTF-8 with BOM, so Excel reads the
Chinese) or .xlsx, written row by row so that a long trail does not fill memory."""

import csv
import json
from pathlib import Path

import xlsxwriter
from django.utils import timezone

from zhenggai.audit.display import type_label
from zhenggai.audit.models import AuditEntry

HEADERS = [
    "序号",
    "时间",
    "操作人",
    "登录名",
    "所在单位",
    "地址",
    "途径",
    "操作",
    "对象类型",
    "对象编号",
    "对象",
    "修改前",
    "修改后",
    "摘要算法",
    "摘要",
]
FORMATS = ("csv", "xlsx")
# A cell starting with one of these is a formula to Excel and WPS: hostile text must not run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def row(entry: AuditEntry) -> list:
    return [
        entry.seq,
        timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
        entry.actor_name,
        entry.actor_username,
        entry.actor_unit_name,
        entry.address,
        entry.get_channel_display(),
        entry.get_kind_display(),
        type_label(entry.object_type),
        entry.object_id,
        entry.object_text,
        _json(entry.before),
        _json(entry.after),
        entry.algorithm,
        entry.digest,
    ]


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""


def _inert(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write(entries, path: Path) -> int:
    """Write the entries to path, CSV or .xlsx after its suffix. Returns the rows written."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError("导出文件的扩展名只能是 .csv 或 .xlsx。")
    return _write_csv(entries, path) if fmt == "csv" else _write_xlsx(entries, path)


def _write_csv(entries, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for entry in entries:
            writer.writerow([_inert(value) for value in row(entry)])
            count += 1
    return count


def _write_xlsx(entries, path: Path) -> int:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet("操作日志")
    sheet.write_row(0, 0, HEADERS)
    count = 0
    for count, entry in enumerate(entries, start=1):
        for column, value in enumerate(row(entry)):
            sheet.write_string(count, column, str(value))
    book.close()
    return count
