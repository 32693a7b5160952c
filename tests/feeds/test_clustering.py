import datetime

import pytest
from django.utils import timezone

from feeds.clustering import assign_clusters, fingerprint, similarity, stored_fingerprint
from feeds.models import Article

pytestmark = pytest.mark.django_db
T0 = timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0))

STORY_A = [
    ("https://www.wire.example/a", "Justice Department sues Illinois over law limiting help to immigration agents",
     "The Justice Department sued Illinois, Chicago and Cook County on Thursday, arguing that the state's Trust Act and local ordinances obstruct federal deportation efforts."),
    ("https://daily.example/b", "DOJ files lawsuit against Illinois, Chicago and Cook County over Trust Act",
     "Federal prosecutors filed a lawsuit Thursday against Illinois, Chicago and Cook County, saying the Trust Act and city ordinances obstruct deportation efforts."),
    ("https://tribune.example/c", "Illinois, Chicago sued by Justice Department over sanctuary laws",
     "The Justice Department sued Illinois and Chicago on Thursday over the Trust Act, which it says obstructs federal deportation efforts in Cook County and beyond."),
]
OTHER_STORY = ("https://daily.example/d", "ICE arrests dozens in weekend operation in Denver suburbs",
               "Agents from Immigration and Customs Enforcement arrested 47 people in Aurora and Lakewood over the weekend.")


def add(url, title, text, when, *, fingerprinted=False):
    """An article as a test makes it: without the fingerprint ingestion stores, unless asked."""
    return Article.objects.create(
        url=url, normalized_url=url, title=title, summary_html=f"<p>{text}</p>", published=when, is_relevant=True,
        fingerprint=stored_fingerprint(title, text) if fingerprinted else None,
    )


def test_rewrites_of_one_story_by_three_outlets_form_one_cluster():
    ids = [add(u, t, x, T0 + datetime.timedelta(hours=i)).pk for i, (u, t, x) in enumerate(STORY_A)]
    other = add(*OTHER_STORY, T0)
    assert assign_clusters(ids + [other.pk]) == 3
    articles = Article.objects.filter(pk__in=ids)
    clusters = {a.cluster_id for a in articles}
    assert len(clusters) == 1 and None not in clusters
    cluster = articles[0].cluster
    assert cluster.outlet_count == 3
    assert cluster.first_reported == T0
    assert cluster.title == STORY_A[0][1]
    other.refresh_from_db()
    assert other.cluster_id is None


def test_the_same_story_a_week_later_is_not_clustered():
    first = add(*STORY_A[0], T0)
    later = add(*STORY_A[1], T0 + datetime.timedelta(days=7))
    assert assign_clusters([first.pk, later.pk]) == 0


def test_two_copies_from_one_outlet_count_as_one_outlet():
    a = add("https://wire.example/1", *STORY_A[0][1:], T0)
    b = add("https://www.wire.example/2", *STORY_A[1][1:], T0 + datetime.timedelta(hours=1))
    assign_clusters([a.pk, b.pk])
    b.refresh_from_db()
    assert b.cluster.outlet_count == 1


def test_a_late_article_joins_an_existing_cluster():
    ids = [add(u, t, x, T0).pk for u, t, x in STORY_A[:2]]
    assign_clusters(ids)
    late = add(*STORY_A[2], T0 + datetime.timedelta(hours=20))
    assert assign_clusters([late.pk]) == 1
    late.refresh_from_db()
    assert late.cluster.outlet_count == 3


def test_same_story_pairs_score_above_different_stories_on_the_beat():
    same = [similarity(fingerprint(a[1], a[2]), fingerprint(b[1], b[2])) for a, b in
            ((STORY_A[0], STORY_A[1]), (STORY_A[0], STORY_A[2]), (STORY_A[1], STORY_A[2]))]
    different = similarity(fingerprint(STORY_A[0][1], STORY_A[0][2]), fingerprint(OTHER_STORY[1], OTHER_STORY[2]))
    assert min(same) > 0.3 > 0.2 > different


def test_articles_the_analyser_found_irrelevant_are_left_alone():
    first = add(*STORY_A[0], T0)
    second = add(*STORY_A[1], T0)
    Article.objects.filter(pk=second.pk).update(is_relevant=False)
    assert assign_clusters([first.pk, second.pk]) == 0


def test_an_article_stored_without_a_fingerprint_gets_one_from_its_text():
    from feeds.ingest import plain_text_of

    ids = [add(u, t, x, T0).pk for u, t, x in STORY_A[:2]]
    assert set(Article.objects.values_list("fingerprint", flat=True)) == {None}
    assert assign_clusters(ids) == 2
    for article in Article.objects.filter(pk__in=ids):
        assert article.fingerprint == stored_fingerprint(article.title, plain_text_of(article))
        assert "trust" in article.fingerprint.split() and "immigration" not in article.fingerprint.split()


