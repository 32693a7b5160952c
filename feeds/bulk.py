"""Writing many rows in one statement: different values per row, and inserts that say which rows they made.

Django's ``bulk_update`` builds a ``CASE WHEN id = … THEN …`` expression per field with one branch per row:
building it costs milliseconds per row in Python, and the database compares every row against every branch.
For a batch of a feed's articles that made storing the analysis cost ten times the analysis itself. On
PostgreSQL one ``UPDATE … FROM (VALUES …)`` joins the new values by primary key instead; elsewhere (SQLite,
the development database) ``bulk_update`` is kept: correct, only slower.

Inserting is the same story: ``bulk_create`` prepares every value of every row through several layers of
Python (for 1,000 articles that took longer than PostgreSQL took to store them), and with
``ignore_conflicts`` it cannot say which rows it inserted. ``insert_rows`` sends plain values as they are
(on PostgreSQL), one statement per batch, and can return columns of exactly the rows it inserted
(``RETURNING``).

On PostgreSQL both send each column as one array literal, unnested into rows (``_array_literals``), rather
than a literal per value.
"""
from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from operator import attrgetter

import orjson
from django.db import connections, router
from django.db.models import Model
from psycopg2.extras import Json

BATCH = 500


def update_rows(objects: Sequence[Model], fields: Sequence[str], *, batch_size: int = BATCH) -> None:
    """Write ``fields`` of each object (all of one model, all saved) to its row: what
    ``Model.objects.bulk_update(objects, fields)`` does, in one statement per batch."""
    if not objects:
        return
    model = type(objects[0])
    attnames = [model._meta.get_field(name).attname for name in fields]
    rows = [(obj.pk, *(getattr(obj, attname) for attname in attnames)) for obj in objects]
    update_values(model, fields, rows, batch_size=batch_size)


