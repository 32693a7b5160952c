"""Relevance: a score from weighted phrases on both sides (immigration, enforcement), against a threshold."""
from feeds.analysis.relevance import THRESHOLD


def test_an_enforcement_story_is_relevant(analyse):
    result = analyse("ICE raids in Queens draw protest",
                     "Immigration agents detained 22 people in raids on Thursday. Advocates said ICE ignored "
                     "the city's sanctuary law.")
    assert result.relevant and result.score >= THRESHOLD


def test_sports_and_weather_full_of_places_are_not(analyse):
    sports = analyse("Bulls rally past Celtics", "The Chicago Bulls beat the Boston Celtics in New York.")
    weather = analyse("Storm hits Denver", "Snow and ice closed roads from Denver to Omaha, Neb.")
    assert not sports.relevant and not weather.relevant
    assert sports.score < THRESHOLD and weather.score < THRESHOLD


def test_immigration_without_enforcement_is_not(analyse):
    result = analyse("Naturalization ceremony welcomes new citizens",
                     "Nine hundred immigrants became citizens, U.S. Citizenship and Immigration Services said.")
    assert not result.relevant


def test_kinds_and_dates_are_left_empty_for_irrelevant_articles(analyse):
    import datetime

    result = analyse("Judge rules in merger case", "A judge ruled on Monday.", datetime.date(2025, 6, 12))
    assert not result.relevant and result.kinds == [] and result.event_date is None


def test_the_score_is_between_zero_and_one(analyse):
    text = " ".join(["ICE deportation detainer sanctuary city immigration"] * 200)
    result = analyse(text, text)
    assert 0.0 <= analyse("", "").score <= result.score <= 1.0
