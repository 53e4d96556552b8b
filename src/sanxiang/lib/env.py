"""Typed readers for settings taken from the environment.

Bad values raise ``ValueError`` naming the variable; settings.py turns that into
``ImproperlyConfigured``. A ``NAME_FILE`` variable supplies a secret from a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get(name, default)


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    value = environ[name].strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), got {environ[name]!r}")


def env_int(name: str, default: int, environ: Mapping[str, str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    try:
        return int(environ[name])
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {environ[name]!r}") from None


def env_float(name: str, default: float, environ: Mapping[str, str] | None = None) -> float:
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    try:
        return float(environ[name])
    except ValueError:
        raise ValueError(f"{name} must be a number, got {environ[name]!r}") from None


def env_json(name: str, default: Any, environ: Mapping[str, str] | None = None) -> Any:
    """A JSON value (an object of per-stage limits …); ``default`` when unset."""
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    try:
        return json.loads(environ[name])
    except ValueError:
        raise ValueError(f"{name} must be JSON, got {environ[name]!r}") from None


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    environ = os.environ if environ is None else environ
    if name not in environ:
        return list(default)
    return [part.strip() for part in environ[name].split(",") if part.strip()]


def env_secret(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Return ``NAME`` or the contents of the file named by ``NAME_FILE``, else None."""
    environ = os.environ if environ is None else environ
    if environ.get(name):
        return environ[name]
    path = environ.get(f"{name}_FILE")
    if path:
        with open(path, encoding="utf-8") as handle:
            return handle.read().strip()
    return None
