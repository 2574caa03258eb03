"""Device-neutral drawing primitives: one vocabulary for every output device.

A visual draws itself two ways: as GL draws (``Visual.draws``, for both executors) and
as the primitives of :mod:`lumos.primitives.classes` (``Visual.primitives(ctx)``;
this package hands them out at their first look-up), which SVG, PDF, POV-Ray and the
matplotlib renderer consume. N visuals and M devices cost N + M pieces of code.

Coordinates of the 2D primitives are **canvas logical pixels, x right, y down, origin
at the canvas's top-left corner** (as SVG and mouse events have it), float64. A device
scales them once (PDF: ``72 / dpi`` points per pixel). ``clip`` is an ``(x, y, w, h)``
rectangle in the same space (the axes box), a :class:`Clip` (a rectangle and clip
paths: matplotlib's ``set_clip_path``, a polar sector's wedge) or None.

The 3D primitives (:class:`Spheres`, :class:`Cylinders`, :class:`Mesh3D`) are in world
coordinates; a device that cannot draw 3D asks the visual for a raster instead.

Colors are RGBA floats in 0..1. Nothing here imports another lumos module: this is the
bottom layer, beside ``lumos.gpu``.
"""

from __future__ import annotations

# matplotlib's path codes, so that its paths pass through unchanged
STOP, MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY = 0, 1, 2, 3, 4, 79

Rect = tuple[float, float, float, float]
RGBA = tuple[float, float, float, float]

JOINS = ("miter", "round", "bevel")
CAPS = ("butt", "round", "projecting")

# defined in .classes, loaded at the first look-up of one of them
_CLASSES = ("Clip", "clip_key", "clip_within", "Stroke", "Path", "MarkerSet", "Triangles",
            "Polygons", "GlyphRun", "Raster", "Spheres", "Cylinders", "Mesh3D", "WORLD")


def __getattr__(name: str):
    if name in _CLASSES:
        from . import classes

        value = globals()[name] = getattr(classes, name)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_CLASSES})
