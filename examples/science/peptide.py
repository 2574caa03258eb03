"""A small protein read from a PDB file and drawn ball-and-stick.

    python examples/science/peptide.py [out.png]
    python examples/science/peptide.py --write-pdb     # regenerate data/helices.pdb

``data/helices.pdb`` is a helical hairpin: two ideal alpha helices of poly-alanine
(30 residues each, chains A and B, 302 atoms), built here from bond lengths, angles and
the helix's dihedrals (phi -57°, psi -47°, omega 180°) and written with
``lumos.io.pdb.write_pdb``. lumos reads it back like any PDB file; the file has no
CONECT records, so the bonds are guessed from covalent radii.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

import lumos
from lumos import scene
from lumos.visuals.molecule import MoleculeVisual

PDB = Path(__file__).parent / "data" / "helices.pdb"


def place(a, b, c, bond: float, angle: float, torsion: float) -> np.ndarray:
    """The atom bonded to c at ``bond`` Å, with angle b-c-d and dihedral a-b-c-d in
    degrees (natural extension reference frame)."""
    bc = (c - b) / np.linalg.norm(c - b)
    n = np.cross(b - a, bc)
    n /= np.linalg.norm(n)
    m = np.array([bc, np.cross(n, bc), n]).T
    t, p = np.radians(angle), np.radians(torsion)
    d = np.array([-bond * np.cos(t), bond * np.sin(t) * np.cos(p), bond * np.sin(t) * np.sin(p)])
    return c + m @ d


def helix(residues: int, phi=-57.0, psi=-47.0, omega=180.0):
    """Backbone N, CA, C, O and CB of poly-alanine in an ideal alpha helix."""
    n = np.array([0.0, 1.458, 0.0])
    ca = np.zeros(3)
    c = place(n + [1.0, 0.0, 0.0], n, ca, 1.525, 111.2, 0.0)
    atoms = []
    for _ in range(residues):
        o = place(n, ca, c, 1.231, 120.5, psi + 180.0)
        cb = place(c, n, ca, 1.53, 110.5, -122.5)
        atoms += [("N", "N", n), ("CA", "C", ca), ("C", "C", c), ("O", "O", o),
                  ("CB", "C", cb)]
        n_next = place(n, ca, c, 1.329, 116.2, psi)
        ca_next = place(ca, c, n_next, 1.458, 121.7, omega)
        c_next = place(c, n_next, ca_next, 1.525, 111.2, phi)
        n, ca, c = n_next, ca_next, c_next
    atoms.append(("OXT", "O", place(atoms[-5][2], atoms[-4][2], atoms[-3][2], 1.25, 117.0,
                                    -psi)))
    return atoms


def hairpin(residues: int = 30) -> lumos.Molecule:
    """Two antiparallel helices along x, 10 Å apart along z (chains A and B)."""
    first = helix(residues)
    pts = np.array([p for _, _, p in first])
    centre = pts.mean(axis=0)
    # the helix axis (the principal direction of its atoms) turned onto x
    _, _, vt = np.linalg.svd(pts - centre)
    rot = vt if np.linalg.det(vt) > 0 else -vt
    local = (pts - centre) @ rot.T
    flip = np.diag([-1.0, 1.0, -1.0])  # 180° about y: the second helix runs back
    elements, positions, names, chains, resids = [], [], [], [], []
    for chain, coords in (("A", local - [0, 0, 5.0]), ("B", local @ flip + [0, 0, 5.0])):
        for k, ((name, element, _), q) in enumerate(zip(first, coords, strict=True)):
            elements.append(element)
            positions.append(q)
            names.append(name)
            chains.append(chain)
            resids.append(min(k // 5, residues - 1) + 1)
    return lumos.Molecule(elements, np.array(positions), names=names,
                          residues=["ALA"] * len(elements), residue_ids=resids, chains=chains)


def build_canvas(pixel_ratio: float = 1.0) -> scene.Canvas:
    mol = lumos.read_molecule(PDB)
    canvas = scene.Canvas(size=(720, 480), pixel_ratio=pixel_ratio, bgcolor="white",
                          title="lumos: helical hairpin")
    view = canvas.add_view(camera="turntable")
    view.add(MoleculeVisual(mol, style="ball-and-stick"))
    view.camera.set_range(margin=-0.3)
    view.camera.azimuth, view.camera.elevation = 10.0, 20.0
    return canvas


def main() -> None:
    if "--write-pdb" in sys.argv:
        from lumos.io.pdb import write_pdb

        PDB.parent.mkdir(exist_ok=True)
        print(write_pdb(hairpin(), PDB))
        return
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "peptide.png")
    build_canvas().save(out)
    print(out)


if __name__ == "__main__":
    main()
