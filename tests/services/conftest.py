"""The postings the market-page tests import (tests/services/market_postings.py)."""

from tests.services.job_ads_data import dbs, default_finder  # noqa: F401 (fixtures)
from tests.services.market_postings import (  # noqa: F401 (fixtures)
    no_postings_home,
    no_postings_template,
    postings_home,
    postings_market_template,
    written_postings,
)
