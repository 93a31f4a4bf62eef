"""The base of every stored record: plain dataclasses that validate and coerce themselves in
`__post_init__`, so a record built from the screen, the store or an import is checked the same way."""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import date
from enum import Enum
from typing import Any, ClassVar, Self

from krachtoverleg.core.errors import ValidationError


def new_id() -> str:
    return uuid.uuid4().hex


_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def check_id(value: object, label: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or not _ID.match(value):
        raise ValidationError(f"{label} klopt niet (een id is 1 tot 64 letters, cijfers, - of _).")


def to_plain(value: Any) -> Any:
    """A record (or anything inside one) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    return value


class Record:
    """Mixin for dataclass records. TABLE names the TinyDB table a top-level record lives in."""

    TABLE: ClassVar[str] = ""
    LABEL: ClassVar[str] = "gegeven"
    # Declared for the type checker only: every record is a dataclass with an id.
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    id: str

    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = to_plain(self)
        return plain

    @classmethod
    def from_dict(cls, data: object) -> Self:
        if not isinstance(data, dict):
            raise ValidationError(f"{cls.LABEL}: verwacht een object met velden.")
        fields = {field.name: field for field in dataclasses.fields(cls)}
        unknown = sorted(set(data) - set(fields))
        if unknown:
            raise ValidationError(f"{cls.LABEL}: onbekend veld {', '.join(unknown)}.")
        missing = [
            name for name, field in fields.items()
            if name not in data
            and field.default is dataclasses.MISSING
            and field.default_factory is dataclasses.MISSING
        ]
        if missing:
            raise ValidationError(f"{cls.LABEL}: veld ontbreekt: {', '.join(missing)}.")
        for name, value in data.items():  # ids and references are ids: never a list, a number, 1 MB
            if name == "id" or name.endswith("_id"):
                check_id(value, f"{cls.LABEL}: {name}", optional=name != "id")
        try:
            return cls(**data)
        except TypeError as error:  # a wrongly shaped value that the coercion could not take
            raise ValidationError(f"{cls.LABEL}: {error}") from None

    def replace(self, **changes: Any) -> Self:
        """A validated copy with some fields changed."""
        return dataclasses.replace(self, **changes)


def nested(cls: type[Record], value: object) -> Any:
    """Coerce a nested record given as a dict (from JSON) into its class."""
    if isinstance(value, cls):
        return value
    return cls.from_dict(value)


def nested_list(cls: type[Record], values: object, label: str) -> list[Any]:
    if values is None:
        return []
    if not isinstance(values, (list, tuple)):
        raise ValidationError(f"{label}: verwacht een lijst.")
    return [nested(cls, value) for value in values]
