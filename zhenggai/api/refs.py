"""Input fields that hold ids of other objects become the objects the services take.
An unknown id is a 422 on that field, in Chinese, like any other invalid input."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import QuerySet


@dataclass(frozen=True)
class Ref:
    queryset: QuerySet
    label: str
    many: bool = False

    def resolve(self, field: str, value):
        if value is None:
            return None
        if self.many:
            found = list(self.queryset.filter(pk__in=set(value)))
            missing = sorted(set(value) - {obj.pk for obj in found})
            if missing:
                ids = "、".join(map(str, missing))
                raise ValidationError({field: f"所选{self.label}不存在：编号 {ids}。"})
            return found
        obj = self.queryset.filter(pk=value).first()
        if obj is None:
            raise ValidationError({field: f"所选{self.label}不存在：编号 {value}。"})
        return obj


def values_of(payload, refs: dict[str, Ref]) -> dict:
    """The fields the client sent, with ids replaced by objects, ready for a service."""
    values = payload.model_dump(exclude_unset=True)
    for field, ref in refs.items():
        if field in values:
            values[field] = ref.resolve(field, values[field])
    return values
