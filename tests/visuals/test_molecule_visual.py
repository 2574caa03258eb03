"""MoleculeVisual: styles, exact depth of impostors, picking, trajectories, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import geometry, scene, visuals
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget
from lumos.molecule import Molecule
from lumos.visuals.molecule import MoleculeVisual


def benzene_water() -> Molecule:
    ang = np.arange(6) * np.pi / 3
    c = np.c_[1.39 * np.cos(ang), 1.39 * np.sin(ang), np.zeros(6)]
    h = np.c_[2.48 * np.cos(ang), 2.48 * np.sin(ang), np.zeros(6)]
    w = np.array([[0, 0, 2.5], [0.96, 0, 2.5], [-0.24, 0.93, 2.5]])
    return Molecule(["C"] * 6 + ["H"] * 6 + ["O", "H", "H"], np.r_[c, h, w],
                    chains=["A"] * 12 + ["B"] * 3, residues=["BNZ"] * 12 + ["HOH"] * 3)


def view_of(*vis, size=(200, 200), elevation=30.0, fov=45.0) -> scene.Canvas:
    c = scene.Canvas(size=size)
    v = c.add_view(camera="turntable")
    for x in vis:
        v.add(x)
    v.camera.set_range()
    v.camera.elevation, v.camera.fov, v.camera.azimuth = elevation, fov, 0.0
    return c


def test_styles_and_colors(compare_image):
    mol = benzene_water()
    c = scene.Canvas(size=(600, 400))
    specs = [dict(style="ball-and-stick"), dict(style="spacefill"), dict(style="licorice"),
             dict(color="chain"), dict(color="residue", style="licorice"),
             dict(color=np.arange(15.0), cmap="plasma", outline=0)]
    for k, spec in enumerate(specs):
        v = c.add_view(row=k // 3, col=k % 3, camera="turntable")
        v.add(MoleculeVisual(mol, **spec))
        v.camera.set_range()
    compare_image("molecule_styles", c.render(), mean_tol=1.0, bad_tol=0.01)


def test_impostor_depth_is_exact_against_a_mesh():
    """A sphere of radius 1 centred 0.5 below an opaque plane, seen from above: the cap
    above the plane shows, a disk of radius sqrt(1 - 0.25)."""
    mol = Molecule(["O"], [[0.0, 0.0, -0.5]])
    atom = MoleculeVisual(mol, style="spacefill", radius_scale=1 / 1.52, outline=0)
    verts, faces = geometry.cube()
    plate = visuals.Mesh(vertices=verts * [3, 3, 0.001], faces=faces, color="white",
                         shading=None)
    c = view_of(plate, atom, elevation=90.0, fov=0.0)
    c.views[0].camera.distance = 4.0  # 200 px for 4 units: 50 px a unit
    c.views[0].camera.center = np.zeros(3)
    img = c.render()
    red = (img[..., 0].astype(int) - img[..., 1]) > 40
    expected = np.pi * 0.75 * 50 ** 2
    assert red.sum() == pytest.approx(expected, rel=0.04)
    alone = view_of(atom, elevation=90.0, fov=0.0)
    alone.views[0].camera.distance, alone.views[0].camera.center = 4.0, np.zeros(3)
    full = alone.render()
    assert ((full[..., 0].astype(int) - full[..., 1]) > 40).sum() == pytest.approx(
        np.pi * 50 ** 2, rel=0.04)


def test_picking_returns_atoms_also_through_bonds():
    mol = Molecule(["C", "C"], [[-0.75, 0, 0], [0.75, 0, 0]])
    vis = MoleculeVisual(mol, bond_radius=0.3)
    assert len(vis.molecule.bonds) == 1
    c = view_of(vis, size=(200, 100), elevation=90.0, fov=0.0)
    c.views[0].camera.distance, c.views[0].camera.center = 2.0, np.zeros(3)
    # 50 px a unit: atoms (radius 21 px) at x = 62.5 and 137.5, the bond between
    assert c.pick(62, 50) == (vis, 0)
    assert c.pick(138, 50) == (vis, 1)
    assert c.pick(90, 50) == (vis, 0)  # on the bond, nearer atom 0
    assert c.pick(110, 50) == (vis, 1)
    assert c.pick(100, 5) is None


def test_set_positions_uploads_only_positions():
    rng = np.random.default_rng(1)
    n = 3000
    mol = Molecule(["C"] * n, rng.random((n, 3)) * 30)
    vis = MoleculeVisual(mol)
    canvas = view_of(vis)
    with current() as ctx:
        ex = ModernGLExecutor(ctx)
        target = OffscreenTarget(ctx, canvas.physical_size)
        try:
            ex.render(canvas.frame(), target.fbo)
            before = ex.uploaded_bytes
            moved = mol.positions.copy()
            moved[:10] += 0.1  # atoms of the first texture row only
            vis.set_positions(moved)
            ex.render(canvas.frame(), target.fbo)
            assert ex.uploaded_bytes - before == 1024 * 16  # one row of RGBA float32 texels
            before = ex.uploaded_bytes
            vis.set_positions(mol.positions + 0.05)  # every atom: the whole texture
            ex.render(canvas.frame(), target.fbo)
            assert ex.uploaded_bytes - before == 3 * 1024 * 16
        finally:
            target.release()
        with pytest.raises(ValueError, match="positions"):
            vis.set_positions(np.zeros((4, 3)))


def test_unknown_empty_and_missing_atoms():
    with pytest.warns(UserWarning, match="Xx"):
        vis = MoleculeVisual(Molecule(["Xx", "C"], [[0, 0, 0], [3, 0, 0]]))
    assert tuple(np.round(vis._rgba[0, :3], 2)) == (0.5, 0.5, 0.5)
    empty = MoleculeVisual(Molecule([], np.zeros((0, 3))))
    assert empty.draws(_ctx()) == []
    assert empty.bounds() is None
    holes = Molecule(["C", "C", "C"], [[0, 0, 0], [1.5, 0, 0], [np.inf, 0, 0]])
    vis = MoleculeVisual(holes)
    img = view_of(vis).render()
    assert np.isfinite(vis.bounds()).all()
    assert (img[..., :3] < 200).any()


def _ctx():
    from lumos.visuals.base import DrawContext

    return DrawContext("v", (100, 100), 1.0, {"type": "turntable"}, True)


@pytest.mark.parametrize("kwargs, err, arg", [
    (dict(style="sticks"), ValueError, "style"),
    (dict(color="nope"), ValueError, "color"),
    (dict(radius_scale=-1), ValueError, "radius_scale"),
    (dict(outline=float("nan")), ValueError, "outline"),
])
def test_bad_options(kwargs, err, arg):
    with pytest.raises(err, match=arg):
        MoleculeVisual(benzene_water(), **kwargs)


def test_primitives_are_spheres_and_half_bonds():
    vis = MoleculeVisual(benzene_water())
    spheres, cylinders = vis.primitives()
    assert len(spheres.centers) == 15
    assert len(cylinders.starts) == 2 * len(vis.molecule.bonds)
    np.testing.assert_allclose(spheres.radii[0], 1.70 * 0.25)
