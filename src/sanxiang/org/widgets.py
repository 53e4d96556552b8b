"""Form widgets shared by every module."""

from django import forms


class DateInput(forms.DateInput):
    """A native date picker; its value must be ISO 8601 whatever the active locale formats dates as."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
