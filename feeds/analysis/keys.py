"""How names become automaton keys, and how text is prepared for the scan.

The automaton reads the text folded: lower-cased, with punctuation turned into spaces one for one (so
every offset it reports is an offset in the original text), between two padding spaces. Every key is
folded the same way and has a space at each end, so the automaton only reports whole words: no "ice"
inside "police", no "Ada" inside "Canada", no "may" inside "mayor", and no hit needs checking afterwards.
(Folding with ``str.replace`` per punctuation mark costs a few microseconds; a regex or ``translate`` over
every character costs more than the scan.) Names are added in the spellings news uses: with and without
full stops ("St. Louis", "St Louis"), Saint/St., and so on.
"""
from __future__ import annotations

from typing import Final

_SAINT: Final = (("st. ", "saint "), ("ft. ", "fort "), ("mt. ", "mount "))
# Characters that separate words; folded to a space in text and keys alike. "&" is kept ("A&M").
SEPARATORS: Final = "\n\t\r\xa0 .,;:!?()[]{}\"'/-\u201c\u201d\u2018\u2019\u2014\u2013\u2026*|"


def fold(text: str) -> str:
    """Lower case, separators as spaces, same length as ``text``."""
    folded = lower_same_length(text)
    for ch in SEPARATORS:
        if ch in folded:
            folded = folded.replace(ch, " ")
    return folded


def scan_text(text: str) -> str:
    """What the automaton reads: the folded text between two spaces (offsets shift by one)."""
    return " " + fold(text) + " "


def automaton_key(variant: str) -> str:
    """The key for one folded spelling: the spaces around it make it match whole words only."""
    return " " + variant + " "


def key_variants(name: str) -> set[str]:
    """Folded spellings of a name that should all find it (without the leading space)."""
    base = " ".join(name.lower().split())
    variants = {base}
    if "." in base:
        # "D.C." -> "dc" would be a two-letter key; short keys need upper case anyway (see matching), and
        # the curated aliases carry "DC" and "NYC", so the dotless form is only added for real words
        # ("St Louis", "Washington, DC", "US attorney").
        squeezed = " ".join(base.replace(".", "").split())
        if sum(c.isalnum() for c in squeezed) >= 4:
            variants.add(squeezed)
    for short, long in _SAINT:
        for v in list(variants):
            if v.startswith(short):
                variants.add(long + v[len(short):])
            elif v.startswith(long):
                variants.add(short + v[len(long):])
    return {fold(v) for v in variants if v.strip()}


def lower_same_length(text: str) -> str:
    """``text.lower()``, guaranteed to keep every character at its offset.

    A few characters lower-case to two ("İ" -> "i̇"); for those texts the slow path lower-cases
    character by character and keeps any character that would change length as it is.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
