"""Molecules as data: atoms (elements, positions, names, residues, chains) and bonds.

>>> mol = lumos.read_molecule("1crn.pdb")          # PDB and XYZ read by lumos
>>> mol = lumos.read_molecule("x.cif")             # through gemmi or ASE, when installed
>>> mol = lumos.Molecule.from_object(ase_atoms)    # ASE Atoms, MDAnalysis, MDTraj objects

Bonds come from the file (PDB CONECT records, which list ligands' bonds and leave
out the standard residues') together with the ones guessed from covalent radii: two
atoms are bonded when they are closer than the sum of their radii plus
``BOND_TOLERANCE``. The guess bins atoms in a grid of cells as large as the longest
possible bond, so it costs O(N). Element tables (radii, CPK
colors): ``lumos/data/elements.csv``.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np

BOND_TOLERANCE = 0.45  # Å beyond the sum of covalent radii (Jmol's and Open Babel's)
MIN_BOND = 0.4  # Å: closer atoms are alternates or errors, not bonds
UNKNOWN_COLOR = "#808080"
UNKNOWN_COVALENT = 1.5
UNKNOWN_VDW = 2.0


@lru_cache(maxsize=1)
def element_table() -> dict[str, tuple[int, float, float, str]]:
    """symbol -> (atomic number, covalent radius, vdW radius, CPK color '#rrggbb')."""
    path = Path(__file__).parent / "data" / "elements.csv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("number"):
            continue
        number, symbol, cov, vdw, color = line.split(",")
        table[symbol] = (int(number), float(cov), float(vdw), color)
    return table


def _symbol(raw: str) -> str:
    """'FE' / 'fe' / 'Fe' -> 'Fe' (an unknown symbol is kept as written, capitalized)."""
    s = raw.strip()
    return s[:1].upper() + s[1:].lower()


class Molecule:
    """Atoms and bonds. Arrays have one row per atom; ``bonds`` is (M, 2) atom indices
    (guessed on first use when not given); ``frames`` (F, N, 3) holds further coordinate
    sets (PDB models, XYZ frames).

    >>> Molecule(["O", "H", "H"], [[0, 0, 0], [0.96, 0, 0], [-0.24, 0.93, 0]]).bonds
    array([[0, 1], [0, 2]])
    """

    def __init__(self, elements, positions, *, names=None, residues=None, residue_ids=None,
                 chains=None, bonds=None, frames=None, source: str = "",
                 file_bonds=None) -> None:
        raw = np.atleast_1d(np.asarray(elements, dtype=object)).astype(str)
        kinds, inverse = np.unique(raw, return_inverse=True)  # a symbol per kind, not atom
        self.elements = np.array([_symbol(k) for k in kinds] + [""], dtype=object)[:-1][
            inverse.reshape(-1)] if len(raw) else np.zeros(0, dtype=object)
        n = len(self.elements)
        pos = np.asarray(positions, dtype=np.float64)
        if pos.shape != (n, 3):
            raise ValueError(f"positions: got shape {pos.shape}, expected ({n}, 3) for {n} "
                             "atoms")
        self.positions = pos.copy()
        for name, v in (("names", names), ("residues", residues), ("chains", chains)):
            v = np.full(n, "", dtype=object) if v is None else np.asarray(v, dtype=object)
            if v.shape != (n,):
                raise ValueError(f"{name}: got shape {v.shape}, expected ({n},)")
            setattr(self, name, v)
        rid = np.zeros(n, np.int64) if residue_ids is None else \
            np.asarray(residue_ids, dtype=np.int64)
        if rid.shape != (n,):
            raise ValueError(f"residue_ids: got shape {rid.shape}, expected ({n},)")
        self.residue_ids = rid
        self.frames = None
        if frames is not None:
            f = np.asarray(frames, dtype=np.float64)
            if f.ndim != 3 or f.shape[1:] != (n, 3):
                raise ValueError(f"frames: got shape {f.shape}, expected (F, {n}, 3)")
            self.frames = f
        self.source = source
        self._file_bonds = file_bonds
        self._bonds = None
        if bonds is not None:
            b = np.asarray(bonds, dtype=np.int64).reshape(-1, 2)
            if b.size and (b.min() < 0 or b.max() >= n):
                raise ValueError(f"bonds: atom indices must lie in 0..{n - 1}")
            self._bonds = b

    @property
    def bonds(self) -> np.ndarray:
        """(M, 2) atom indices of the bonds: given, or the file's plus guessed ones."""
        if self._bonds is None:
            self._bonds = guess_bonds(self.elements, self.positions, self._file_bonds)
        return self._bonds

    def __repr__(self) -> str:
        return f"Molecule({len(self)} atoms{', ' + self.source if self.source else ''})"

    def __len__(self) -> int:
        return len(self.elements)

    @property
    def unknown_elements(self) -> list[str]:
        """Symbols not in the element table (drawn grey)."""
        table = element_table()
        return sorted({e for e in self.elements if e not in table})

    def radii(self, kind: str = "covalent") -> np.ndarray:
        """Per-atom radii (Å): "covalent" or "vdw" (unknown elements: 1.5 / 2.0)."""
        if kind not in ("covalent", "vdw"):
            raise ValueError(f"kind: got {kind!r}, expected 'covalent' or 'vdw'")
        col, default = (1, UNKNOWN_COVALENT) if kind == "covalent" else (2, UNKNOWN_VDW)
        table = element_table()
        kinds, inverse = np.unique(self.elements.astype(str), return_inverse=True)
        per = np.array([table[k][col] if k in table else default for k in kinds] + [0.0])
        return per[:-1][inverse.reshape(-1)]

    def element_colors(self) -> np.ndarray:
        """(N, 4) RGBA CPK colors (Jmol's) per atom; grey for unknown elements."""
        from .colors import to_rgba

        table = element_table()
        kinds, inverse = np.unique(self.elements.astype(str), return_inverse=True)
        rgba = np.array([to_rgba(table[k][3] if k in table else UNKNOWN_COLOR)
                         for k in kinds] + [(0, 0, 0, 0)])
        return rgba[:-1][inverse.reshape(-1)] if len(kinds) else np.zeros((0, 4))

    @classmethod
    def from_object(cls, obj) -> Molecule:
        """A Molecule from an ASE ``Atoms``, an MDAnalysis ``Universe``/``AtomGroup`` or
        an MDTraj ``Trajectory`` (recognised by their attributes; none is imported)."""
        if hasattr(obj, "get_chemical_symbols") and hasattr(obj, "get_positions"):  # ASE
            return cls(obj.get_chemical_symbols(), obj.get_positions(), source="ase")
        atoms = getattr(obj, "atoms", None)
        if atoms is not None and hasattr(atoms, "positions") and hasattr(atoms, "names"):
            # MDAnalysis: Universe.atoms / AtomGroup (Å)
            elements = getattr(atoms, "elements", None)
            if elements is None:
                elements = [_element_from_name(n) for n in atoms.names]
            bonds = None
            try:
                bonds = np.asarray(atoms.bonds.indices)
            except Exception:  # topologies without bonds raise NoDataError
                bonds = None
            return cls(elements, atoms.positions, names=atoms.names,
                       residues=getattr(atoms, "resnames", None),
                       residue_ids=getattr(atoms, "resids", None),
                       chains=getattr(atoms, "chainIDs", None), bonds=bonds,
                       source="MDAnalysis")
        top = getattr(obj, "topology", None)
        if top is not None and hasattr(obj, "xyz"):  # MDTraj: nm, frames first
            atom_list = list(top.atoms)
            elements = [a.element.symbol for a in atom_list]
            xyz = np.asarray(obj.xyz, dtype=np.float64) * 10.0
            bonds = np.array([(b[0].index, b[1].index) for b in top.bonds], np.int64)
            return cls(elements, xyz[0], names=[a.name for a in atom_list],
                       residues=[a.residue.name for a in atom_list],
                       residue_ids=[a.residue.resSeq for a in atom_list],
                       chains=[str(a.residue.chain.index) for a in atom_list],
                       bonds=bonds if len(bonds) else None,
                       frames=xyz[1:] if len(xyz) > 1 else None, source="mdtraj")
        raise TypeError(f"molecule: got {type(obj).__name__}, expected a lumos Molecule, a "
                        "file name, an ASE Atoms, an MDAnalysis Universe/AtomGroup or an "
                        "MDTraj Trajectory")


