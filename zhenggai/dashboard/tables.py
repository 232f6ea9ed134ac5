"""The dashboard's figures as tables: every count a link to the ledger list behind it, with
the ledger's own filter parameters. A chart draws from its table's cells, so what the chart
shows and what the table says (and the tests read) are one and the same."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html

from zhenggai.rules.figures import Counts, rate

MEASURES = {"view": "measures"}
PROBLEMS = {"view": "problems"}
# name: (heading, ledger filters, the count it is a share of)
COLUMNS = {
    "total": ("措施", MEASURES, None),
    "done": ("已完成", {**MEASURES, "stage": "done"}, "total"),
    "closed": ("已销号", {**MEASURES, "stage": "closed"}, "total"),
    "overdue": ("超期", {**MEASURES, "overdue": "on"}, "total"),
    "silent": ("未按期报送", {**MEASURES, "flag": "silent"}, "total"),
    "reported": ("报送过进展", {**MEASURES, "flag": "reported"}, "total"),
    "red": ("红灯", {**MEASURES, "light": "red", "sort": "deadline"}, "total"),
    "problems": ("问题", PROBLEMS, None),
    "problems_closed": ("问题已销号", {**PROBLEMS, "status": "closed"}, "problems"),
    "no_mechanism": ("销号无长效机制", {**PROBLEMS, "flag": "no_mechanism"}, "problems_closed"),
    "rebound": ("变异反弹", {**PROBLEMS, "flag": "rebound"}, "problems"),
    "briefing_only": ("仅凭听取汇报销号", {**MEASURES, "flag": "briefing_only"}, "closed"),
    "unverified": ("无核查通过记录即销号", {**MEASURES, "flag": "unverified"}, "closed"),
    "extension_asked": ("申请过延期", {**MEASURES, "flag": "extension_asked"}, "total"),
    "extended": ("已延期", {**MEASURES, "flag": "extended"}, "total"),
}
BREAKDOWN = ["total", "done", "closed", "overdue", "silent", "problems", "problems_closed"]
# Problems have a lead unit of their own, so the unit tree counts measures only.
UNIT_COLUMNS = [
    "total",
    "done",
    "closed",
    "overdue",
    "silent",
    "red",
    "extension_asked",
    "extended",
]
LEVEL_COLUMNS = ["total", "reported", "silent", "closed"]
LEVEL_HEADINGS = {"reported": "报送率", "silent": "未按期报送率", "closed": "核查销号率"}


# Encoded once: a province's tables have hundreds of links.
COLUMN_QUERIES = {name: urlencode(filters) for name, (_, filters, _) in COLUMNS.items()}


@dataclass
class Cell:
    value: int
    href: str = ""
    rate: float | None = None

    # Rendered here rather than in the template: a province's tables have a thousand cells.
    def __str__(self) -> str:
        value = (
            format_html('<a href="{}">{}</a>', self.href, self.value) if self.href else self.value
        )
        if self.rate is None:
            return format_html("{}", value)
        return format_html('{} <small class="muted">{}%</small>', value, self.rate)

    __html__ = __str__


@dataclass
class Row:
    label: str
    cells: list[Cell]
    href: str = ""
    note: str = ""

    def __str__(self) -> str:
        label = (
            format_html('<a href="{}">{}</a>', self.href, self.label) if self.href else self.label
        )
        if not self.note:
            return format_html("{}", label)
        return format_html('{}<small class="muted">{}</small>', label, self.note)

    __html__ = __str__


@dataclass
class Table:
    id: str
    caption: str
    headings: list[str]
    rows: list[Row]
    row_heading: str = ""
    chart: dict | None = None
    notes: list[str] = field(default_factory=list)


def cells(names, counts: Counts, round_id: int | None, **row_filters) -> list[Cell]:
    """Counts, each with its share of what it is a share of, and its link: the ledger list
    of the round with the column's filters and the row's (none across rounds: the ledger
    lists one round at a time)."""
    ledger = reverse("ledger:ledger", args=[round_id]) if round_id else ""
    row_query = urlencode(row_filters)
    made = []
    for name in names:
        whole = COLUMNS[name][2]
        value = counts.get(name, 0)
        href = ""
        if ledger:
            href = f"{ledger}?{COLUMN_QUERIES[name]}" + (f"&{row_query}" if row_query else "")
        made.append(Cell(value, href, rate(value, counts.get(whole, 0)) if whole else None))
    return made


def cell(name: str, counts: Counts, round_id: int | None) -> Cell:
    return cells([name], counts, round_id)[0]


def headings(names) -> list[str]:
    return [COLUMNS[name][0] for name in names]


def bar_chart(table: Table, columns: list[int], names: list[str], percent=False) -> dict:
    """A horizontal bar chart of some of the table's columns, by row."""
    return {
        "type": "bar",
        "percent": percent,
        "labels": [row.label for row in table.rows],
        "series": [
            {
                "name": name,
                "data": [
                    row.cells[column].rate if percent else row.cells[column].value
                    for row in table.rows
                ],
            }
            for column, name in zip(columns, names, strict=True)
        ],
    }


def breakdown(id_: str, caption: str, by: str, rows: list[Row], names=BREAKDOWN) -> Table:
    """A table of counts by some grouping; its chart compares done, closed, overdue, silent."""
    table = Table(id_, caption, headings(names), rows, row_heading=by)
    table.chart = bar_chart(table, [1, 2, 3, 4], ["已完成", "已销号", "超期", "未按期报送"])
    return table


