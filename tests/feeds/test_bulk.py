"""feeds.bulk: update_rows gives each row its own values, leaves other columns alone, one statement per batch;
insert_rows stores every type as bulk_create would and says which rows it inserted."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feeds.bulk import insert_rows, update_rows, update_values
from feeds.models import Article, ArticleJurisdiction
from tests.factories import make_jurisdiction

pytestmark = pytest.mark.django_db
WHEN = timezone.make_aware(datetime.datetime(2025, 6, 1, 12, 0))


def articles(n: int) -> list[Article]:
    return [
        Article.objects.create(url=f"https://ex.example/{i}", normalized_url=f"https://ex.example/{i}", title=f"T{i}")
        for i in range(n)
    ]


def test_every_row_gets_its_own_values_of_every_type():
    rows = articles(3)
    for i, article in enumerate(rows):
        article.is_relevant = i % 2 == 0
        article.relevance_score = i / 10
        article.suggested_kinds = ["court_ruling"] * i
        article.suggested_agencies = [{"odd": "json", "n": i}] if i else []
        article.event_date = datetime.date(2025, 1, 1 + i) if i else None
        article.analyzed_at = WHEN + datetime.timedelta(minutes=i)
        article.title = "changed in memory only"
    update_rows(rows, ["is_relevant", "relevance_score", "suggested_kinds", "suggested_agencies", "event_date",
                       "analyzed_at"])
    stored = list(Article.objects.order_by("pk").values_list(
        "is_relevant", "relevance_score", "suggested_kinds", "suggested_agencies", "event_date", "analyzed_at", "title"))
    assert stored == [
        (True, 0.0, [], [], None, WHEN, "T0"),
        (False, 0.1, ["court_ruling"], [{"odd": "json", "n": 1}], datetime.date(2025, 1, 2),
         WHEN + datetime.timedelta(minutes=1), "T1"),
        (True, 0.2, ["court_ruling"] * 2, [{"odd": "json", "n": 2}], datetime.date(2025, 1, 3),
         WHEN + datetime.timedelta(minutes=2), "T2"),
    ]


def test_text_with_quotes_and_nul_free_unicode_round_trips():
    (article,) = articles(1)
    article.title = "It's \"quoted\"; -- DROP TABLE; é 中文 \u2019"
    update_rows([article], ["title"])
    assert Article.objects.get().title == article.title


def test_a_foreign_key_is_written_by_its_id():
    first, second = articles(2)
    second.duplicate_of_id = first.pk
    update_rows([second], ["duplicate_of"])
    assert Article.objects.get(pk=second.pk).duplicate_of_id == first.pk


def test_one_statement_per_batch_whatever_the_number_of_rows():
    rows = articles(12)
    for article in rows:
        article.relevance_score = 0.5
    with CaptureQueriesContext(connection) as few:
        update_rows(rows[:2], ["relevance_score"], batch_size=5)
    with CaptureQueriesContext(connection) as many:
        update_rows(rows, ["relevance_score"], batch_size=5)
    if connection.vendor == "postgresql":
        assert (len(few), len(many)) == (1, 3)
    assert Article.objects.filter(relevance_score=0.5).count() == 12


def test_insert_rows_stores_every_type_of_value():
    (article,) = articles(1)
    place = make_jurisdiction(name="Bulkton")
    evidence = [{"field": "text", "start": 0, "end": 7, "text": "Bulkton \u2019 'quoted' %s"}]
    insert_rows([ArticleJurisdiction(article=article, jurisdiction=place, role="subject", evidence=evidence)])
    stored = ArticleJurisdiction.objects.get()
    assert (stored.article_id, stored.jurisdiction_id, stored.role, stored.evidence) == (
        article.pk, place.pk, "subject", evidence)


def test_insert_rows_returns_only_the_rows_it_inserted():
    (existing,) = articles(1)
    fresh = [
        Article(url=f"https://new.example/{i}", normalized_url=f"https://new.example/{i}", title=f"N{i}",
                published=WHEN, suggested_kinds=["court_ruling"])
        for i in range(3)
    ]
    clash = Article(url="https://ex.example/0", normalized_url=existing.normalized_url, title="not stored")
    with CaptureQueriesContext(connection) as queries:
        found = insert_rows(fresh + [clash], ignore_conflicts=True, returning=("pk", "normalized_url"))
    assert len(queries) == 1  # one statement, on PostgreSQL and SQLite alike
    stored = dict(Article.objects.filter(normalized_url__startswith="https://new.example/").values_list(
        "pk", "normalized_url"))
    assert sorted(found) == sorted(stored.items()) and len(found) == 3
    assert Article.objects.get(pk=existing.pk).title == "T0"
    assert list(Article.objects.filter(pk__in=stored).values_list("published", "suggested_kinds").order_by().distinct()) == [
        (WHEN, ["court_ruling"])]


AWKWARD_TEXTS = ['', ' ', 'NULL', '"', '\\', '\\"', "{a,b}", "a,b", "line\nbreak\ttab", "It's", "\u00e9 \u4e2d\u6587 \u2019",
                 '{"json": "text"}', "%s %(x)s", "}{", "\\N"]


def test_awkward_values_round_trip_through_insert_and_update():
    # On PostgreSQL each column travels as one array literal: every character that means something in one
    # (quotes, backslashes, braces, commas, the word NULL) must come back as it went in.
    rows = [
        Article(url=f"https://odd.example/{i}", normalized_url=f"https://odd.example/{i}", title=text, author=text,
                published=WHEN + datetime.timedelta(microseconds=i), relevance_score=i / 20 if i % 2 else None,
                suggested_kinds=[text, {"k": text}], is_relevant=bool(i % 2), event_date=WHEN.date() if i % 3 else None)
        for i, text in enumerate(AWKWARD_TEXTS)
    ]
    with CaptureQueriesContext(connection) as queries:
        found = dict((url, pk) for pk, url in insert_rows(rows, returning=("pk", "normalized_url")))
    if connection.vendor == "postgresql":
        assert "UNNEST(" in queries[0]["sql"]  # the array path, not the VALUES fallback
    for article in rows:
        stored = Article.objects.get(pk=found[article.normalized_url])
        assert (stored.title, stored.author, stored.published, stored.relevance_score, stored.suggested_kinds,
                stored.is_relevant, stored.event_date) == (
            article.title, article.author, article.published, article.relevance_score, article.suggested_kinds,
            article.is_relevant, article.event_date)
    reversed_texts = AWKWARD_TEXTS[::-1]
    update_values(Article, ["title", "suggested_agencies"],
                  [(found[a.normalized_url], text, [text]) for a, text in zip(rows, reversed_texts)])
    for article, text in zip(rows, reversed_texts):
        stored = Article.objects.get(pk=found[article.normalized_url])
        assert (stored.title, stored.suggested_agencies) == (text, [text])


def test_a_column_is_written_as_the_same_array_literal_whichever_way_it_is_built():
    # Columns of text, of dates, of NULLs are built in one pass each; the text must be the value-by-value one.
    from feeds.bulk import _element, array_literal

    moment = datetime.datetime(2025, 6, 1, 12, 0, 5, 123, tzinfo=datetime.timezone.utc)
    columns = [
        tuple(AWKWARD_TEXTS), ("plain", "words"), (None, None), (moment, None, moment.date()), (1, None, 2.5, True),
        ("text", None, 3), (moment,), ('"',), ("",),
    ]
    for column in columns:
        assert array_literal(column) == "{" + ",".join(_element(value) for value in column) + "}", column
    assert array_literal(()) == "{}"


def test_insert_rows_takes_plain_objects_with_a_model():
    class Row:
        pass

    template = Article(url="https://plain.example/", normalized_url="", title="Plain", published=WHEN)
    rows = []
    for i in range(2):
        row = Row()
        for field in Article._meta.concrete_fields:
            setattr(row, field.attname, getattr(template, field.attname))
        row.pk, row.normalized_url = None, f"https://plain.example/{i}"
        rows.append(row)
    found = insert_rows(rows, returning=("normalized_url",), model=Article)
    assert sorted(found) == [("https://plain.example/0",), ("https://plain.example/1",)]
    assert list(Article.objects.order_by("normalized_url").values_list("title", "published", "status", "suggested_kinds")) == [
        ("Plain", WHEN, "new", []), ("Plain", WHEN, "new", [])]


def test_a_json_column_is_sent_as_the_value_django_would_send():
    # On PostgreSQL JSON columns are prepared without going through the field (feeds.bulk._preparer), as orjson's
    # text: the same JSON value Django's own preparation sends, for every kind of value, stored as the same
    # jsonb; None is SQL NULL, not null.
    import json

    from psycopg2.extras import Json

    from feeds.bulk import _preparer, array_literal

    values = [[], ["court_ruling"], [{"agency": "ice", "context": 'She said "no" \\ then ’left’', "start": 3}],
              {"nested": {"n": 1.5, "t": True, "none": None}}, "text", 7, None, [None], ["\u2028<script>&"],
              [2 ** 70], {"\ud800": "a lone surrogate"}]
    field = Article._meta.get_field("suggested_agencies")
    rows = [Article(url="u", normalized_url=f"u{i}", title="t", suggested_agencies=value) for i, value in enumerate(values)]
    ours = [_preparer(field, connection, True)(row) for row in rows]
    django = [field.get_db_prep_save(field.pre_save(row, True), connection) for row in rows]
    django = [value.dumps(value.adapted) if isinstance(value, Json) else value for value in django]
    assert [None if text is None else json.loads(text) for text in ours] == [
        None if text is None else json.loads(text) for text in django]
    assert ours[values.index(None)] is None
    # What orjson refuses (an integer beyond 64 bits, a lone surrogate) is json.dumps's text, as Django's is.
    assert ours[-2:] == django[-2:]
    assert array_literal(ours[:2]) == '{"[]","[\\"court_ruling\\"]"}'
    storable = [row for row in rows[:-1] if row.suggested_agencies is not None]  # NOT NULL; jsonb refuses \ud800
    found = dict((url, pk) for pk, url in insert_rows(storable, returning=("pk", "normalized_url")))
    stored = dict(Article.objects.filter(pk__in=found.values()).values_list("normalized_url", "suggested_agencies"))
    assert [stored[row.normalized_url] for row in storable] == [value for value in values[:-1] if value is not None]
