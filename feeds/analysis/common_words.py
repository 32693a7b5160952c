"""Place names that are also ordinary English words ("Commerce", "Justice", "Mobile", "Surprise").

Measured, not guessed: a one-word gazetteer name is listed when its lower-case form is a word of the
``wamerican`` dictionary (Debian's /usr/share/dict/words), i.e. a word English writes in lower case.
Capitalisation then tells little at the start of a sentence or in a Title Case headline, and even in
mid-sentence "Union", "Liberty" or "Mission" are more often something else, so these names need more
evidence (see ``disambiguation``). Month and weekday names and a few holiday words are added by hand: the
dictionary lists them capitalised.

Regenerate after a gazetteer change (needs the ``wamerican`` package and a loaded gazetteer):

    python -m feeds.analysis.common_words /usr/share/dict/words > feeds/analysis/common_words.txt
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Final

_DATA: Final = Path(__file__).with_name("common_words.txt")

# Capitalised in the dictionary, yet as likely as any common word to open a sentence or a headline.
HAND_ADDED: Final = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday christmas easter halloween thanksgiving".split()
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The measured list plus the hand-added calendar words, lower case."""
    measured = {line.strip() for line in _DATA.read_text().splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(measured) | HAND_ADDED


def measure(dictionary: Path) -> list[str]:
    """One-word gazetteer names (and aliases) whose lower-case form the dictionary lists in lower case."""
    from jurisdictions.models import Jurisdiction

    words = {w.strip() for w in dictionary.read_text(errors="ignore").splitlines()}
    lower_words = {w for w in words if w.islower() and w.isalpha()}
    names: set[str] = set()
    for name, aliases in Jurisdiction.objects.values_list("name", "aliases"):
        for n in (name, *aliases):
            key = n.lower()
            if " " not in key and key in lower_words:
                names.add(key)
    return sorted(names)


if __name__ == "__main__":  # pragma: no cover - a development tool
    import django

    django.setup()
    print("# Measured by `python -m feeds.analysis.common_words /usr/share/dict/words` (wamerican).")
    for word in measure(Path(sys.argv[1])):
        print(word)
