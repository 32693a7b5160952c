"""The search box's little language, parsed once and compiled for each database.

What the form promises: words (all must match), "quoted phrases", -excluded words or -"phrases", and OR
between alternatives (``Tompkins OR Mecklenburg``; ``or`` in any case, as PostgreSQL's websearch reads
it). Words are matched by stem on both databases (PostgreSQL's english configuration, SQLite FTS5's
porter tokenizer), so "grants" finds "grant". Common English words are dropped, as PostgreSQL drops
them, so both databases answer the same; a query of nothing else matches everything.

The parser is plain Python with no database in sight; ``events.search`` turns its result into a
PostgreSQL tsquery or an FTS5 MATCH expression. Nothing a reader types reaches either as syntax: every
term is passed as a bound value (PostgreSQL) or as a quoted FTS5 string with quotes doubled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# PostgreSQL's english stop words (snowball), which its parser drops from queries and documents.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can did do does doing don down during each few for from further had has have having he her
    here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours ourselves out over own s same she should so some such t
    than that the their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with you your yours yourself
    yourselves
    """.split()
)
MAX_TERMS = 16  # a search box, not a query language: longer input is cut, not refused
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass(frozen=True)
class Term:
    """A word, or a phrase whose words must appear together and in order."""

    text: str
    phrase: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class ParsedQuery:
    """All ``groups`` must match (each by any one of its terms); no ``excluded`` term may."""

    groups: tuple[tuple[Term, ...], ...] = field(default_factory=tuple)
    excluded: tuple[Term, ...] = field(default_factory=tuple)

    def is_empty(self) -> bool:
        return not self.groups and not self.excluded


def _clean(text: str, *, phrase: bool) -> Term | None:
    words = [_EDGE_PUNCTUATION.sub("", w) for w in text.split()]
    words = [w for w in words if w and w.lower() not in STOP_WORDS]
    if not words:
        return None
    return Term(" ".join(words), phrase=phrase and len(words) > 1)


def parse(text: str) -> ParsedQuery:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False  # the previous token was OR
    count = 0
    for negated, quoted, bare in _TOKEN.findall(text or ""):
        if count >= MAX_TERMS:
            break
        if bare and bare.lower() == "or":
            join_next = bool(groups)
            continue
        if bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        term = _clean(quoted if not bare else bare, phrase=not bare)
        if term is None:
            continue
        count += 1
        if negated:
            excluded.append(term)
            join_next = False
        elif join_next:
            groups[-1].append(term)
            join_next = False
        else:
            groups.append([term])
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


def fts5_string(term: Term) -> str:
    """An FTS5 string: the term's words in double quotes (doubled inside), matched as a phrase."""
    return '"' + term.text.replace('"', '""') + '"'


def fts5_positive(query: ParsedQuery) -> str | None:
    """The MATCH expression every result must satisfy, or None when the query only excludes."""
    if not query.groups:
        return None
    parts = []
    for group in query.groups:
        alternatives = " OR ".join(fts5_string(t) for t in group)
        parts.append(f"({alternatives})" if len(group) > 1 else alternatives)
    return " AND ".join(parts)
