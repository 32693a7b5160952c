"""The hinted search the kind rules use to find clause marks and context words agrees with bisect_left for
every hint, before, at or after the answer, and on lists with repeats."""
import bisect
import random

from feeds.analysis.terms import first_at_or_after_near


def test_agrees_with_bisect_left_for_any_hint():
    rng = random.Random(11)
    for _ in range(300):
        values = sorted(rng.randrange(0, 60) for _ in range(rng.randrange(0, 25)))
        for position in range(-2, 64):
            expected = bisect.bisect_left(values, position)
            for hint in range(0, len(values) + 3):
                assert first_at_or_after_near(values, position, hint) == expected, (values, position, hint)
