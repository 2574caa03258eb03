"""lumos.molecule: reading PDB and XYZ, bonds, objects of other libraries, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import lumos
from lumos.io.pdb import write_pdb
from lumos.molecule import Molecule, element_table, guess_bonds, read_molecule

WATER = """3
water
O 0.000 0.000 0.000
H 0.957 0.000 0.000
H -0.240 0.927 0.000
"""

PDB = """HEADER    TEST
ATOM      1  N   GLY A   1      -0.966   0.493   1.500  1.00  0.00           N
ATOM      2  CA  GLY A   1       0.257   0.418   0.692  1.00  0.00           C
ATOM      3  C   GLY A   1      -0.094   0.017  -0.716  1.00  0.00           C
ATOM      4  O   GLY A   1      -1.056  -0.682  -0.923  1.00  0.00           O
ATOMX
HETATM    5 FE   HEM B   2       5.000   5.000   5.000  1.00  0.00
ATOM      6  CB AGLY A   1       1.200   1.000   1.000  1.00  0.00           C
ATOM      7  CB BGLY A   1       1.300   1.000   1.000  1.00  0.00           C
CONECT    5    4
END
"""


def test_element_table_has_radii_and_colors():
    t = element_table()
    assert len(t) == 103
    assert t["C"] == (6, 0.76, 1.70, "#909090")
    assert t["O"][3] == "#FF0D0D" and t["Fe"][0] == 26


def test_xyz(tmp_path):
    path = tmp_path / "w.xyz"
    path.write_text(WATER + WATER.replace("0.957", "0.900"))
    mol = read_molecule(path)
    assert list(mol.elements) == ["O", "H", "H"]
    assert mol.positions.shape == (3, 3) and mol.frames.shape == (1, 3, 3)
    assert mol.frames[0, 1, 0] == pytest.approx(0.9)
    assert sorted(map(tuple, mol.bonds)) == [(0, 1), (0, 2)]  # no H-H bond
    assert lumos.read_molecule is read_molecule


def test_pdb_columns_altlocs_elements_and_conect(tmp_path):
    path = tmp_path / "x.pdb"
    path.write_text(PDB.replace("ATOMX\n", ""))
    mol = read_molecule(path)
    assert list(mol.elements) == ["N", "C", "C", "O", "Fe", "C"]  # altloc B skipped
    assert list(mol.names[:2]) == ["N", "CA"] and mol.residues[4] == "HEM"
    assert list(mol.chains[:5]) == ["A"] * 4 + ["B"] and mol.residue_ids[4] == 2
    bonds = {tuple(b) for b in mol.bonds}
    assert (3, 4) in bonds  # CONECT between O and FE (serials 4 and 5)
    assert {(0, 1), (1, 2), (2, 3)} <= bonds  # guessed for the atoms CONECT leaves out
    # element from the atom name when columns 77-78 are blank: 'FE' in column 13
    assert mol.elements[4] == "Fe"


def test_malformed_lines_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.pdb"
    bad.write_text(PDB.replace("ATOMX\n", "ATOM      9  C   GLY A   1      abc   0.0   0.0\n"))
    with pytest.raises(ValueError, match=r"bad\.pdb:6"):
        read_molecule(bad)
    xyz = tmp_path / "bad.xyz"
    xyz.write_text("3\nc\nO 0 0 0\nH 1 0\nH 0 1 0\n")
    with pytest.raises(ValueError, match=r"bad\.xyz:4"):
        read_molecule(xyz)
    xyz.write_text("three\nc\n")
    with pytest.raises(ValueError, match=r"bad\.xyz:1"):
        read_molecule(xyz)
    xyz.write_text("5\nc\nO 0 0 0\n")
    with pytest.raises(ValueError, match=r"bad\.xyz:1.*5 atoms"):
        read_molecule(xyz)
    with pytest.raises(FileNotFoundError, match="path"):
        read_molecule(tmp_path / "missing.pdb")
    other = tmp_path / "x.cif"
    other.write_text("data_x\n")
    with pytest.raises(ValueError, match="gemmi or ASE"):
        read_molecule(other)


def test_empty_and_non_finite(tmp_path):
    path = tmp_path / "e.pdb"
    path.write_text("HEADER\nEND\n")
    with pytest.warns(UserWarning, match="empty"):
        mol = read_molecule(path)
    assert len(mol) == 0 and mol.bonds.shape == (0, 2)
    m = Molecule(["C", "C", "C"], [[0, 0, 0], [1.5, 0, 0], [np.nan, 0, 0]])
    assert [tuple(b) for b in m.bonds] == [(0, 1)]


def test_bond_guessing_is_linear_and_right_on_a_lattice():
    n = 20
    g = np.stack(np.meshgrid(*[np.arange(n)] * 3, indexing="ij"), -1).reshape(-1, 3) * 1.5
    bonds = guess_bonds(np.array(["C"] * len(g), dtype=object), g)
    assert len(bonds) == 3 * n * n * (n - 1)  # nearest neighbours only (diagonals: 2.1 Å)
    d = np.linalg.norm(g[bonds[:, 0]] - g[bonds[:, 1]], axis=1)
    np.testing.assert_allclose(d, 1.5)
    # the same bonds as all pairs checked by brute force on a random cloud
    rng = np.random.default_rng(3)
    p = rng.random((300, 3)) * 12
    els = np.array(rng.choice(["C", "N", "O", "H", "S"], 300), dtype=object)
    fast = {tuple(b) for b in guess_bonds(els, p)}
    r = np.array([element_table()[e][1] for e in els])
    brute = {(i, j) for i in range(300) for j in range(i + 1, 300)
             if 0.4 < np.linalg.norm(p[i] - p[j]) < r[i] + r[j] + 0.45
             and not (els[i] == "H" and els[j] == "H")}
    assert fast == brute


def test_objects_of_other_libraries_are_read_by_their_attributes():
    class AseAtoms:  # what ASE's Atoms offers
        def get_chemical_symbols(self):
            return ["O", "H", "H"]

        def get_positions(self):
            return np.array([[0, 0, 0], [0.96, 0, 0], [-0.24, 0.93, 0]])

    mol = Molecule.from_object(AseAtoms())
    assert list(mol.elements) == ["O", "H", "H"] and len(mol.bonds) == 2

    class Group:  # MDAnalysis AtomGroup: Å, names, resnames, bonds
        positions = np.array([[0, 0, 0], [1.0, 0, 0]])
        names = np.array(["CA", "CB"])
        resnames = np.array(["ALA", "ALA"])
        resids = np.array([7, 7])
        elements = np.array(["C", "C"])

        class bonds:
            indices = np.array([[0, 1]])

    class Universe:
        atoms = Group()

    mol = Molecule.from_object(Universe())
    assert mol.residue_ids[0] == 7 and mol.bonds.tolist() == [[0, 1]]

    class El:
        def __init__(self, s):
            self.symbol = s

    class Chain:
        index = 0

    class Res:
        name, resSeq, chain = "HOH", 1, Chain()

    class Atom:
        def __init__(self, i, s):
            self.index, self.name, self.element, self.residue = i, s, El(s), Res()

    class Topology:  # MDTraj: nm, frames first
        atoms = [Atom(0, "O"), Atom(1, "H")]
        bonds = []

    class Trajectory:
        topology = Topology()
        xyz = np.array([[[0, 0, 0], [0.1, 0, 0]], [[0, 0, 0], [0.2, 0, 0]]])

    mol = Molecule.from_object(Trajectory())
    assert mol.positions[1, 0] == pytest.approx(1.0) and mol.frames.shape == (1, 2, 3)
    with pytest.raises(TypeError, match="molecule"):
        Molecule.from_object(42)


def test_write_pdb_reads_back(tmp_path):
    mol = Molecule(["C", "O", "Fe"], [[0, 0, 0], [1.2, 0, 0], [4, 4, 4]], names=["C1", "O1",
                                                                                "FE"],
                   residues=["LIG"] * 3, residue_ids=[1, 1, 2], chains=["A", "A", "B"])
    path = write_pdb(mol, tmp_path / "m.pdb")
    back = read_molecule(path)
    np.testing.assert_allclose(back.positions, mol.positions, atol=1e-3)
    assert list(back.elements) == ["C", "O", "Fe"] and list(back.chains) == ["A", "A", "B"]
    assert [tuple(b) for b in back.bonds] == [(0, 1)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_molecule(path)
