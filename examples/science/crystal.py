"""A million atoms: a rock-salt (NaCl) crystal of 100 × 100 × 100 lattice sites.

    python examples/science/crystal.py [out.png] [--sites 100]

Each atom is one ray-cast sphere impostor (one instanced draw for all of them, 16
bytes of position a sphere on the GPU); spacefill style, radii scaled to half the van
der Waals radii so the ions do not merge. No bonds are guessed for spacefill.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

import lumos
from lumos import scene
from lumos.visuals.molecule import MoleculeVisual

SPACING = 2.82  # Å between neighbouring Na and Cl


def rock_salt(sites: int = 100) -> lumos.Molecule:
    """sites³ ions on a cubic lattice, Na and Cl alternating."""
    i, j, k = np.meshgrid(*[np.arange(sites)] * 3, indexing="ij")
    pos = np.stack([i, j, k], axis=-1).reshape(-1, 3) * SPACING
    sodium = ((i + j + k) % 2 == 0).reshape(-1)
    elements = np.where(sodium, "Na", "Cl")
    return lumos.Molecule(elements, pos - pos.mean(axis=0))


def build_canvas(sites: int = 100, pixel_ratio: float = 1.0) -> scene.Canvas:
    canvas = scene.Canvas(size=(720, 540), pixel_ratio=pixel_ratio, bgcolor="#101820",
                          title="lumos: NaCl crystal")
    view = canvas.add_view(camera="turntable")
    view.add(MoleculeVisual(rock_salt(sites), style="spacefill", radius_scale=0.5,
                            outline=0.5))
    view.camera.set_range(margin=-0.12)
    view.camera.azimuth, view.camera.elevation = 35.0, 28.0
    return canvas


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sites = int(sys.argv[sys.argv.index("--sites") + 1]) if "--sites" in sys.argv else 100
    out = Path(args[0] if args and not args[0].isdigit() else "crystal.png")
    t = time.perf_counter()
    canvas = build_canvas(sites)
    build = time.perf_counter() - t
    canvas.save(out)
    print(f"{out}: {sites ** 3} atoms, built in {build:.2f} s, drawn in "
          f"{time.perf_counter() - t - build:.2f} s")


if __name__ == "__main__":
    main()
