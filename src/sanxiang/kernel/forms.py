"""Form helpers shared by the capability apps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms


def preselect_only_choices(form: forms.Form) -> None:
    """Preselect every required choice that has exactly one option (the one authority in the user's
    scope, the one item they may draft): a clerk is not asked to pick from a list of one. A bound
    form keeps what was posted."""
    if form.is_bound:
        return
    for name, field in form.fields.items():
        if not field.required:
            continue
        if isinstance(field, forms.ModelChoiceField):
            if field.queryset is None:
                continue
            options = list(field.queryset[:2])
            if len(options) == 1:
                key = field.to_field_name or "pk"
                form.initial[name] = getattr(options[0], key)
        elif isinstance(field, forms.ChoiceField):
            values = [
                value
                for value, _label in cast(Iterable[tuple[Any, Any]], field.choices)
                if value not in ("", None)
            ]
            if len(values) == 1:
                form.initial[name] = values[0]
