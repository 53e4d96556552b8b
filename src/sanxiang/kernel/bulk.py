"""Bulk INSERT (SQLite) or COPY (PostgreSQL): the rows ``bulk_create`` would store, at a fraction of its cost.

``QuerySet.bulk_create`` compiles the SQL of every value of every row and splits SQLite inserts at
999 parameters; for the import's tens of thousands of rows (entries, versions, deadlines, audit
events) that cost more than masking them. ``insert_rows`` prepares each value exactly as ``save()``
does and sends a chunk of rows to one ``INSERT`` through the driver's ``executemany`` on SQLite
(one statement prepared once), and to one ``COPY`` on PostgreSQL (``_copy_rows``).
"""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

__all__ = ["CHUNK_SIZE", "ModelBuilder", "insert_rows", "update_rows"]

# Rows per ``executemany``: bounds the memory of the prepared values, not the parameter count
# (each row is bound on its own, so SQLite's limit on parameters per statement does not apply).
CHUNK_SIZE = 500

# Values whose field's ``get_db_prep_save`` returns them unchanged on SQLite and PostgreSQL, by the
# field's exact class (a subclass may convert): a str under a text field, an int under an integer
# field, a bool under a boolean field. ``insert_rows`` passes these as they are, which saves a
# chain of method calls per value; every other value goes through the field.
_UNCHANGED: dict[type[models.Field], frozenset[type]] = {
    **dict.fromkeys(
        (models.CharField, models.TextField, models.SlugField, models.EmailField, models.URLField),
        frozenset({str}),
    ),
    **dict.fromkeys(
        (
            models.IntegerField,
            models.BigIntegerField,
            models.SmallIntegerField,
            models.PositiveIntegerField,
            models.PositiveBigIntegerField,
            models.PositiveSmallIntegerField,
            models.AutoField,
            models.BigAutoField,
            models.SmallAutoField,
        ),
        frozenset({int}),
    ),
    models.BooleanField: frozenset({bool}),
}
# Field classes whose ``get_db_prep_save`` maps None to None (SQL NULL): the above, dates and times
# (their ``adapt_*_value`` return None for None), JSON (None is SQL NULL, not JSON null) and keys.
_NONE_UNCHANGED = frozenset(
    {
        *_UNCHANGED,
        models.DateField,
        models.DateTimeField,
        models.TimeField,
        models.JSONField,
        models.ForeignKey,
        models.OneToOneField,
    }
)
# Fields whose ``pre_save`` only reads the attribute unless ``auto_now``/``auto_now_add`` is set.
_DATES = (models.DateField, models.DateTimeField, models.TimeField)


def _unchanged(field: models.Field) -> frozenset[type]:
    """Types of the values ``field.get_db_prep_save`` returns unchanged (``type(None)`` for None)."""
    kind = type(field)
    if kind in (models.ForeignKey, models.OneToOneField):
        # A key is prepared by its target field; only an int id is sure to pass unchanged ("" under
        # a key may become NULL).
        unchanged = _unchanged(field.target_field) & {int}  # type: ignore[attr-defined]  # a ForeignKey
    else:
        unchanged = _UNCHANGED.get(kind, frozenset())
    return unchanged | {type(None)} if kind in _NONE_UNCHANGED else unchanged


def _reads_attribute(field: models.Field) -> bool:
    """Whether ``field.pre_save`` returns the attribute as it is (else it is called, as by ``save()``)."""
    if type(field).pre_save is models.Field.pre_save:
        return True
    return type(field) in _DATES and not (field.auto_now or field.auto_now_add)  # type: ignore[attr-defined]  # a date field


