"""The skill finder over the real O*NET 29.2 Technology Skills and ESCO v1.2.0 files."""

from __future__ import annotations

import pytest

from tests.conftest import ESCO_FOLDER, onet_release


@pytest.fixture(scope="session")
def vocabulary():
    from careerplanner.analysis.vocabulary import shared_vocabulary

    tech = onet_release("29.2") / "Technology Skills.txt"
    return shared_vocabulary(str(tech), str(ESCO_FOLDER))


@pytest.fixture(scope="session")
def finder(vocabulary):
    return vocabulary.finder()
