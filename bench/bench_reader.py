"""Reader benchmark: p50/p95 for the seed speech outline, plain-text throughput, a generated
200-page Word document, and a generated 10,000-row Excel ledger read into a draft.

    .venv/bin/python bench/bench_reader.py [--seed PATH]

Targets: seed under 20 ms, text at least 5 MB/s, 200-page docx under 5 s, 10,000-row ledger
to a draft under 10 s. The documents are generated here; their text is this project's own."""

import argparse
import datetime
import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zhenggai.reader import build_draft, read_bytes  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ITEMS = [
    "学习贯彻习近平法治思想不够深入，理论学习与工作实际结合不紧，运用理论指导实践的能力不足。"
    "中心组专题学习次数偏少，交流研讨多停留在读原文、谈体会，对基层反映的难点问题研究不够。",
    "对基层单位的督促检查多以听取汇报为主，实地核查少，部分整改措施没有落到实处。"
    "对整改台账的动态管理不够，个别事项销号依据不充分，群众对整改成效的感受不明显。",
    "矛盾纠纷排查化解机制运转不畅，网格员队伍专业化水平不高，发现问题不及时。"
    "部门之间的信息共享还停留在文件层面，预警信息流转慢，个别苗头性问题没有及早处置。",
    "执法监督工作机制不健全，案件评查结果运用不够，对苗头性问题提醒不及时。"
    "执法司法协作配合还不顺畅，案件移送标准不统一，影响了办案质量和效率。",
]


def timed(runs: int, work: Callable[[], object]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run. On a shared machine the wall clock includes
    waiting for the CPU; the CPU time shows what the reader itself costs."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def seconds(label: str, runs: tuple[list[float], list[float]], unit: float = 1.0) -> str:
    (p50, p95), (cpu50, _) = percentiles(runs[0]), percentiles(runs[1])
    name = "ms" if unit == 1000 else "s"
    return (
        f"{label}: p50 {p50 * unit:.2f} {name}, p95 {p95 * unit:.2f} {name} "
        f"(CPU p50 {cpu50 * unit:.2f} {name})"
    )


def speech_text(target_bytes: int) -> bytes:
    lines = ["某市政法系统巡察整改专题民主生活会对照检查材料"]
    section = 0
    while sum(len(line) * 3 for line in lines) < target_bytes:
        section += 1
        lines.append(f"{section}、存在的问题（第{section}部分）")
        for group in "一二三四":
            lines.append(f"（{group}）在落实整改责任方面")
            lines += [f"{'一二三四'[i]}是{item}" for i, item in enumerate(ITEMS)]
            lines.append(
                "主要表现：一是学习不深入、不系统；二是调研不经常、不扎实；三是督促不及时。"
            )
    return "\n".join(lines).encode()


def word_document(pages: int) -> bytes:
    document = docx.Document()
    document.add_paragraph("某市政法系统巡察整改工作情况汇编", style="Title")
    for page in range(pages):
        document.add_heading(f"第{page + 1}部分 整改情况", level=1)
        for item in ITEMS * 2:
            document.add_paragraph(item, style="List Number")
        if page % 10 == 0:
            table = document.add_table(rows=3, cols=3)
            for row in table.rows:
                for cell, text in zip(row.cells, ("序号", "问题", "措施"), strict=True):
                    cell.text = text
        document.add_page_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def ledger(rows: int) -> bytes:
    """Each problem spans two measure rows, merged as offices merge them. openpyxl's own
    merging is far too slow at this size, so the ranges are written into the sheet XML."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "整改台账"
    sheet.append(["某市巡察反馈问题整改台账"])
    sheet.append(["序号", "问题类别", "问题描述", "整改措施", "责任领导", "责任单位", "配合单位",
                  "完成时限", "整改状态", "进展情况"])  # fmt: skip
    deadline = datetime.datetime(2024, 6, 30)
    merges = []
    for index in range(rows):
        number, first = index // 2 + 1, index % 2 == 0
        sheet.append([
            str(number) if first else None, f"第{number % 4 + 1}方面" if first else None,
            ITEMS[number % 4] if first else None, f"整改措施{index}：建章立制",
            "王某某" if first else None, "市委政法委", "市法院、市检察院",
            deadline if index % 3 else "2024年12月底", "推进中", "已召开专题会议",
        ])  # fmt: skip
        if first:
            merges += [f"{column}{index + 3}:{column}{index + 4}" for column in "ABCE"]
    out = io.BytesIO()
    book.save(out)
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    return _rewrite(out.getvalue(), "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        "</sheetData>", f'</sheetData><mergeCells count="{len(merges)}">{cells}</mergeCells>'
    ))  # fmt: skip


def _rewrite(package: bytes, name: str, change: Callable[[str], str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == name:
                data = change(data.decode()).encode()
            target.writestr(item, data)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    found = next(SEEDS.glob("*.txt"), None) if SEEDS.is_dir() else None
    parser.add_argument("--seed", type=Path, default=found)
    args = parser.parse_args()
    report = []
    if args.seed:
        seed = args.seed.read_bytes()
        runs = timed(200, lambda: read_bytes(seed, "seed.txt"))
        report.append(seconds("seed speech outline", runs, unit=1000))
    text = speech_text(10 * 1024 * 1024)
    wall, cpu = timed(5, lambda: read_bytes(text, "large.txt"))
    megabytes = len(text) / 2**20
    (p50, p95), (cpu50, _) = percentiles(wall), percentiles(cpu)
    report.append(
        f"plain text ({megabytes:.1f} MB): p50 {megabytes / p50:.1f} MB/s, "
        f"p95 {megabytes / p95:.1f} MB/s (CPU p50 {megabytes / cpu50:.1f} MB/s)"
    )
    word = word_document(200)
    runs = timed(5, lambda: read_bytes(word, "200pages.docx"))
    report.append(seconds(f"200-page docx ({len(word) // 1024} KB)", runs))
    sheet = ledger(10_000)
    runs = timed(3, lambda: build_draft(read_bytes(sheet, "ledger.xlsx")))
    report.append(seconds("10,000-row xlsx to draft", runs))
    print("\n".join(report))


if __name__ == "__main__":
    main()
