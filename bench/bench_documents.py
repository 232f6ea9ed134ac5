"""Documents out: the Excel ledger and the two-month report, timed with peak memory.

    .venv/bin/python bench/bench_documents.py libraries [--measures 100000]
    .venv/bin/python bench/bench_documents.py export [--round ID]
    .venv/bin/python bench/bench_documents.py report [--round ID]

`libraries` writes the same ledger (20,000 problems with 5 measures each, the problem's cells
merged, frozen header, filter, print setup) with openpyxl's write-only mode and with
XlsxWriter's constant_memory mode, each in a process of its own, and prints time and peak
memory: zhenggai keeps the faster (XlsxWriter).

`export` and `report` run `zhenggai export` as its own process on the data set of
`zhenggai gen` (bench/README.md), in the database the environment names: the ledger of the
biggest generated round, and the report of the smallest round with at least 1,000 problems
(or the round given). Targets: the ledger of 100,000 measures in under 20 s with a peak under
400 MB (`zhenggai gen --count 2` makes a round of about 100,000); the report over 1,000
problems in under 10 s."""

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
ZHENGGAI = str(ROOT / ".venv" / "bin" / "zhenggai")
MEASURES_PER_PROBLEM = 5


def run_measured(command: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (what a shared machine's load does not stretch), peak
    resident MB of the child (its own ru_maxrss, from wait4), and its standard output."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        child = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        if child.returncode:
            sys.exit(f"{' '.join(command)} failed:\n{stdout}{err.read()}")
    # ru_maxrss is in KB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


# libraries: each in its own process, started as `bench_documents.py write LIBRARY N OUT`


def lines(count: int):
    from zhenggai.writer import LedgerLine

    for index in range(count):
        problem = index // MEASURES_PER_PROBLEM
        yield LedgerLine(
            problem_code=f"{problem // 100 + 1}-{problem % 100 + 1}",
            category="贯彻落实党中央决策部署方面",
            problem="理论学习与工作实际结合不紧，运用学习成果推动平安建设、法治建设的举措不多。"
            * 2,
            lead_leader="周明",
            measure_code=f"{problem // 100 + 1}-{problem % 100 + 1}.{index % 5 + 1}",
            measure="制定理论学习中心组年度学习计划，每季度开展一次专题研讨，形成学习成果清单。",
            lead_unit="临江市中级人民法院",
            cooperating_units="临江市公安局、临江市司法局",
            deadline=datetime.date(2024, 6, 30),
            status="整改中",
            progress="已印发年度学习计划，开展专题研讨两次，形成调研报告一篇。",
        )


def write_xlsxwriter(count: int, out: str) -> None:
    from zhenggai.writer import LedgerSheet, write_ledger

    sheet = LedgerSheet("压测台账", "压测", 1, "", datetime.datetime(2026, 1, 1))
    write_ledger(sheet, lines(count), out)


def write_openpyxl(count: int, out: str) -> None:
    """The same workbook in openpyxl's write-only mode, done as fast as it allows: one
    named style per kind of cell, merged ranges given as one set at the end."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
    from openpyxl.worksheet.cell_range import CellRange

    from zhenggai.writer.ledger import COLUMNS, MERGED

    book = openpyxl.Workbook(write_only=True)
    side = Side(style="thin")
    style = NamedStyle(
        name="cell",
        font=Font(name="仿宋_GB2312", size=11),
        alignment=Alignment(wrap_text=True, vertical="center"),
        border=Border(left=side, right=side, top=side, bottom=side),
    )
    book.add_named_style(style)
    sheet = book.create_sheet("整改台账")
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A4"
    sheet.append(["压测台账"])
    sheet.append(["压测"])
    sheet.append([name for name, _ in COLUMNS])
    merges, row, first, current = [], 3, 4, None
    for line in lines(count):
        row += 1
        if line.problem_code != current:
            if current is not None and row - 1 > first:
                merges += [
                    CellRange(min_col=c + 1, min_row=first, max_col=c + 1, max_row=row - 1)
                    for c in MERGED
                ]
            first, current = row, line.problem_code
        values = [
            line.measure_code, line.category, line.problem, line.measure, line.lead_leader,
            line.lead_unit, line.cooperating_units, line.deadline, line.original_deadline,
            line.status, line.progress,
        ]  # fmt: skip
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            cell.style = "cell"
            cells.append(cell)
        sheet.append(cells)
    if row > first:
        merges += [
            CellRange(min_col=c + 1, min_row=first, max_col=c + 1, max_row=row) for c in MERGED
        ]
    sheet.merged_cells.ranges = set(merges)
    sheet.auto_filter.ref = f"A3:K{row}"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(out)


def libraries(count: int) -> None:
    print(
        "| library | measures | wall s | CPU s | peak MB | file MB |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |"
    )
    for library in ("xlsxwriter", "openpyxl"):
        with tempfile.TemporaryDirectory() as folder:
            out = str(Path(folder) / f"{library}.xlsx")
            command = [PYTHON, __file__, "write", library, str(count), out]
            wall, cpu, peak, _ = run_measured(command)
            size = Path(out).stat().st_size / 1024 / 1024
            print(f"| {library} | {count:,} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {size:.1f} |")


# export and report: `zhenggai export` on the generated data


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
    import django

    django.setup()


def bench_rounds():
    """The generated rounds with their problems and measures counted (each in a subquery of
    its own: counting both over one join multiplies a round's problems by its measures)."""
    setup_django()
    from django.db.models import Count, IntegerField, OuterRef, Subquery

    from zhenggai.ledger.models import InspectionRound, Measure, Problem

    def count(model):
        rows = model.objects.filter(round=OuterRef("pk")).order_by().values("round")
        return Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField())

    return InspectionRound.objects.filter(name__startswith="【压测】").annotate(
        problem_count=count(Problem), measure_count=count(Measure)
    )


def export(round_id: int | None) -> None:
    rounds = bench_rounds()
    chosen = rounds.get(pk=round_id) if round_id else rounds.order_by("-measure_count").first()
    wall, cpu, peak, size, stdout = run_export("ledger", chosen.pk, "ledger.xlsx")
    print(
        f"ledger of round {chosen.pk} ({chosen.measure_count:,} measures): {wall:.1f} s "
        f"(CPU {cpu:.1f} s), "
        f"peak {peak:.0f} MB, {size:.1f} MB file — {stdout.strip()}"
    )


def report(round_id: int | None) -> None:
    rounds = bench_rounds()
    if round_id:
        chosen = rounds.get(pk=round_id)
    else:
        chosen = rounds.filter(problem_count__gte=1000).order_by("problem_count").first()
    wall, cpu, peak, size, _ = run_export("report", chosen.pk, "report.docx")
    print(
        f"report of round {chosen.pk} ({chosen.problem_count:,} problems): {wall:.1f} s "
        f"(CPU {cpu:.1f} s), "
        f"peak {peak:.0f} MB, {size:.1f} MB file"
    )


def run_export(kind: str, round_id: int, name: str) -> tuple[float, float, float, float, str]:
    """`zhenggai export KIND` as the office of the generated data, measured: wall and CPU
    seconds, peak MB, the file's MB and what the command printed."""
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / name)
        command = [ZHENGGAI, "export", kind, "--round", str(round_id), "--user", "bench_office"]
        wall, cpu, peak, stdout = run_measured([*command, "--output", out])
        return wall, cpu, peak, Path(out).stat().st_size / 1024 / 1024, stdout


def main() -> None:
    if sys.argv[1:2] == ["write"]:
        library, count, out = sys.argv[2], int(sys.argv[3]), sys.argv[4]
        sys.path.insert(0, str(ROOT))
        {"xlsxwriter": write_xlsxwriter, "openpyxl": write_openpyxl}[library](count, out)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["libraries", "export", "report"])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--round", type=int)
    args = parser.parse_args()
    if args.what == "libraries":
        libraries(args.measures)
    elif args.what == "export":
        export(args.round)
    else:
        report(args.round)


if __name__ == "__main__":
    main()
