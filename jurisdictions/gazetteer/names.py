"""Name handling: matching keys across datasets, plausible aliases, and slugs.

The three datasets spell the same county differently ("Doña Ana County" / "Dona Ana County",
"St. Louis city" / "St. Louis City", "Municipality of Anchorage" / "Anchorage Municipality",
"DeKalb" / "Dekalb", "De Witt" / "DeWitt"), so names are compared through keys that forget accents,
case, punctuation, spacing, Saint/St. and the kind of county-equivalent.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from django.utils.text import slugify

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Spelled-out and abbreviated forms that the datasets use interchangeably.
_CANONICAL_WORDS = {"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt"}

# What a county-equivalent is called, in front of or after its name. "City" is deliberately absent:
# Virginia's "Richmond city" and "Richmond County" are two different jurisdictions, as are
# Baltimore city and Baltimore County, St. Louis city and St. Louis County.
_COUNTY_PREFIXES = ("city and borough of ", "municipality of ", "borough of ")
_COUNTY_SUFFIXES = (
    " city and borough",
    " census area",
    " borough",
    " municipality",
    " municipio",
    " county",
    " parish",
    " district",
    " island",
)

# Words an alias may add to or drop from the name and still plainly be the same place in English.
_FILLER_WORDS = frozenset({"the", "of", "city", "town", "township", "village", "borough", "d", "c", "dc"})
_LOWERCASE_WORDS = frozenset({"of", "the", "and"})
MAX_ALIASES = 10


def ascii_fold(text: str) -> str:
    """The text without accents ("Doña Ana" -> "Dona Ana"); characters with no ASCII form are dropped."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _words(text: str) -> list[str]:
    folded = ascii_fold(text).lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return [_CANONICAL_WORDS.get(w, w) for w in _NON_ALNUM.split(folded) if w]


@lru_cache(maxsize=None)  # ~50,000 distinct names, each keyed many times while matching
def place_key(name: str) -> str:
    """Key for comparing a place name with a ZIP code's city ("Saint Paul" == "St. Paul")."""
    return "".join(_words(name))


@lru_cache(maxsize=None)
def county_key(name: str) -> str:
    """Key for comparing county names across datasets ("Municipality of Anchorage" == "Anchorage Municipality")."""
    text = " ".join(ascii_fold(name).lower().replace(".", "").split())
    for prefix in _COUNTY_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    for suffix in _COUNTY_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return "".join(_words(text))


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _is_code(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def plausible_aliases(name: str, alternates: Iterable[str], *, limit: int = MAX_ALIASES) -> list[str]:
    """The alternate names that are plainly this place's name in English, sorted.

    GeoNames lists every transliteration it knows ("Nueva York", "Niu-York", "nyuyog"); for matching
    English news text only re-spellings of the name itself are safe: the same words, give or take
    Saint/St. and words like "City of". Everything else (other languages, nicknames,
    historical names, all-caps codes such as airport codes) is left out; curated entries add the
    nicknames worth having (NYC, D.C.).
    """
    name_words = set(_words(name))
    seen = {name.casefold()}
    kept: list[str] = []
    for raw in alternates:
        alias = " ".join(raw.split())
        if len(alias) < 3 or not alias.isascii() or alias.casefold() in seen or _is_code(alias):
            continue
        words = alias.split()
        if any(w[0].islower() and w not in _LOWERCASE_WORDS for w in words):
            continue  # romanisations ("niu yue") and other languages' grammar ("Lungsod ng …")
        if _squashed(alias) == _squashed(name):
            continue  # only hyphens, apostrophes or case differ ("San-Antonio", "Mal'ta"): no new spelling
        alias_words = set(_words(alias))
        # An alias may add "City of" or "Village" but drop nothing except "The": "Flint" for Flint City
        # or "Lanai" for Lanai City would name something else.
        if not alias_words - _FILLER_WORDS:
            continue
        if not alias_words - name_words <= _FILLER_WORDS or not name_words - alias_words <= {"the"}:
            continue
        seen.add(alias.casefold())
        kept.append(alias)
    # Shortest first so the cap keeps the plainest forms; then alphabetical for a stable list.
    kept = sorted(kept, key=lambda a: (len(a), a))[:limit]
    return sorted(kept)


def base_slug(name: str, fallback: str) -> str:
    """The URL name for a jurisdiction, never empty (a name with no ASCII letters falls back)."""
    return slugify(ascii_fold(name))[:100] or slugify(fallback)
