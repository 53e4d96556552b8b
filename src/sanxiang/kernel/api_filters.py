"""Query-string filters of the API, validated through serializer fields.

A list endpoint declares its filters as a ``Serializer`` (``IdFilter`` for an id, a
``ChoiceField`` for a code, ``CharField`` for text) and reads them with ``query(request, Serializer)``:
a value that is not valid — an id too large for the database, a Unicode digit, ``false`` for an
id, an unknown code — is a 400 in the API's error shape, never ignored and never a 500. The same
serializer documents the parameters (``extend_schema(parameters=[Serializer])``).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.request import Request

MAX_ID = 2**63 - 1  # the largest value of a BigAutoField


class IdFilter(serializers.IntegerField):
    """A positive database id in ASCII digits."""

    default_error_messages = {"invalid": _("请填写有效的编号（正整数）。")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        text = str(data).strip()
        if not (text.isascii() and text.isdigit()):
            self.fail("invalid")
        return super().to_internal_value(text)


def choice_filter(field: models.Field, **kwargs: Any) -> serializers.ChoiceField:
    """A code filter with the model field's choices; empty means no filter."""
    choices = field.choices
    assert choices is not None, f"{field} has no choices"
    return serializers.ChoiceField(choices=choices, required=False, allow_blank=True, **kwargs)


def text_filter(**kwargs: Any) -> serializers.CharField:
    kwargs.setdefault("max_length", 200)
    return serializers.CharField(required=False, allow_blank=True, **kwargs)


def query(request: Request, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:
    """The validated filters of ``request`` (blank values dropped); raises ``ValidationError`` (400)."""
    # An empty value (``?kind=``) means "no filter", as a search form sends it.
    serializer = serializer_class(data={k: v for k, v in request.query_params.dict().items() if v != ""})
    serializer.is_valid(raise_exception=True)
    return {key: value for key, value in serializer.validated_data.items() if value not in ("", None)}


class SlugLookupField(serializers.SlugRelatedField):
    """``SlugRelatedField`` that refuses a value the database cannot even compare (a NUL character,
    which PostgreSQL rejects in any text literal) as an invalid choice, a 400, not a 500."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value="\\x00")
        return super().to_internal_value(data)
