"""Fixtures of the reliability tests: a disk that fails half-way through a write."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest


class _Faulty:
    """A file whose first write stores half of the bytes, then raises ``exc``."""

    def __init__(self, f, exc: BaseException) -> None:
        self._f, self._exc = f, exc

    def write(self, data):
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise self._exc

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()

    def __getattr__(self, name):
        return getattr(self._f, name)


@pytest.fixture
def faulty_disk(monkeypatch, tmp_path):
    """``faulty_disk(exc)``: from now on every file opened for writing in ``tmp_path``
    fails half-way through its first write with ``exc`` (Ctrl-C, a full disk)."""
    real_open = io.open
    folder = str(tmp_path.resolve())

    def arm(exc: BaseException) -> None:
        def fake_open(file, mode="r", *args, **kwargs):
            f = real_open(file, mode, *args, **kwargs)
            where = os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) \
                else str(Path(file).resolve())
            if any(c in mode for c in "wax") and where.startswith(folder):
                return _Faulty(f, exc)
            return f

        monkeypatch.setattr(io, "open", fake_open)

    return arm
