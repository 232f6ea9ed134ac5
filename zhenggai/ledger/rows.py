"""The rows of the ledger's lists, and the light and deadline cells every page shows, written
in Python. Drawn by Django's templates, a page of fifty rows (two includes, two {% url %}
and a truncatechars a row) cost about as much as all the page's queries; the HTML is the
templates' own, escaped as they escape (html.escape is Django's escape without its
wrappers, which cost more than a cell)."""

import datetime
import functools
import unicodedata
from html import escape

from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from zhenggai.rules.deadlines import is_overdue
from zhenggai.rules.status import MeasureStatus


@functools.cache
def _labels(model, field: str) -> dict:
    return dict(model._meta.get_field(field).flatchoices)


def _display(item, field: str) -> str:
    """As item.get_<field>_display(), read from the field's choices kept here: Django's costs
    more than the rest of a cell, three times a row."""
    value = getattr(item, field)
    return _labels(type(item), field).get(value, value)


NO_LIGHT = '<span class="muted" title="没有整改措施">—</span>'


def light(light: str, label: str, status: str) -> SafeString:
    """A measure's or a problem's light: a closed one shows 已销号, one without a light —."""
    if status == MeasureStatus.CLOSED:
        return mark_safe('<span class="muted">已销号</span>')
    if light:
        return mark_safe(f'<span class="light light-{escape(light)}">{escape(label)}</span>')
    return mark_safe(NO_LIGHT)


def problem_light(problem, has_measures: bool) -> SafeString:
    """A problem with no measures has no light to show (its stored light is the default)."""
    if not has_measures:
        return mark_safe(NO_LIGHT)
    return light(problem.light, _display(problem, "light"), problem.status)


def _day(day: datetime.date) -> str:
    return day.isoformat()


def deadline(measure, today: datetime.date) -> SafeString:
    """The deadline, 超期 once passed and not done, and the committed one an extension moved;
    长期坚持 and the like name their kind instead."""
    if not measure.deadline:
        return mark_safe(escape(_display(measure, "kind")))
    day = _day(measure.deadline)
    html = f'<time datetime="{day}">{day}</time>'
    if is_overdue(measure.deadline, measure.status, today):
        html += ' <span class="badge red">超期</span>'
    return mark_safe(html + _moved_from(measure.original_deadline))


def _moved_from(committed: datetime.date | None) -> str:
    if not committed:
        return ""
    return f' <span class="extended">（原定 <time>{_day(committed)}</time>，已延期）</span>'


def _next_due(stats) -> str:
    """A problem's nearest open deadline, and the commitment an extension moved it from."""
    if not stats.next_deadline:
        return "—"
    day = _day(stats.next_deadline)
    return f'<time datetime="{day}">{day}</time>' + _moved_from(stats.next_original)


class _Links:
    """The URLs of a page's rows, each reversed once per page: reverse() for every row cost
    more than the rest of the row."""

    MARK = 2_147_483_647

    def __init__(self, *names: str):
        self.parts = {name: reverse(name, args=[self.MARK]).split(str(self.MARK)) for name in names}

    def __call__(self, name: str, pk: int) -> str:
        head, tail = self.parts[name]
        return f"{head}{pk}{tail}"


def _truncated(text: str, length: int) -> str:
    """As truncatechars: a text that fits needs no walk through its characters, which costs
    more than the rest of the row."""
    if len(text) <= length:
        return unicodedata.normalize("NFC", text)
    return truncatechars(text, length)


def _row(cells: list[str]) -> str:
    return "<tr>\n    " + "\n    ".join(cells) + "\n  </tr>"


def _rows(rows: list[str]) -> SafeString:
    return mark_safe("\n  ".join(rows))


def _pick(measure) -> str:
    return (
        f'<td class="pick no-print"><input type="checkbox" name="measures" value="{measure.pk}"'
        f' form="batch" aria-label="选择 {escape(measure.code)}"></td>'
    )


def _code(measure, links: _Links) -> str:
    url = links("ledger:problem_detail", measure.problem_id)
    return f'<td class="code"><a href="{url}#measure-{measure.pk}">{escape(measure.code)}</a></td>'


def _light_cell(item) -> str:
    return f'<td class="light-cell">{light(item.light, _display(item, "light"), item.status)}</td>'


