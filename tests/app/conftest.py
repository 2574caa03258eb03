"""Fixtures for the front-end tests: an X server (Xvfb) of our own for windows and Qt.

The tests install nothing: Xvfb comes from the Debian package ``xvfb``, GLFW from the
``glfw`` wheel, Qt from PySide6 or PyQt6, the notebook widget from ``anywidget``.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest


def _free_display() -> int:
    for n in range(90, 400):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number in :90..:399")


@pytest.fixture(scope="session")
def xvfb_server():
    """Start ``Xvfb :N`` (a free N) for the session; its display name (":N")."""
    exe = shutil.which("Xvfb")
    if exe is None:
        pytest.fail("the window and Qt tests need Xvfb: install the Debian package xvfb")
    n = _free_display()
    proc = subprocess.Popen([exe, f":{n}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sock = Path(f"/tmp/.X11-unix/X{n}")
    deadline = time.monotonic() + 20
    while not sock.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"Xvfb :{n} did not start")
        time.sleep(0.05)
    try:
        yield f":{n}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture
def xvfb(xvfb_server, monkeypatch):
    """DISPLAY at the session's Xvfb for this test only: later tests without it find no
    display, so their ``plt.pause`` or ``fig.show()`` open no window."""
    monkeypatch.setenv("DISPLAY", xvfb_server)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return xvfb_server