def insert_rows(
    model: type[models.Model],
    objs: Sequence[models.Model],
    *,
    using: str = DEFAULT_DB_ALIAS,
    chunk: int = CHUNK_SIZE,
) -> None:
    """INSERT ``objs`` (unsaved instances of ``model``) into database ``using``, ``chunk`` rows per statement.

    Stores the rows ``model.objects.bulk_create(objs)`` would: every concrete field but a
    database-generated primary key or a generated column, each value being its field's
    ``pre_save(obj, add=True)`` (so ``auto_now_add`` and ``auto_now`` times are set on the objects
    too) prepared by ``get_db_prep_save`` against the connection itself. It skips what
    ``bulk_create`` does besides: no signals, no ``save()``, no ids read back (a caller that needs
    them reads them by a unique key), no ``_state`` update, no expressions as values (a
    ``TypeError``; ``F()`` or ``db_default`` need ``bulk_create``). The inserts join the caller's
    transaction, or run in one of their own; a failed chunk aborts the whole transaction.
    """
    if chunk < 1:
        raise ValueError("insert_rows needs a chunk of at least one row")
    if not objs:
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        # AutoFieldMeta makes every auto field (BigAutoField too) an instance of AutoField.
        if not getattr(f, "generated", False) and not (f.primary_key and isinstance(f, models.AutoField))
    ]
    # The connection itself, not the ``connection`` proxy: the field methods read several of its
    # attributes per value, and each read through the proxy costs a thread-local lookup.
    conn = connections[using]
    quote = conn.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),  # type: ignore[arg-type]  # concrete fields have columns
        ", ".join(["%s"] * len(fields)),
    )
    row = _row_values(fields, conn, add=True)

    with transaction.atomic(using=using, savepoint=False), conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            _copy_rows(conn, cursor, model, fields, objs, row, chunk)
            return
        for first in range(0, len(objs), chunk):
            cursor.executemany(sql, [row(obj) for obj in objs[first : first + chunk]])


def _copy_rows(
    conn: Any,
    cursor: Any,
    model: type[models.Model],
    fields: Sequence[models.Field],
    objs: Sequence[models.Model],
    row: Callable[[models.Model], list[Any]],
    chunk: int,
) -> None:
    """PostgreSQL: each chunk of rows through one ``COPY … FROM STDIN``, which the server loads
    without parsing and planning a statement per row (Django binds parameters on the client, so
    every row of ``executemany`` is a new statement to the server): 10,000 audit events in 0.6 s
    instead of 1.4-1.9 s. Errors are Django's (``IntegrityError`` …), and each COPY is logged as
    ``executemany`` logs its statement ("N times: …") where queries are recorded."""
    quote = conn.ops.quote_name
    sql = "COPY {} ({}) FROM STDIN".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
    )
    for first in range(0, len(objs), chunk):
        batch = objs[first : first + chunk]
        started = time.monotonic()
        with conn.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for obj in batch:
                copy.write_row(row(obj))
        if conn.queries_logged:
            conn.queries_log.append(
                {"sql": f"{len(batch)} times: {sql}", "time": f"{time.monotonic() - started:.3f}"}
            )


def update_rows(
    model: type[models.Model],
    objs: Sequence[models.Model],
    fields: Sequence[str],
    *,
    using: str = DEFAULT_DB_ALIAS,
    chunk: int = CHUNK_SIZE,
) -> None:
    """UPDATE the columns of ``fields`` (names) of saved instances of ``model``, by primary key.

    Writes what ``obj.save(update_fields=fields)`` would write for each object, ``auto_now``
    fields among them set to the current time (``pre_save(obj, add=False)``), through one
    ``UPDATE … WHERE pk = %s`` statement run by ``executemany`` for ``chunk`` rows at a time.
    ``QuerySet.bulk_update`` instead builds one ``CASE WHEN`` expression per field over all rows of a
    batch, which costs far more than the update itself (most of an approval of 1,000 entries). No
    signals, no check that a row exists (an object without a row updates nothing), and no
    expressions as values, as with ``insert_rows``.
    """
    if chunk < 1:
        raise ValueError("update_rows needs a chunk of at least one row")
    if not objs or not fields:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    if any(not f.concrete or f.primary_key or getattr(f, "generated", False) for f in columns):
        raise ValueError(f"update_rows updates plain concrete columns, got {list(fields)}")
    conn = connections[using]
    quote = conn.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table),
        ", ".join(f"{quote(f.column)} = %s" for f in columns),  # type: ignore[arg-type,union-attr]  # concrete fields have columns
        quote(meta.pk.column),  # type: ignore[arg-type]  # every model has a primary key column
    )
    row = _row_values([*columns, meta.pk], conn, add=False)  # type: ignore[list-item]  # concrete fields
    with transaction.atomic(using=using, savepoint=False), conn.cursor() as cursor:
        for first in range(0, len(objs), chunk):
            cursor.executemany(sql, [row(obj) for obj in objs[first : first + chunk]])