def categories(round_id: int, detail) -> Table:
    rows = [
        Row(
            f"{category.number}. {category.title}",
            cells(BREAKDOWN, counts, round_id, category=category.pk),
        )
        for category, counts in detail.categories
    ]
    return breakdown("categories", "按问题方面", "方面", rows)


def units(round_id: int | None, tree, drill_url) -> Table:
    """The chosen unit (with everything below it) first, then each unit right below it; a
    unit with units below drills down. Across rounds the counts link nowhere: no one ledger
    lists several rounds."""
    rows = []
    if tree.root:
        total = cells(UNIT_COLUMNS, tree.total, round_id, unit=tree.root.pk, unit_role="lead")
        rows.append(Row(f"{tree.root.name}（合计）", total, note="含下级单位"))
    for unit, counts, deeper in tree.units:
        row_cells = cells(UNIT_COLUMNS, counts, round_id, unit=unit.pk, unit_role="lead")
        rows.append(Row(unit.name, row_cells, drill_url(unit.pk) if deeper else ""))
    table = breakdown("units", "按牵头单位（含下级单位）", "牵头单位", rows, UNIT_COLUMNS)
    if tree.root:
        # The chart compares the units below; the total would flatten their bars.
        table.chart["labels"] = table.chart["labels"][1:]
        for series in table.chart["series"]:
            series["data"] = series["data"][1:]
    return table


def leaders(round_id: int, detail) -> Table:
    rows = [
        Row(
            f"{person.name}（{person.unit.name}）",
            cells(BREAKDOWN, counts, round_id, leader=person.pk),
        )
        for person, counts in detail.leaders
    ]
    table = breakdown("leaders", "按牵头领导", "牵头领导", rows)
    if detail.other_leaders:
        table.notes.append(
            f"按超期措施多少排列，仅列前 {len(rows)} 位；另有 {detail.other_leaders} 位领导，"
            "可在台账中按牵头领导筛选。"
        )
    missing = detail.without_leader
    if missing["total"] or missing["problems"]:
        table.notes.append(
            f"另有 {missing['problems']} 个问题、{missing['total']} 条措施未明确牵头领导。"
        )
    return table


def levels(round_id: int | None, levels_) -> Table:
    """上热下冷: how reporting, silence and close-out fall off down the unit tree."""
    rows = []
    for level in levels_:
        linked = round_id if level.level is not None else None
        row_filters = {"level": level.level} if linked else {}
        rows.append(
            Row(
                level.label,
                cells(LEVEL_COLUMNS, level.counts, linked, **row_filters),
                note="、".join(level.kinds),
            )
        )
    table = Table(
        "levels",
        "按单位层级（压力传导）",
        ["措施", "报送过进展（报送率）", "未按期报送（占比）", "已销号（核查销号率）"],
        rows,
        row_heading="牵头单位层级",
    )
    table.chart = bar_chart(table, [1, 2, 3], list(LEVEL_HEADINGS.values()), percent=True)
    return table


def trend(points, open_measures, round_id: int | None = None) -> Table:
    """Each point links to the ledger's measures open on that day (none across rounds)."""
    ledger = reverse("ledger:ledger", args=[round_id]) if round_id else ""
    rows = [
        Row(
            f"{point:%Y-%m-%d}",
            [Cell(n, f"{ledger}?view=measures&open_on={point:%Y-%m-%d}" if ledger else "")],
        )
        for point, n in zip(points, open_measures, strict=True)
    ]
    table = Table("trend", "未销号措施数（逐周）", ["未销号措施"], rows, row_heading="日期")
    table.chart = {
        "type": "line",
        "labels": [row.label for row in rows],
        "series": [{"name": "未销号措施", "data": list(open_measures)}],
    }
    return table


def rounds(overview, round_url) -> Table:
    """Across rounds every tile links here, so this table has a column for each tile."""
    names = TILES + MUST_BE_ZERO + LASTING
    rows = [
        Row(
            round_.name, cells(names, overview.by_round[round_.pk], round_.pk), round_url(round_.pk)
        )
        for round_ in overview.rounds
    ]
    return breakdown("rounds", "按轮次", "轮次", rows, names)


TILES = ["total", "done", "closed", "overdue", "silent", "red", "problems", "problems_closed"]
# Each must read 0: a closed item without real verification breaks the close-out rule.
MUST_BE_ZERO = ["briefing_only", "unverified"]
LASTING = ["no_mechanism", "rebound"]
TILE_LABELS = {
    "total": "整改措施",
    "done": "措施已完成",
    "closed": "措施已销号",
    "overdue": "措施超期",
    "silent": "措施未按期报送",
    "red": "红灯措施",
    "problems": "问题",
    "problems_closed": "问题已销号",
    "briefing_only": "仅凭听取汇报销号",
    "unverified": "无核查通过记录即销号",
    "no_mechanism": "问题已销号但无长效机制",
    "rebound": "变异反弹问题",
}


@dataclass
class Tile:
    name: str
    label: str
    cell: Cell


def tiles(names, counts: Counts, round_id: int | None, fallback: str = "") -> list[Tile]:
    """Across rounds a tile links to the table by round, where each round's figure links on."""
    made = []
    for name in names:
        tile_cell = cell(name, counts, round_id)
        tile_cell.href = tile_cell.href or fallback
        made.append(Tile(name, TILE_LABELS[name], tile_cell))
    return made
