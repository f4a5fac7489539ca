from datetime import date as D
from decimal import Decimal

import pytest

from gongkai.register.errors import RegisterError
from gongkai.register.fees import (
    collected_in_year,
    fee,
    fee_by_count,
    fee_by_pages,
    fee_for_nth_request,
    month_ordinal,
    section_six_sentence,
)


@pytest.mark.parametrize(
    ("n", "yuan"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_by_count_bands(n, yuan):
    assert fee_for_nth_request(n) == Decimal(yuan)


def test_by_count_is_progressive_over_a_month():
    # 35 requests in a month: 10 free, 20 at 100, 5 at 200
    assert fee_by_count(range(1, 36)) == Decimal(3000)


@pytest.mark.parametrize(
    ("pages", "yuan"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)],
)
def test_by_pages_bands(pages, yuan):
    assert fee_by_pages(pages) == Decimal(yuan)


def test_one_method_per_request_and_errors():
    assert fee("pages", pages=45) == Decimal(150)
    assert fee("count", ordinal=12) == Decimal(100)
    with pytest.raises(RegisterError, match="页数"):
        fee("pages")
    with pytest.raises(ValueError):
        fee("both", pages=3)
    with pytest.raises(RegisterError):
        fee_for_nth_request(0)


def test_month_ordinal_counts_only_the_same_month():
    earlier = [D(2025, 3, 1), D(2025, 3, 2), D(2025, 2, 28), D(2024, 3, 5)]
    assert month_ordinal(D(2025, 3, 9), earlier) == 3


def test_collected_in_year_and_sentence():
    pays = [(D(2024, 12, 31), Decimal(100)), (D(2025, 1, 2), Decimal(200)), (D(2025, 7, 1), Decimal("40.5"))]
    total = collected_in_year(pays, 2025)
    assert total == Decimal("240.5")
    assert "240.5元" in section_six_sentence(2025, total)
    assert "未收取" in section_six_sentence(2026, Decimal(0))
