"""The skill finder over the real O*NET 29.2 Technology Skills and ESCO files."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path


@pytest.fixture(scope="session")
def vocabulary():
    from careerplanner.analysis.vocabulary import shared_vocabulary

    tech = shared_path("data", "onet", "29.2", "Technology Skills.txt")
    esco = shared_path("data", "esco")
    return shared_vocabulary(str(tech), str(esco))


@pytest.fixture(scope="session")
def finder(vocabulary):
    return vocabulary.finder()
