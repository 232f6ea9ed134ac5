"""Building blocks of the API's schemas. Lengths, ranges and choices are read from the models,
so a schema cannot drift from the database; references to other objects go in as ids and
come out as small objects with a name."""

import copy
from typing import Annotated, Literal

from django.core.validators import MaxValueValidator
from django.db import models
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, BeforeValidator, ConfigDict, StringConstraints, create_model

from zhenggai.ledger.fields import MAX_KEY

MAX_LIMIT = 200


def _not_bool(value):
    # Pydantic would read true as 1, and a slip in a client would pick record 1.
    if isinstance(value, bool):
        raise ValueError("应为整数。")
    return value


Id = Annotated[int, BeforeValidator(_not_bool), Field(ge=1, le=MAX_KEY)]


def _without_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text; catching it here turns a server error into a message.
    if "\x00" in value:
        raise ValueError("不能包含空字符（\\u0000）。")
    return value


def bounded_text(max_length: int, required: bool = False):
    return Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=1 if required else 0, max_length=max_length
        ),
        AfterValidator(_without_nul),
    ]


def text_of(model: type[models.Model], name: str):
    """A text input as long as the model field allows, required unless the field may be blank."""
    field = model._meta.get_field(name)
    return bounded_text(field.max_length, required=not field.blank)


def number_of(model: type[models.Model], name: str):
    field = model._meta.get_field(name)
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    return Annotated[int, BeforeValidator(_not_bool), Field(ge=1, le=min(limits, default=MAX_KEY))]


def choice_of(model: type[models.Model], name: str):
    return Literal[*(value for value, _ in model._meta.get_field(name).choices)]


class Input(Schema):
    # A misspelt field would otherwise be ignored in silence and the change lost.
    model_config = ConfigDict(extra="forbid")


def partial_of(schema: type[Input], name: str) -> type[Input]:
    """The same fields, all optional: a PATCH carries only what changes. Defaults are not
    validated, so an omitted field stays unset while an explicit null is still checked."""
    fields = {}
    for field_name, info in schema.model_fields.items():
        info = copy.copy(info)
        info.default = None
        info.default_factory = None
        fields[field_name] = (info.annotation, info)
    return create_model(name, __base__=Input, **fields)


VERSION_HELP = (
    "修改所依据的版本号（读取时返回的 version）；也可用请求头 If-Match 提供。"
    "版本已过期时返回 409，见 docs/api.md。"
)


Version = Annotated[int, BeforeValidator(_not_bool), Field(ge=1, le=2**31 - 1)]


def versioned_partial_of(schema: type[Input], name: str) -> type[Input]:
    """partial_of(schema) with the `version` the change was made on (zhenggai.api.versions)."""
    version = (Version | None, Field(None, description=VERSION_HELP))
    return create_model(name, __base__=partial_of(schema, f"_{name}"), version=version)


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"每页条数，最多 {MAX_LIMIT}")
        offset: int = Field(0, ge=0, le=MAX_KEY, description="跳过的条数")


class UnitRef(Schema):
    id: int
    name: str


class PersonRef(Schema):
    id: int
    name: str
    title: str


class RoundRef(Schema):
    id: int
    name: str


class CategoryOut(Schema):
    id: int
    number: int
    title: str


class ProblemRef(Schema):
    id: int
    code: str
    title: str
