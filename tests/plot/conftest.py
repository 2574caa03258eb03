"""Fixtures of the plot tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def close_figures():
    """Close every matplotlib and lumos pyplot figure after the test (the tests that
    compare with matplotlib make many)."""
    yield
    import matplotlib.pyplot as mplt

    import lumos.pyplot as plt

    mplt.close("all")
    plt.close("all")
