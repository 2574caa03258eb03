"""Fixtures of the matplotlib backend tests."""

from __future__ import annotations

import pytest
from mpl_compare import png_of


@pytest.fixture
def agg_and_lumos():
    """``agg_and_lumos(make_figure)`` -> (Agg picture, lumos picture), each from a
    figure of its own."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from lumos.mpl_backend import FigureCanvasLumos

    def both(make, **savefig):
        return (png_of(make(), FigureCanvasAgg, **savefig),
                png_of(make(), FigureCanvasLumos, **savefig))

    return both


def _app_fixture(name: str):
    """A fixture of tests/app/conftest.py (the X server of the window tests), shared
    rather than copied."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "app" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_lumos_app_conftest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


xvfb_server = _app_fixture("xvfb_server")
xvfb = _app_fixture("xvfb")
