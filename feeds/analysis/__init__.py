"""The article analyser: relevance, jurisdictions (with evidence and role), event kinds, agencies, event date.

Plain rules over one Aho-Corasick scan of the gazetteer and a vocabulary, so every finding can be explained
by the words that produced it. Public interface (the ingestion pipeline and ``analyze_articles`` use it):

    analyze(title, text, published) -> Analysis
    Analysis.as_json(item_id)        -> the analyze_articles line
    reset()                          -> forget the cached gazetteer index (tests; after load_jurisdictions)
    feeds.analysis.store.save_analysis(article, analysis)
"""
from __future__ import annotations

from feeds.analysis import native

# Before any analyser module is imported: their compiled build, when it matches these sources.
COMPILED = native.enable(__path__)

from feeds.analysis.analyzer import analyze  # noqa: E402
from feeds.analysis.gazetteer_index import refresh_if_changed, reset  # noqa: E402
from feeds.analysis.results import Analysis, JurisdictionMatch, Mention  # noqa: E402

__all__ = ["COMPILED", "Analysis", "JurisdictionMatch", "Mention", "analyze", "refresh_if_changed", "reset"]