def update_values(model: type[Model], fields: Sequence[str], rows: Sequence[tuple], *, batch_size: int = BATCH
                  ) -> None:
    """``update_rows`` for rows given as tuples ``(pk, value of each field...)``: no model instance is made
    (making one costs more than writing its row, for a model with many fields)."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    if connection.vendor != "postgresql":
        objects = [model(pk=row[0], **{field.attname: value for field, value in zip(columns, row[1:])}) for row in rows]
        model._default_manager.bulk_update(objects, fields, batch_size=batch_size)
        return
    pk = meta.pk
    table = connection.ops.quote_name(meta.db_table)
    quote = connection.ops.quote_name
    # Every value is cast to its column's type: VALUES rows carry no types of their own.
    casts = [f"%s::{pk.db_type(connection)}"] + [f"%s::{field.db_type(connection)}" for field in columns]
    row_sql = "(" + ", ".join(casts) + ")"
    names = ", ".join(quote(name) for name in ["pk"] + [f"v{i}" for i in range(len(columns))])
    assignments = ", ".join(f"{quote(field.column)} = v.{quote(f'v{i}')}" for i, field in enumerate(columns))
    preparers = [pk.get_db_prep_value] + [field.get_db_prep_save for field in columns]
    arrays = "SELECT * FROM UNNEST(" + ", ".join(f"{cast}[]" for cast in casts) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            chunk = [tuple(prepare(value, connection) for prepare, value in zip(preparers, row))
                     for row in rows[start:start + batch_size]]
            columns = _array_literals(chunk)  # see there; VALUES when a value has no text form here
            source, params = (arrays, columns) if columns is not None else (
                f"VALUES {', '.join([row_sql] * len(chunk))}", [value for row in chunk for value in row])
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM ({source}) "
                f"AS v({names}) WHERE {table}.{quote(pk.column)} = v.{quote('pk')}",
                params,
            )


def insert_rows(objects: Sequence, *, ignore_conflicts: bool = False, returning: Sequence[str] = (),
                model: type[Model] | None = None, batch_size: int = BATCH) -> list[tuple]:
    """Insert unsaved instances of one model, one statement per batch. With ``returning``, gives those columns
    of the rows this call inserted: with ``ignore_conflicts``, a row that already existed is not among them
    (``ON CONFLICT DO NOTHING … RETURNING``: PostgreSQL, and SQLite from 3.35). With ``model``, the objects
    may be any objects with an attribute per field of ``model`` (its ``attname``) and ``pk``: making a model
    instance per row costs more than writing the row."""
    if not objects:
        return []
    model = model or type(objects[0])
    connection = connections[router.db_for_write(model)]
    # The primary key column goes into the INSERT only when the instances carry one.
    with_pk = objects[0].pk is not None
    fields = [field for field in model._meta.concrete_fields if with_pk or not field.primary_key]
    postgresql = connection.vendor == "postgresql"
    prepare = [_preparer(field, connection, postgresql) for field in fields]
    # Values sent as they are are read in one attrgetter call per row; only the others are prepared one by one.
    plain = [i for i, prep in enumerate(prepare) if prep is None]
    as_is = [(i, attrgetter(fields[i].attname)) for i in plain]
    prepared = [(i, prep) for i, prep in enumerate(prepare) if prep is not None]
    get_all = attrgetter(*(field.attname for field in fields)) if len(plain) == len(fields) else None

    def row_of(obj) -> tuple:
        if get_all is not None:
            return get_all(obj) if len(fields) > 1 else (get_all(obj),)
        row = [None] * len(fields)
        for i, get in as_is:
            row[i] = get(obj)
        for i, prep in prepared:
            row[i] = prep(obj)
        return tuple(row)

    # Rows are made a batch at a time: a prepared row holds its own copies (an article's JSON columns as text),
    # and only the batch being sent needs them.
    batch = min(batch_size, connection.ops.bulk_batch_size(fields, objects))
    found: list[tuple] = []
    for start in range(0, len(objects), batch):
        found.extend(insert_values(model, fields, [row_of(obj) for obj in objects[start:start + batch]],
                                   ignore_conflicts=ignore_conflicts, returning=returning, batch_size=batch))
    return found


def insert_values(model: type[Model], fields: Sequence, rows: Sequence[tuple], *, ignore_conflicts: bool = False,
                  returning: Sequence[str] = (), batch_size: int = BATCH) -> list[tuple]:
    """``insert_rows`` for rows given as tuples of values ready for the database, one per field of ``fields``
    (names or Field objects): no model instance is made. A JSON column takes its value as JSON text."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    fields = [meta.get_field(field) if isinstance(field, str) else field for field in fields]
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
    tail = (" ON CONFLICT DO NOTHING" if ignore_conflicts else "") + (
        f" RETURNING {', '.join(quote(_field(meta, name).column) for name in returning)}" if returning else "")
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    batch = min(batch_size, connection.ops.bulk_batch_size(fields, rows))  # SQLite bounds the parameters
    postgresql = connection.vendor == "postgresql"
    if postgresql:  # each column as one array literal (see _array_literals)
        arrays = "SELECT * FROM UNNEST(" + ", ".join(f"%s::{field.db_type(connection)}[]" for field in fields) + ")"
    found: list[tuple] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start:start + batch]
            columns = _array_literals(chunk) if postgresql else None
            if columns is not None:
                cursor.execute(head + arrays + tail, columns)
            else:
                values = [value for row in chunk for value in row]
                cursor.execute(head + "VALUES " + ", ".join([row_sql] * len(chunk)) + tail, values)
            if returning:
                found.extend(tuple(row) for row in cursor.fetchall())
    return found


def _array_literals(rows: Sequence[tuple]) -> list[str] | None:
    """Each column of ``rows`` as a PostgreSQL array literal (``{"a","b",NULL}``), or None when a value has
    no text form here. A VALUES list of a thousand 26-column rows is 26,000 literals for PostgreSQL to parse
    and type one by one, which took most of the time of inserting a feed's articles (some 70 ms per 1,000);
    26 array literals are read by the arrays' own input functions, in a fraction of that."""
    try:
        return [array_literal(column) for column in zip(*rows)]
    except TypeError:
        return None