def _status_cell(item) -> str:
    status = escape(item.status)
    label = escape(_display(item, "status"))
    return f'<td class="status-cell"><span class="status status-{status}">{label}</span></td>'


def _link(links: _Links, name: str, pk: int, text: str) -> str:
    return f'<a href="{links(name, pk)}">{escape(text)}</a>'


def measure_rows(measures, today: datetime.date, pick: bool, printing: bool) -> SafeString:
    """The task list (任务清单)."""
    links = _Links("ledger:problem_detail", "ledger:unit_detail")
    rows = []
    for measure in measures:
        text = measure.text if printing else _truncated(measure.text, 120)
        unit = _link(links, "ledger:unit_detail", measure.lead_unit_id, str(measure.lead_unit))
        cells = [
            _code(measure, links),
            f'<td class="main">{escape(text)}</td>',
            f'<td class="nowrap">{escape(_display(measure, "kind"))}</td>',
            f'<td class="nowrap">{deadline(measure, today)}</td>',
            f"<td>{escape(measure.deliverable)}</td>",
            f"<td>{unit}</td>",
            _light_cell(measure),
            _status_cell(measure),
        ]
        rows.append(_row([_pick(measure), *cells] if pick else cells))
    return _rows(rows)


def responsibility_rows(measures, today: datetime.date, pick: bool) -> SafeString:
    """The responsibility list (责任清单): who answers for each measure."""
    links = _Links("ledger:problem_detail", "ledger:unit_detail", "ledger:person_detail")
    rows = []
    for measure in measures:
        problem = measure.problem
        leader = in_charge = ""
        if problem.lead_leader_id:
            leader = _link(
                links, "ledger:person_detail", problem.lead_leader_id, problem.lead_leader.name
            )
        if measure.person_in_charge_id:
            person = measure.person_in_charge
            in_charge = _link(links, "ledger:person_detail", person.pk, person.name)
        unit = _link(links, "ledger:unit_detail", measure.lead_unit_id, str(measure.lead_unit))
        cooperating = "、".join(escape(str(u)) for u in measure.cooperating_units.all())
        cells = [
            _code(measure, links),
            f'<td class="main">{escape(problem.title)}</td>',
            f"<td>{leader}</td>",
            f"<td>{unit}</td>",
            f"<td>{cooperating}</td>",
            f"<td>{in_charge}</td>",
            f'<td class="nowrap">{deadline(measure, today)}</td>',
            _light_cell(measure),
        ]
        rows.append(_row([_pick(measure), *cells] if pick else cells))
    return _rows(rows)


def _claims(problem) -> str:
    return "".join(
        f'<span class="badge claim">{escape(name)}已认领</span>' for name in problem.claimants
    )


def problem_rows(problems) -> SafeString:
    """The problem list (问题清单), each problem with the counts of its measures the user sees
    (`problem.stats`, queries.attach_measure_stats) and who claimed it (`problem.claimants`,
    queries.attach_claimants)."""
    links = _Links("ledger:problem_detail", "ledger:unit_detail", "ledger:person_detail")
    rows = []
    for problem in problems:
        stats = problem.stats
        key = ' <span class="badge key">重点</span>' if problem.is_key else ""
        title = _link(links, "ledger:problem_detail", problem.pk, problem.title)
        leader = unit = ""
        if problem.lead_leader_id:
            leader = _link(
                links, "ledger:person_detail", problem.lead_leader_id, problem.lead_leader.name
            )
        if problem.lead_unit_id:
            unit = _link(links, "ledger:unit_detail", problem.lead_unit_id, str(problem.lead_unit))
        overdue = f' <span class="badge red">{stats.overdue}项超期</span>' if stats.overdue else ""
        cells = [
            f'<td class="code">{escape(problem.code)}{key}</td>',
            f'<td class="main">{title}\n      {_claims(problem)}</td>',
            f"<td>{leader}</td>",
            f"<td>{unit}</td>",
            f"<td>{stats.done}/{stats.total}{overdue}</td>",
            f'<td class="nowrap">{_next_due(stats)}</td>',
            f'<td class="light-cell">{problem_light(problem, bool(stats.total))}</td>',
            _status_cell(problem),
        ]
        rows.append(_row(cells))
    return _rows(rows)