def guess_bonds(elements, positions: np.ndarray, known: np.ndarray | None = None,
                tolerance: float = BOND_TOLERANCE) -> np.ndarray:
    """(M, 2) bonds between atoms closer than the sum of their covalent radii plus
    ``tolerance`` (no H–H bonds; atoms closer than 0.4 Å are not bonded), together with
    the ``known`` ones (a file's), each once. Non-finite positions are never bonded.
    O(N): atoms are binned in cells as large as the longest bond."""
    elements = np.asarray(elements, dtype=object)
    pos = np.asarray(positions, dtype=np.float64)
    n = len(pos)
    known = np.zeros((0, 2), np.int64) if known is None else np.asarray(known, np.int64)
    if n < 2:
        return known.reshape(-1, 2)
    table = element_table()
    kinds, code = np.unique(elements, return_inverse=True)
    radius = np.array([table[e][1] if e in table else UNKNOWN_COVALENT for e in kinds])[code]
    hydrogen = (kinds == "H")[code]
    idx = np.flatnonzero(np.isfinite(pos).all(axis=1))
    if len(idx) < 2:
        return known
    p = pos[idx]
    cell = 2 * radius[idx].max() + tolerance
    ijk = np.floor((p - p.min(axis=0)) / cell).astype(np.int64)
    dims = ijk.max(axis=0) + 3
    key = ((ijk[:, 0] + 1) * dims[1] + (ijk[:, 1] + 1)) * dims[2] + (ijk[:, 2] + 1)
    order = np.argsort(key, kind="stable")
    skey = key[order]
    pairs = []
    # half of the 26 neighbour cells (and the cell itself, j > i): each pair once
    offsets = [(dx, dy, dz) for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)
               if (dx, dy, dz) > (0, 0, 0)]
    for dx, dy, dz in [(0, 0, 0)] + offsets:
        shift = (dx * dims[1] + dy) * dims[2] + dz
        lo = np.searchsorted(skey, skey + shift, "left")
        hi = np.searchsorted(skey, skey + shift, "right")
        if dx == dy == dz == 0:
            lo = np.maximum(lo, np.arange(len(skey)) + 1)
        count = np.maximum(hi - lo, 0)
        total = int(count.sum())
        if not total:
            continue
        a = np.repeat(np.arange(len(skey)), count)
        b = np.arange(total) - np.repeat(np.cumsum(count) - count, count) + np.repeat(lo, count)
        i, j = order[a], order[b]
        d2 = ((p[i] - p[j]) ** 2).sum(axis=1)
        ri, rj = radius[idx[i]], radius[idx[j]]
        ok = (d2 < (ri + rj + tolerance) ** 2) & (d2 > MIN_BOND ** 2)
        ok &= ~(hydrogen[idx[i]] & hydrogen[idx[j]])
        pairs.append(np.stack([idx[i[ok]], idx[j[ok]]], axis=1))
    found = np.concatenate(pairs + [known.reshape(-1, 2)])
    return np.unique(np.sort(found, axis=1), axis=0)