def array_literal(column: Sequence) -> str:
    """One column as an array literal. A column of text only (most of an article's columns) is quoted in a
    few passes over the whole column, in C, instead of a Python call per value (a feed's articles are some
    27,000 values); the text is the same as ``_element`` gives value by value."""
    if not column:
        return "{}"
    types = set(map(type, column))
    if types == _STR:
        plain = "".join(column)
        if "\\" in plain or '"' in plain:
            column = tuple(value.replace("\\", "\\\\").replace('"', '\\"') for value in column)
        return '{"' + '","'.join(column) + '"}'
    if types == _NONE:
        return "{" + ",".join(["NULL"] * len(column)) + "}"
    if types <= _DATES:  # an ISO date has nothing to escape
        return "{" + ",".join("NULL" if value is None else '"' + value.isoformat() + '"' for value in column) + "}"
    return "{" + ",".join(_element(value) for value in column) + "}"


_STR = {str}
_NONE = {type(None)}
_DATES = {datetime.datetime, datetime.date, type(None)}


def _element(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "t" if value else "f"
    elif isinstance(value, (int, float)):
        text = repr(value)
    elif isinstance(value, (datetime.datetime, datetime.date)):
        text = value.isoformat()
    elif isinstance(value, Json):
        text = value.dumps(value.adapted)
    else:
        raise TypeError(type(value).__name__)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Columns whose Python values psycopg2 sends as they are: for these Django's preparation changes nothing (the
# connection's time zone is UTC, so an aware datetime goes as it is, see _preparer). Anything else is prepared by
# its field.
_SENT_AS_IS = frozenset({
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "DateField", "FloatField",
    "IntegerField", "PositiveBigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "SmallIntegerField", "TextField",
})


def _preparer(field, connection, postgresql: bool):
    """A function from an instance to the value its INSERT sends for ``field``, or None when that is the
    instance's attribute as it is. Defaults were applied when the
    instance was made; a field that fills itself in (``auto_now``) or needs preparing goes through Django, and
    so does every value on another database."""
    attname = field.attname
    target = field.target_field if field.is_relation else field
    internal_type = target.get_internal_type()

    def prepared(obj):
        return field.get_db_prep_save(field.pre_save(obj, True), connection)

    if not postgresql or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return prepared
    if internal_type in _SENT_AS_IS:
        return None  # read as it is
    if internal_type == "JSONField" and field.encoder is None:
        # The value Django sends, as JSON text: None is SQL NULL (Django wraps the rest in an adapter that
        # calls json.dumps; going through the field three times per article cost twice the dumps).
        def column_json(obj):
            value = getattr(obj, attname)
            return None if value is None else json_text(value)
        return column_json
    if internal_type == "DateTimeField":
        # A naive datetime is made aware by Django (with its warning), as bulk_create would.
        def aware_as_is(obj):
            value = getattr(obj, attname)
            return value if value is None or value.tzinfo is not None else prepared(obj)
        return aware_as_is
    return prepared


def json_text(value) -> str:
    """``value`` as JSON text for a ``jsonb`` column (every JSONField on PostgreSQL): orjson's, ~8x faster than
    ``json.dumps`` on an article's evidence (a 1,000-entry fetch writes ~4,500 of these; ~20 ms with json).
    The text differs from json.dumps's in spacing and in writing non-ASCII characters as they are, which
    ``jsonb`` does not keep: the stored value is the same. What orjson refuses (a lone surrogate, an integer
    beyond 64 bits, a key that is not a string) goes to json.dumps, as before."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value)


def _field(meta, name: str):
    return meta.pk if name == "pk" else meta.get_field(name)
