"""Every test here gets its own lumos cache folder (pyramids are cached on disk)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LUMOS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"
