"""Character tests the rules ask per hit, without a method call for ASCII text.

Compiled (feeds/analysis/native.py), ``text[i].isupper()`` is a generic Python method call, dozens of times
the cost of reading the character as a number; these read the code point and ask Python only for non-ASCII
characters, so each gives exactly the answer of the ``str`` method it stands for.
"""
from __future__ import annotations


def upper_at(text: str, i: int) -> bool:
    """``text[i].isupper()``."""
    o = ord(text[i])
    if o < 128:
        return 65 <= o <= 90
    return text[i].isupper()


def lower_at(text: str, i: int) -> bool:
    """``text[i].islower()``."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122
    return text[i].islower()


def all_upper(text: str, start: int, end: int) -> bool:
    """``text[start:end].isupper()``: at least one cased character, and no lower-case one."""
    cased = False
    for i in range(start, end if end < len(text) else len(text)):
        o = ord(text[i])
        if o >= 128:
            return text[start:end].isupper()
        if 97 <= o <= 122:
            return False
        if 65 <= o <= 90:
            cased = True
    return cased


def is_alpha(word: str) -> bool:
    """``word.isalpha()``: not empty, every character a letter."""
    n = len(word)
    i = _ascii_letters(word)
    if i == n:
        return n > 0
    return ord(word[i]) >= 128 and word.isalpha()  # an ASCII character that is no letter: not alphabetic


def is_ascii_alpha(word: str) -> bool:
    """``word.isalpha() and word.isascii()``: not empty, every character one of A-Z and a-z."""
    n = len(word)
    return n > 0 and _ascii_letters(word) == n


def _ascii_letters(word: str) -> int:
    """How many characters from the start of ``word`` are A-Z or a-z."""
    for i in range(len(word)):
        o = ord(word[i])
        if not (97 <= o <= 122 or 65 <= o <= 90):
            return i
    return len(word)


def is_ascii(text: str) -> bool:
    """``text.isascii()``."""
    for i in range(len(text)):
        if ord(text[i]) >= 128:
            return False
    return True
