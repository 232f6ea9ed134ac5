"""Sections that other apps add to the problem page, without the ledger knowing them.

An app registers, in its AppConfig.ready(), a template and a function that prepares its data
for the whole page at once (so the page's queries stay bounded):

- a problem panel: fn(request, problem, measures) -> dict, rendered once below the measures
  with that dict as `panel`;
- a measure panel: fn(request, measures) -> None, which attaches what it needs to each
  measure; its template is rendered inside each measure's card with `measure` in context."""

from collections.abc import Callable

_problem_panels: list[tuple[str, Callable]] = []
_measure_panels: list[tuple[str, Callable]] = []


def problem_panel(template: str):
    def register(prepare: Callable) -> Callable:
        _problem_panels.append((template, prepare))
        return prepare

    return register


def measure_panel(template: str):
    def register(prepare: Callable) -> Callable:
        _measure_panels.append((template, prepare))
        return prepare

    return register


def problem_panels(request, problem, measures) -> list[dict]:
    return [
        {"template": template, **prepare(request, problem, measures)}
        for template, prepare in _problem_panels
    ]


def measure_panels(request, measures) -> list[str]:
    for _, prepare in _measure_panels:
        prepare(request, measures)
    return [template for template, _ in _measure_panels]