def _element_from_name(name: str) -> str:
    """An element guessed from an atom name: its leading letters ('CA' in a protein is
    carbon: one letter unless two make a known element and the name has no digits)."""
    letters = "".join(c for c in name.strip() if c.isalpha())
    return _symbol(letters[:1]) if letters else "X"


def _pdb_element(line: str, path: str, lineno: int) -> str:
    raw = line[76:78].strip() if len(line) >= 78 else ""
    if raw and raw.isalpha():
        return _symbol(raw)
    name = line[12:16]
    table = element_table()
    # PDB convention: a one-letter element sits in column 14; names starting in column
    # 13 carry a two-letter element (' CA ' is carbon, 'CA  ' calcium)
    if name[:1].isalpha() and _symbol(name[:2]) in table and not name[1:2].isdigit():
        return _symbol(name[:2])
    letters = "".join(c for c in name if c.isalpha())
    if not letters:
        raise ValueError(f"{path}:{lineno}: atom name {name!r} has no element and the line "
                         "has no element column")
    return _symbol(letters[0])


def read_pdb(path) -> Molecule:
    """Atoms of the first model of a PDB file (first alternate locations), further
    models as ``frames``, CONECT bonds plus guessed ones."""
    path = str(path)
    elements, pos, names, resn, resi, chains, serials = [], [], [], [], [], [], []
    frames: list[list] = []
    conect: list[tuple[int, int]] = []
    model = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            rec = line[:6].strip().upper()
            if rec == "MODEL":
                model += 1
                if model > 1:
                    frames.append([])
            elif rec in ("ATOM", "HETATM"):
                if line[16:17] not in (" ", "A", ""):
                    continue  # a second alternate location
                try:
                    xyz = (float(line[30:38]), float(line[38:46]), float(line[46:54]))
                except ValueError:
                    raise ValueError(f"{path}:{lineno}: malformed {rec} record: expected "
                                     "coordinates in columns 31-54, got "
                                     f"{line[30:54].strip()!r}") from None
                if model > 1:
                    frames[-1].append(xyz)
                    continue
                try:
                    serials.append(int(line[6:11]))
                except ValueError:
                    serials.append(-1)
                elements.append(_pdb_element(line.rstrip("\n"), path, lineno))
                pos.append(xyz)
                names.append(line[12:16].strip())
                resn.append(line[17:20].strip())
                try:
                    resi.append(int(line[22:26]))
                except ValueError:
                    resi.append(0)
                chains.append(line[21:22].strip())
            elif rec == "CONECT":
                try:
                    fields = [int(line[k: k + 5]) for k in range(6, min(len(line.rstrip()), 31), 5)
                              if line[k: k + 5].strip()]
                except ValueError:
                    raise ValueError(f"{path}:{lineno}: malformed CONECT record") from None
                conect += [(fields[0], other) for other in fields[1:]]
    if not elements and model == 0 and not pos:
        warnings.warn(f"{path}: no ATOM or HETATM records: an empty molecule", stacklevel=2)
    index = {s: k for k, s in enumerate(serials) if s >= 0}
    file_bonds = np.array(sorted({tuple(sorted((index[a], index[b]))) for a, b in conect
                                  if a in index and b in index and a != b}), np.int64)
    good = [f for f in frames if len(f) == len(pos)]
    return Molecule(elements, np.array(pos, float).reshape(-1, 3), names=names, residues=resn,
                    residue_ids=resi, chains=chains,
                    frames=np.array(good) if good else None, source=path,
                    file_bonds=file_bonds.reshape(-1, 2))


