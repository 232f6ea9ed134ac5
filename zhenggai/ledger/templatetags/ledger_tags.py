from django import template

from zhenggai.ledger import rows

register = template.Library()

register.simple_tag(rows.light)
register.simple_tag(rows.deadline)
register.simple_tag(rows.measure_rows)
register.simple_tag(rows.responsibility_rows)
register.simple_tag(rows.problem_rows)


@register.simple_tag
def problem_light(problem):
    """A problem of a list annotated with `has_measures` (queries.with_measure_flag)."""
    return rows.problem_light(problem, problem.has_measures)
