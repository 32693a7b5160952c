"""The review queue says why each agency is suggested and which agencies the article only names."""
import re

import pytest
from django.urls import reverse

from tests.curation.review_helpers import VIEW, analysed, make_staff

pytestmark = pytest.mark.django_db


def test_editor_sees_the_words_behind_each_agency_and_the_ones_only_named(client, gazetteer):
    article = analysed(
        "Judge blocks Justice Department from cutting Chicago grants",
        "A federal judge on Friday blocked the Justice Department from cutting grants to Chicago over its limits "
        "on cooperation with ICE. Immigration and Customs Enforcement did not respond to a request for comment.",
    )
    assert article.suggested_agencies == ["DOJ"]
    roles = {(m["agency"], m["role"]) for m in article.agency_evidence}
    assert ("DOJ", "acts") in roles and ("ICE", "named") in roles and ("ICE", "acts") not in roles
    client.force_login(make_staff(*VIEW))
    for url in (reverse("review:queue"), reverse("review:article", args=[article.pk])):
        html = client.get(url).content.decode()
        agencies = re.search(r"<dt>Agencies</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
        assert '<span class="agency"' in agencies and ">DOJ</span>" in agencies
        assert "Justice Department from cutting" in agencies  # the words that show it acts
        assert "Named only: ICE" in agencies


def test_agency_evidence_is_escaped(client, gazetteer):
    article = analysed("Arrests in Chicago", "&lt;script&gt;x&lt;/script&gt; ICE officers arrested three people in Chicago on Tuesday.")
    assert article.suggested_agencies == ["ICE"]
    client.force_login(make_staff(*VIEW))
    html = client.get(reverse("review:article", args=[article.pk])).content.decode()
    agencies = re.search(r"<dt>Agencies</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
    assert "<script>" not in agencies and "&lt;script&gt;" in agencies and "ICE officers arrested" in agencies
