from django import template

from zhenggai.carryout.files import readable

register = template.Library()


@register.filter
def file_size(size: int) -> str:
    """In KB or MB, as the upload limits are told: never 字节 beside KB."""
    return readable(size)
