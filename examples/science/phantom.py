"""An MRI-like phantom: the 3D Shepp–Logan head, as isosurfaces and as a MIP volume.

    python examples/science/phantom.py [out.png]

The phantom is made here: the ten ellipsoids of the modified Shepp–Logan head
(Schabel's phantom3d), given MRI-like contrast (dark bone and fluid, grey brain, bright
lesions) and blurred by a voxel as a scanner would. Left: the brain as a translucent
shell around the opaque lesions (``Isosurface``); right: the maximum intensity
projection of the same data (``Volume(method="mip")``), its front cut away by a
clipping plane.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

from lumos import scene
from lumos.visuals.isosurface import Isosurface
from lumos.visuals.volume import Volume

# value, semi-axes (a, b, c), centre (x, y, z), rotation about z (phi + psi, degrees)
ELLIPSOIDS = [
    (1.0, (0.69, 0.92, 0.81), (0.0, 0.0, 0.0), 0.0),
    (-0.8, (0.6624, 0.874, 0.78), (0.0, -0.0184, 0.0), 0.0),
    (-0.2, (0.11, 0.31, 0.22), (0.22, 0.0, 0.0), -8.0),
    (-0.2, (0.16, 0.41, 0.28), (-0.22, 0.0, 0.0), 28.0),
    (0.1, (0.21, 0.25, 0.41), (0.0, 0.35, -0.15), 0.0),
    (0.1, (0.046, 0.046, 0.05), (0.0, 0.1, 0.25), 0.0),
    (0.1, (0.046, 0.046, 0.05), (0.0, -0.1, 0.25), 0.0),
    (0.1, (0.046, 0.023, 0.05), (-0.08, -0.605, 0.0), 0.0),
    (0.1, (0.023, 0.023, 0.02), (0.0, -0.606, 0.0), 0.0),
    (0.1, (0.023, 0.046, 0.02), (0.06, -0.605, 0.0), 0.0),
]


def shepp_logan(n: int = 128) -> np.ndarray:
    """The 3D modified Shepp–Logan phantom on an n³ grid over [-1, 1]³: float32
    ``volume[z, y, x]`` in 0..1 (skull 1, brain 0.2, ventricles 0, lesions 0.3)."""
    axis = np.linspace(-1.0, 1.0, n, dtype=np.float32)
    z, y, x = np.meshgrid(axis, axis, axis, indexing="ij")
    out = np.zeros((n, n, n), np.float32)
    for value, (a, b, c), (x0, y0, z0), angle in ELLIPSOIDS:
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        u = (x - x0) * cos + (y - y0) * sin
        v = -(x - x0) * sin + (y - y0) * cos
        inside = (u / a) ** 2 + (v / b) ** 2 + ((z - z0) / c) ** 2 <= 1.0
        out[inside] += value
    return out


def mri_like(ct: np.ndarray, sigma: float = 1.0) -> np.ndarray:
    """MRI-like contrast for the phantom: bone 0.12, fluid 0.22, brain 0.55, lesions
    0.95, air 0; then a Gaussian blur of ``sigma`` voxels."""
    out = np.zeros_like(ct)
    head = ct > 0.5  # the skull (1.0) ...
    brain = (ct > 0.05) & (ct < 0.5)
    out[head] = 0.12
    out[brain] = 0.55
    out[brain & (ct > 0.25)] = 0.95
    # fluid: the ventricles, zero inside the head (within the skull's inner surface)
    inner = _inside(ct.shape[0], ELLIPSOIDS[1])
    out[inner & (ct <= 0.05)] = 0.22
    return _blur(out, sigma)


def _inside(n: int, ellipsoid) -> np.ndarray:
    _, (a, b, c), (x0, y0, z0), _ = ellipsoid
    axis = np.linspace(-1.0, 1.0, n, dtype=np.float32)
    z, y, x = np.meshgrid(axis, axis, axis, indexing="ij")
    return ((x - x0) / a) ** 2 + ((y - y0) / b) ** 2 + ((z - z0) / c) ** 2 <= 1.0


def _blur(data: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur (edges repeated)."""
    r = max(int(3 * sigma), 1)
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    k /= k.sum()
    for axis in range(3):
        pad = [(0, 0)] * 3
        pad[axis] = (r, r)
        padded = np.pad(data, pad, mode="edge")
        n = data.shape[axis]
        data = sum(w * np.take(padded, np.arange(i, i + n), axis=axis)
                   for i, w in enumerate(k)).astype(np.float32)
    return data


def build_canvas(n: int = 128, pixel_ratio: float = 1.0) -> scene.Canvas:
    data = mri_like(shepp_logan(n))
    canvas = scene.Canvas(size=(960, 480), pixel_ratio=pixel_ratio, bgcolor="white",
                          title="lumos: Shepp-Logan phantom")
    left = canvas.add_view(row=0, col=0, camera="turntable")
    left.add(Isosurface(data, levels=[0.4, 0.75], colors=["#9fb6d6", "#f0a030"],
                        alpha=[0.3, 1.0]))
    right = canvas.add_view(row=0, col=1, camera="turntable", bgcolor="black")
    right.add(Volume(data, method="mip", cmap="inferno", clim=(0.0, 1.0), opacity=1.0,
                     clip_planes=[((0.0, 0.0, -1.0), n * 0.55)]))
    for view in (left, right):
        view.camera.set_range(margin=-0.15)
        view.camera.azimuth, view.camera.elevation = 30.0, 35.0
    return canvas


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "phantom.png")
    build_canvas().save(out)
    print(out)


if __name__ == "__main__":
    main()
