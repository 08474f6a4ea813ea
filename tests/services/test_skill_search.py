"""Search as you type filters the skill names in memory and answers as the SQL search does."""

from __future__ import annotations

from careerplanner.services.market_pages import find_skills
from careerplanner.services.skill_search import find_skills_fast, skill_names
from careerplanner.store.data_dir import DataDir

WORDS = ("python", "SQL", "java", "Excel", "data", "microsoft", "oracle", "c++", "zzzz-none")


def test_the_in_memory_search_finds_what_the_sql_search_finds(installed_home):
    market_db = DataDir(installed_home).open_market_db()
    try:
        for words in WORDS:
            # Every match (no cut between equally widespread names), in the same ranking.
            assert find_skills_fast(market_db, words, 5000) == find_skills(market_db, words, 5000)
            top = find_skills_fast(market_db, words)
            assert len(top) == min(30, len(find_skills(market_db, words, 5000)))
        assert find_skills_fast(market_db, "Python")[0][1].casefold().startswith("python")
        assert find_skills_fast(market_db, "   ") == []
        assert find_skills_fast(market_db, "%") == []  # typed text is literal, not a wildcard
        assert skill_names(market_db) is skill_names(market_db)  # read once per version
    finally:
        market_db.close()
