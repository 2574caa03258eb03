"""Helpers of the reliability tests: live GL objects, a small scene, a script run in a
fresh interpreter."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

import lumos

ROOT = Path(lumos.__file__).resolve().parents[1]  # the lumos under test


def run_script(script: str, env: dict | None = None) -> str:
    """Run ``script`` in a fresh interpreter (the lumos under test) and return its
    stdout; the test fails when it fails or runs 300 s (a hang fails, never blocks)."""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()

_GL = None
_GL_DELETE_STATUS = 0x8B80
_KINDS = ("glIsBuffer", "glIsTexture", "glIsRenderbuffer", "glIsFramebuffer",
          "glIsVertexArray", "glIsProgram")


def gl_objects(max_name: int = 6000) -> dict[str, int]:
    """How many GL objects of each kind lumos's headless context holds (asked from GL
    itself: names 1..max_name; a program still bound after its deletion is not counted,
    GL frees it when the next one is bound)."""
    global _GL
    from lumos.gpu.context import current

    if _GL is None:
        _GL = ctypes.CDLL(ctypes.util.find_library("GL"))
        for fn in _KINDS:
            getattr(_GL, fn).restype = ctypes.c_ubyte
            getattr(_GL, fn).argtypes = [ctypes.c_uint]
        _GL.glGetProgramiv.argtypes = [ctypes.c_uint, ctypes.c_uint,
                                       ctypes.POINTER(ctypes.c_int)]
    deleted = ctypes.c_int()

    def live_program(name: int) -> bool:
        if not _GL.glIsProgram(name):
            return False
        _GL.glGetProgramiv(name, _GL_DELETE_STATUS, ctypes.byref(deleted))
        return not deleted.value

    gc.collect()  # dropped canvases queue their GL objects; current() releases them
    with current():
        counts = {fn[4:]: sum(bool(getattr(_GL, fn)(n)) for n in range(1, max_name))
                  for fn in _KINDS if fn != "glIsProgram"}
        counts["Program"] = sum(live_program(n) for n in range(1, max_name))
    return counts


def marker_canvas(size=(64, 48)):
    """A white canvas with one red marker in the middle."""
    from lumos import scene, visuals

    canvas = scene.Canvas(size=size)
    view = canvas.add_view()
    view.add(visuals.Markers(pos=np.array([[0.0, 0.0]]), size=24, color="red"))
    view.camera.rect = (-1, -1, 2, 2)
    return canvas


def red_pixels(img: np.ndarray) -> int:
    return int(((img[..., 0] > 200) & (img[..., 1] < 60) & (img[..., 2] < 60)).sum())
