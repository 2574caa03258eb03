"""PDB files out of a lumos Molecule (ATOM records and CONECT bonds), written atomically."""

from __future__ import annotations

from pathlib import Path

from ..molecule import Molecule
from .atomic import write_text


def write_pdb(mol: Molecule, path) -> Path:
    """Write ``mol`` as a PDB file: one ATOM record per atom (columns as the PDB format
    fixes them, element in columns 77-78) and CONECT records for its bonds."""
    out = []
    for k in range(len(mol)):
        x, y, z = mol.positions[k]
        element = mol.elements[k]
        name = str(mol.names[k]) or element
        # a one-letter element's name starts in column 14, a two-letter one's in 13
        name = f" {name:<3}" if len(name) < 4 and len(element) == 1 else f"{name:<4}"
        out.append(f"ATOM  {(k + 1) % 100000:5d} {name[:4]} {str(mol.residues[k])[:3]:>3} "
                   f"{(str(mol.chains[k]) or 'A')[:1]}{int(mol.residue_ids[k]) % 10000:4d}    "
                   f"{x:8.3f}{y:8.3f}{z:8.3f}  1.00  0.00          {element.upper():>2}")
    neighbours: dict[int, list[int]] = {}
    for a, b in mol.bonds:
        neighbours.setdefault(int(a), []).append(int(b))
        neighbours.setdefault(int(b), []).append(int(a))
    for a in sorted(neighbours):
        rest = neighbours[a]
        for s in range(0, len(rest), 4):
            out.append("CONECT" + f"{a + 1:5d}" + "".join(f"{b + 1:5d}" for b in rest[s: s + 4]))
    out.append("END")
    return write_text(path, "\n".join(out) + "\n")