def read_xyz(path) -> Molecule:
    """Atoms of an XYZ file (count line, comment line, 'El x y z' lines); further
    frames as ``frames``. Elements may be symbols or atomic numbers."""
    path = str(path)
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    numbers = {v[0]: k for k, v in element_table().items()}
    frames, elements = [], None
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        try:
            n = int(lines[k].split()[0])
        except ValueError:
            raise ValueError(f"{path}:{k + 1}: expected the atom count, got "
                             f"{lines[k].strip()!r}") from None
        if k + 2 + n > len(lines):
            raise ValueError(f"{path}:{k + 1}: the frame announces {n} atoms, the file ends "
                             f"after {max(len(lines) - k - 2, 0)}")
        els, xyz = [], []
        for j in range(k + 2, k + 2 + n):
            parts = lines[j].split()
            try:
                if len(parts) < 4:
                    raise ValueError
                xyz.append((float(parts[1]), float(parts[2]), float(parts[3])))
            except ValueError:
                raise ValueError(f"{path}:{j + 1}: expected 'element x y z', got "
                                 f"{lines[j].strip()!r}") from None
            e = parts[0]
            els.append(numbers.get(int(e), e) if e.isdigit() else e)
        if elements is None:
            elements = els
        elif len(els) != len(elements):
            raise ValueError(f"{path}:{k + 1}: frame of {len(els)} atoms, the first has "
                             f"{len(elements)}")
        frames.append(xyz)
        k += 2 + n
    if elements is None:
        return Molecule([], np.zeros((0, 3)), source=path)
    coords = np.array(frames, float).reshape(len(frames), -1, 3)
    return Molecule(elements, coords[0], frames=coords[1:] if len(coords) > 1 else None,
                    source=path)


def _read_other(path: Path) -> Molecule:
    """Other formats (mmCIF, ...) through gemmi or ASE, whichever is installed."""
    try:
        import gemmi
    except ImportError:
        gemmi = None
    if gemmi is not None:
        st = gemmi.read_structure(str(path))
        elements, pos, names, resn, resi, chains = [], [], [], [], [], []
        for ch in st[0]:
            for res in ch:
                for atom in res:
                    elements.append(atom.element.name)
                    pos.append((atom.pos.x, atom.pos.y, atom.pos.z))
                    names.append(atom.name)
                    resn.append(res.name)
                    resi.append(res.seqid.num)
                    chains.append(ch.name)
        return Molecule(elements, np.array(pos, float).reshape(-1, 3), names=names,
                        residues=resn, residue_ids=resi, chains=chains, source=str(path))
    try:
        import ase.io
    except ImportError:
        raise ValueError(f"path: reading {path.suffix or path.name!r} files needs gemmi or "
                         "ASE (pip install gemmi, or pip install ase); lumos itself reads "
                         ".pdb and .xyz") from None
    m = Molecule.from_object(ase.io.read(str(path)))
    m.source = str(path)
    return m


def read_molecule(path) -> Molecule:
    """A Molecule from a file: ``.pdb``/``.ent`` and ``.xyz`` by lumos, others (``.cif``,
    ...) through gemmi or ASE when installed. Malformed lines raise ValueError naming
    the file and line number."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"path: {str(path)!r} does not exist")
    suffix = p.suffix.lower()
    if suffix in (".pdb", ".ent"):
        return read_pdb(p)
    if suffix == ".xyz":
        return read_xyz(p)
    return _read_other(p)
