"""The audit port: how the layers below ``sanxiang.audit`` (the organisation) write audit entries.

``sanxiang.audit`` builds on the organisation (its events name users and authorities), so the
organisation cannot import it back. Its services still audit explicitly, inside their own
transaction, by calling ``audit_log`` / ``audit_log_many`` here; the audit app plugs its writers
in from ``AuditConfig.ready()``. The signatures are those of ``sanxiang.audit.services``. With no
writer registered the call fails: an audited change is never written without its entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models

if TYPE_CHECKING:
    from sanxiang.org.models import User

_writers: dict[str, Callable[..., Any]] = {}


def register_audit_writer(*, log: Callable[..., Any], log_many: Callable[..., Any]) -> None:
    """Plug in the audit trail's writers; call from ``AppConfig.ready()``."""
    _writers["log"], _writers["log_many"] = log, log_many


def _writer(name: str) -> Callable[..., Any]:
    try:
        return _writers[name]
    except KeyError:
        raise ImproperlyConfigured("no audit writer registered: is sanxiang.audit installed?") from None


def audit_log(
    *,
    actor: User | str | None,
    action: str,
    target: Any = None,
    before: dict | None = None,
    after: dict | None = None,
    data: dict | None = None,
    **extra: Any,
) -> Any:
    """``sanxiang.audit.services.audit_log``: one event, inside the caller's transaction."""
    return _writer("log")(
        actor=actor, action=action, target=target, before=before, after=after, data=data, **extra
    )


def audit_log_many(*, actor: User | str | None, events: Sequence[Mapping[str, Any]]) -> Any:
    """``sanxiang.audit.services.audit_log_many``: several events chained in one go."""
    return _writer("log_many")(actor=actor, events=events)


def audit_snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The values of ``fields`` (default: all concrete fields) of ``obj`` for ``before``/``after``.

    Foreign keys give their id. Call it before and after a change and pass both dicts.
    """
    concrete = {f.name: f for f in obj._meta.concrete_fields}
    names = list(fields) if fields is not None else list(concrete)
    out: dict[str, Any] = {}
    for name in names:
        field = concrete.get(name)
        out[field.attname if field is not None and field.is_relation else name] = (
            field.value_from_object(obj) if field is not None else getattr(obj, name)
        )
    return out