def test_the_lead_is_the_first_words_of_the_text():
    from feeds.clustering import LEAD_WORDS

    text = " ".join(f"word{i}" for i in range(LEAD_WORDS + 50))
    words = fingerprint("Title", text)
    assert f"word{LEAD_WORDS - 1}" in words and f"word{LEAD_WORDS}" not in words
    assert "title" in words


def test_clustering_runs_a_constant_number_of_queries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def story_pairs(n, offset):
        ids = []
        for i in range(n):
            for host in ("https://one.example", "https://two.example"):
                title = f"Sheriff ends jail contract with ICE in operation case{offset + i}"
                text = f"The sheriff ended the contract on Tuesday in operation case{offset + i} and dossier{offset + i}."
                ids.append(add(f"{host}/{offset + i}", title, text, T0, fingerprinted=True).pk)
        return ids

    few, many = story_pairs(2, 100), story_pairs(20, 200)
    with CaptureQueriesContext(connection) as q_few:
        assert assign_clusters(few) == 4
    with CaptureQueriesContext(connection) as q_many:
        assert assign_clusters(many) == 40
    assert len(q_few) == len(q_many)
    assert set(Article.objects.values_list("cluster__outlet_count", flat=True)) == {2}


# --- Clusters decided as a fetch stores its articles (feeds.ingest) -----------------------------------------

def entry(url, title, text, when):
    from feeds.parsing import ParsedEntry

    return ParsedEntry(link=url, guid=url, title=title, author="", published=when, summary_html=f"<p>{text}</p>",
                       body_html="", text=text)


def story_entries(stories, start=T0):
    return [entry(u, t, x, start + datetime.timedelta(hours=i)) for i, (u, t, x) in enumerate(stories)]


def test_articles_of_one_fetch_are_stored_in_their_clusters(gazetteer):
    from feeds.ingest import ingest_entries

    result = ingest_entries(None, story_entries(STORY_A) + [entry(*OTHER_STORY, T0)])

    assert result.new == 4 and result.to_cluster == []  # nothing left for after_ingest
    story = Article.objects.filter(url__in=[u for u, _t, _x in STORY_A])
    clusters = {a.cluster_id for a in story}
    assert len(clusters) == 1 and None not in clusters
    cluster = story[0].cluster
    assert (cluster.outlet_count, cluster.first_reported, cluster.title) == (3, T0, STORY_A[0][1])
    assert Article.objects.get(url=OTHER_STORY[0]).cluster_id is None


def test_a_new_article_pulls_a_stored_one_into_a_cluster_and_later_ones_join_it(gazetteer):
    from feeds.ingest import ingest_entries

    first, second, third = story_entries(STORY_A)
    ingest_entries(None, [first])
    assert Article.objects.get().cluster_id is None
    ingest_entries(None, [second])
    clusters = set(Article.objects.values_list("cluster", flat=True))
    assert len(clusters) == 1 and None not in clusters  # the stored article was updated, the new one inserted
    ingest_entries(None, [third])
    assert set(Article.objects.values_list("cluster", flat=True)) == clusters
    assert Article.objects.first().cluster.outlet_count == 3


def test_a_cluster_left_with_one_member_by_another_workers_insert_is_dissolved(gazetteer, monkeypatch):
    from feeds import clustering
    from feeds.ingest import ingest_entries
    from feeds.models import StoryCluster
    from feeds.urlnorm import normalize_url

    decide = clustering.plan_clusters

    def decide_then_lose_the_race(pending):
        plan = decide(pending)
        # Another worker stores one of the two links between this one's check and its INSERT.
        url = STORY_A[1][0]
        Article.objects.create(url=url, normalized_url=normalize_url(url), title="stored by another worker")
        return plan

    monkeypatch.setattr(clustering, "plan_clusters", decide_then_lose_the_race)
    result = ingest_entries(None, story_entries(STORY_A[:2]))

    assert (result.new, result.duplicate) == (1, 1)
    assert not StoryCluster.objects.exists()
    assert not Article.objects.filter(cluster__isnull=False).exists()


def test_when_deciding_clusters_fails_the_articles_are_stored_and_clustered_after(gazetteer, monkeypatch):
    from feeds import clustering
    from feeds.ingest import after_ingest, ingest_entries

    def broken(pending):
        raise RuntimeError("clustering broke")

    monkeypatch.setattr(clustering, "plan_clusters", broken)  # fault injection
    result = ingest_entries(None, story_entries(STORY_A))
    monkeypatch.undo()

    assert result.new == 3 and Article.objects.count() == 3
    assert "Clustering of the new articles failed: RuntimeError: clustering broke" in result.notes
    assert sorted(result.to_cluster) == sorted(result.new_ids)
    assert after_ingest(result.to_cluster) == []
    clusters = set(Article.objects.values_list("cluster", flat=True))
    assert len(clusters) == 1 and None not in clusters