def _row_values(
    fields: Sequence[models.Field], conn: Any, *, add: bool
) -> Callable[[models.Model], list[Any]]:
    """The function that gives an object's values of ``fields`` as ``save()`` prepares them:
    ``pre_save(obj, add)`` (only where a field does more than read the attribute), then
    ``get_db_prep_save`` against ``conn`` (only where it may change the value, and through a
    shorter way to the same result where ``_shortcuts`` knows one)."""
    columns = [(f.attname, f, _reads_attribute(f), _unchanged(f), _shortcuts(f, conn)) for f in fields]

    def row(obj: models.Model) -> list[Any]:
        values = []
        for attname, field, reads, unchanged, shortcuts in columns:
            value = getattr(obj, attname) if reads else field.pre_save(obj, add)
            kind = type(value)
            if kind not in unchanged:
                shortcut = shortcuts.get(kind)
                if shortcut is not None:
                    value = shortcut(value)
                else:
                    if hasattr(value, "resolve_expression"):
                        raise TypeError(f"bulk writes take plain values, got {value!r} for {field}")
                    value = field.get_db_prep_save(value, conn)
            values.append(value)
        return values

    return row


def _shortcuts(field: models.Field, conn: Any) -> dict[type, Callable[[Any], Any]]:
    """Value type → a function giving what ``field.get_db_prep_save(value, conn)`` gives, without
    its chain of calls, for the values bulk writes mostly carry: aware UTC datetimes (what
    ``timezone.now()`` returns), dates and JSON data. By the field's exact class, as ``_UNCHANGED``;
    a value the shortcut does not cover (a datetime in another zone, a naive one) goes through
    the field. ``tests/core/test_bulk.py`` checks each against the field on both databases."""
    kind = type(field)
    sqlite, postgresql = conn.vendor == "sqlite", conn.vendor == "postgresql"
    if kind is models.DateTimeField and settings.USE_TZ and (sqlite or postgresql):
        slow = field.get_db_prep_save
        if sqlite and conn.timezone_name != "UTC":
            return {}

        def aware_utc(value: datetime.datetime) -> Any:
            if value.tzinfo is not datetime.UTC:
                return slow(value, conn)
            # SQLite: make_naive in UTC, then str(); PostgreSQL: the aware value itself.
            return str(value.replace(tzinfo=None)) if sqlite else value

        return {datetime.datetime: aware_utc}
    if kind is models.DateField and (sqlite or postgresql):
        return {datetime.date: str if sqlite else _same}
    if kind is models.JSONField and sqlite and field.encoder is None:  # type: ignore[attr-defined]  # a JSONField
        return dict.fromkeys((dict, list, str, int, float, bool), json.dumps)
    return {}


def _same(value: Any) -> Any:
    return value


_CONSTANTS = (str, int, bool, type(None))


class ModelBuilder:
    """New instances of ``model`` through ``Model.__init__``'s positional fast path.

    ``Model(**kwargs)`` matches every keyword against every field, and each related object goes
    through its descriptor's routing checks; together a tenth of an import. Here values are given
    by attribute name and passed in field order; missing fields get their default as in
    ``Model()`` (computed once where it is an immutable constant); each ``related`` object sets its
    id and is cached on the instance, as the keyword would (the database is set on insert).
    Used by the bulk writers (the publicity import's drafts, ``deadline_set_many``) before
    ``insert_rows``.
    """

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.fields: list[tuple[str, Any, Any]] = []  # (attname, constant default, default factory)
        for f in model._meta.concrete_fields:
            constant = f.get_default()
            if (f.has_default() and callable(f.default)) or type(constant) not in _CONSTANTS:
                self.fields.append((f.attname, None, f.get_default))
            else:
                self.fields.append((f.attname, constant, None))
        self.attnames = [attname for attname, _constant, _factory in self.fields]
        self.signalled = pre_init.has_listeners(model) or post_init.has_listeners(model)
        # Concrete relations are ForeignKeys (attname, set_cached_value); Field does not declare them.
        self.relations: dict[str, Any] = {f.name: f for f in model._meta.concrete_fields if f.is_relation}

    def __call__(self, values: dict[str, Any], **related: Any) -> Any:
        if related:
            values = dict(values)
            for name, value in related.items():
                values[self.relations[name].attname] = None if value is None else value.pk
        row = [
            values[name] if name in values else (constant if factory is None else factory())
            for name, constant, factory in self.fields
        ]
        if self.signalled:
            obj = self.model(*row)
        else:
            # What ``Model(*row)`` does when no pre_init/post_init receiver listens: a fresh state
            # and each field's value in the instance's dict (the fields' descriptors read it from
            # there), without a descriptor ``__set__`` per key and two signal dispatches per object.
            obj = self.model.__new__(self.model)
            obj._state = ModelState()
            obj.__dict__.update(zip(self.attnames, row, strict=True))
        for name, value in related.items():
            self.relations[name].set_cached_value(obj, value)
        return obj
