"""Helpers of the reliability tests: live GL objects and a small scene."""

from __future__ import annotations

import ctypes
import ctypes.util

import numpy as np

_GL = None
_KINDS = ("glIsBuffer", "glIsTexture", "glIsRenderbuffer", "glIsFramebuffer",
          "glIsVertexArray", "glIsProgram")


def gl_objects(max_name: int = 6000) -> dict[str, int]:
    """How many GL objects of each kind lumos's headless context holds (asked from GL
    itself: names 1..max_name)."""
    global _GL
    from lumos.gpu.context import current

    if _GL is None:
        _GL = ctypes.CDLL(ctypes.util.find_library("GL"))
        for fn in _KINDS:
            getattr(_GL, fn).restype = ctypes.c_ubyte
            getattr(_GL, fn).argtypes = [ctypes.c_uint]
    with current():
        return {fn[4:]: sum(bool(getattr(_GL, fn)(n)) for n in range(1, max_name))
                for fn in _KINDS}


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
