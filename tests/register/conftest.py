import pytest

from gongkai.register.calendar import default_calendar


@pytest.fixture(scope="session")
def cal():
    return default_calendar()
