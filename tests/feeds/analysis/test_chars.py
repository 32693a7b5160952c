"""The character tests of feeds/analysis/chars.py give exactly the answers of the str methods they replace,
for every character of the Basic Multilingual Plane and for words mixing ASCII and other letters (compiled
or not: the package loads the build when it matches the sources)."""
import random

from feeds.analysis import chars, native

CHARACTERS = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
WORDS = ["", "a", "A", "Z", "ICE", "NYC", "L.A.", "D.C.", "iPhone", "Ünited", "ÉTAT", "Ǆ", "ǅ", "straße", "İstanbul",
         "ab1", "abc ", " abc", "Chicago", "McHenry", "O'Hare", "Sun-Times", "日本", "ΑΘΗΝΑ", "αθηνα", "NO.", "12", "x\u0301"]


def test_single_characters_agree_with_the_str_methods():
    for c in CHARACTERS:
        text = "x" + c + "y"
        assert chars.upper_at(text, 1) is c.isupper(), repr(c)
        assert chars.lower_at(text, 1) is c.islower(), repr(c)
        assert chars.is_alpha(c) is c.isalpha(), repr(c)
        assert chars.is_ascii_alpha(c) is (c.isalpha() and c.isascii()), repr(c)
        assert chars.is_ascii(c) is c.isascii(), repr(c)
        assert chars.all_upper(text, 1, 2) is c.isupper(), repr(c)


def test_words_and_spans_agree_with_the_str_methods():
    rng = random.Random(5)
    words = WORDS + ["".join(rng.choice("aZ .'-1\u00e9\u00c9\u0130\u01c5") for _ in range(rng.randint(0, 8)))
                     for _ in range(3000)]
    for word in words:
        assert chars.is_alpha(word) is word.isalpha(), repr(word)
        assert chars.is_ascii_alpha(word) is (word.isalpha() and word.isascii()), repr(word)
        assert chars.is_ascii(word) is word.isascii(), repr(word)
        text = "(" + word + ")"
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 3):
                assert chars.all_upper(text, start, end) is text[start:end].isupper(), (text, start, end)
        if word:
            assert chars.upper_at(word, -1) is word[-1].isupper()


def test_out_of_range_reads_fail_as_indexing_does():
    import pytest

    with pytest.raises(IndexError):
        chars.upper_at("abc", 3)
    with pytest.raises(IndexError):
        chars.lower_at("", 0)


def test_the_module_is_part_of_the_compiled_build():
    assert "chars" in native.COMPILED
