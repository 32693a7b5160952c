from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from feeds.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "ICE arrests 12 in Mecklenburg County\n\n"
    "Immigration and Customs Enforcement said on Monday it arrested 12 people in Mecklenburg County, "
    "North Carolina, where the sheriff does not honor ICE detainers.\n"
)
PAGE = (
    "<!doctype html><html><head><title>Judge blocks grant conditions for Chicago</title>"
    '<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>'
    '<body><p onclick="steal()">A federal judge in Chicago blocked the Justice Department from attaching '
    'immigration conditions to grants for sanctuary cities.</p><script>alert(1)</script>'
    '<a href="javascript:alert(2)">x</a></body></html>'
)
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
    "<item><title>Denver council reaffirms sanctuary ordinance</title>"
    "<link>https://local.example/denver?utm_source=x</link>"
    "<description>The Denver City Council reaffirmed limits on cooperation with ICE.</description></item>"
    "</channel></rss>"
)


def run(*paths):
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_text_html_and_feed_files_become_analysed_articles(tmp_path, gazetteer):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "c.xml").write_text(FEED)
    output = run(tmp_path)
    assert "a.txt: text, 1 entry, 1 new" in output and "c.xml: feed, 1 entry, 1 new" in output
    text = Article.objects.get(title="ICE arrests 12 in Mecklenburg County")
    assert text.feed is None and text.normalized_url.startswith("urn:sanctuary-tracker:import:")
    assert text.is_relevant and text.matches.filter(jurisdiction__uid="fips:37119", role="subject").exists()
    page = Article.objects.get(title="Judge blocks grant conditions for Chicago")
    assert page.published.isoformat() == "2025-03-04T10:00:00+00:00"
    for hostile in ("<script", "onclick", "javascript:"):
        assert hostile not in page.summary_html
    feed_item = Article.objects.get(title="Denver council reaffirms sanctuary ordinance")
    assert feed_item.normalized_url == "https://local.example/denver"


def test_importing_the_same_files_again_adds_nothing(tmp_path, gazetteer):
    (tmp_path / "a.txt").write_text(TEXT)
    run(tmp_path / "a.txt")
    assert "0 new, 1 already known" in run(tmp_path / "a.txt")
    assert Article.objects.count() == 1


def test_bad_files_are_reported_and_the_good_ones_still_imported(tmp_path, gazetteer):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.xml").write_text("not a feed at all <<< &")
    (tmp_path / "good.txt").write_text(TEXT)
    err = StringIO()
    with pytest.raises(CommandError, match="2 of 3 file"):
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "empty.txt: the file is empty" in err.getvalue()
    assert "broken.xml: Not a readable feed" in err.getvalue()
    assert Article.objects.filter(title="ICE arrests 12 in Mecklenburg County").exists()


def test_entity_declarations_in_a_file_are_refused(tmp_path):
    (tmp_path / "laughs.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        "<rss><channel><item><title>&b;</title></item></channel></rss>"
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path / "laughs.xml"), stdout=StringIO(), stderr=err)
    assert "declares XML entities" in err.getvalue()
    assert not Article.objects.exists()
