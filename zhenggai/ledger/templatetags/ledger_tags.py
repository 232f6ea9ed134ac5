from django import template

from zhenggai.rules.deadlines import is_overdue

register = template.Library()


@register.filter
def overdue_on(measure, today) -> bool:
    return is_overdue(measure.deadline, measure.status, today)
