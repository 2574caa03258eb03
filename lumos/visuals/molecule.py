"""Molecules: atoms as sphere impostors, bonds as cylinder impostors (two draws)."""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np

from .. import colors
from ..gpu.camera_math import draw_matrices
from ..gpu.frame import Attribute, Draw, State
from ..gpu.resources import Buffer
from ..molecule import Molecule
from ..primitives import Cylinders, Spheres
from .base import (
    DrawContext,
    Visual,
    as_array,
    check_number,
    rgba_bytes,
    split_origin,
    transformed_bounds,
)
from .impostors import CYLINDERS, SPHERES, color_texture, point_texture
from .lighting import as_lighting

STYLES = ("ball-and-stick", "spacefill", "licorice")
BALL_SCALE = 0.25  # ball-and-stick atoms: a quarter of the van der Waals radius
BOND_RADIUS = {"ball-and-stick": 0.15, "licorice": 0.25}  # Å


def _categories(labels: np.ndarray, palette: str) -> np.ndarray:
    """Colors by label, in order of first appearance, from a qualitative colormap."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))  # rank of each label by first appearance
    cmap = colors.get_cmap(palette)
    table = cmap.lut(256)[:, :3] / 255.0
    n = len(cmap.lut(256))
    size = 10 if palette == "tab10" else 20
    rgb = np.array([table[int((k % size + 0.5) / size * n)] for k in range(size)])
    return np.c_[rgb[order[inverse] % size], np.ones(len(labels))]


class MoleculeVisual(Visual):
    """A molecule (``lumos.Molecule``, a file name, or an ASE/MDAnalysis/MDTraj object)
    as ray-cast impostors.

    >>> MoleculeVisual(lumos.read_molecule("dna.pdb"), style="ball-and-stick")
    >>> MoleculeVisual(mol, style="spacefill", color="chain")
    >>> vis.set_positions(trajectory[k])        # uploads positions only

    ``style``: "ball-and-stick" (atoms at a quarter of their van der Waals radius,
    bonds 0.15 Å), "spacefill" (van der Waals spheres, no bonds) or "licorice" (atoms
    and bonds 0.25 Å). ``color``: "element" (CPK), "chain", "residue" (by residue
    name), one color, (N, 3|4) colors, or (N,) values through ``cmap``. ``radius_scale``
    multiplies atom radii; ``bond_radius`` sets the bonds'. ``outline`` is the width in
    logical pixels of the dark silhouette band (0: none). Bonds take the colors of
    their two atoms, half each. Unknown elements are drawn grey (a warning names them);
    atoms with non-finite positions are skipped with their bonds. Picking returns the
    atom (for a bond, the nearer of its two atoms).
    """

    is_3d = True
    needs_multisampling = True

    def __init__(self, molecule, *, style: str = "ball-and-stick", color="element",
                 cmap="viridis", radius_scale: float = 1.0, bond_radius: float | None = None,
                 outline: float = 1.0, outline_color=(0.0, 0.0, 0.0, 0.75), lighting=None,
                 lightsource=None) -> None:
        super().__init__()
        if isinstance(molecule, (str, bytes)) or hasattr(molecule, "__fspath__"):
            from ..molecule import read_molecule

            molecule = read_molecule(molecule)
        elif not isinstance(molecule, Molecule):
            molecule = Molecule.from_object(molecule)
        self.molecule = molecule
        unknown = molecule.unknown_elements
        if unknown:
            warnings.warn(f"molecule: unknown elements {', '.join(unknown)} are drawn grey",
                          stacklevel=2)
        if style not in STYLES:
            raise ValueError(f"style: got {style!r}, expected one of {', '.join(STYLES)}")
        self._style = style
        self._scale = check_number(radius_scale, "radius_scale", 0.0)
        self._bond_radius = BOND_RADIUS.get(style, 0.0) if bond_radius is None \
            else check_number(bond_radius, "bond_radius", 0.0)
        self.outline = check_number(outline, "outline", 0.0)
        self.outline_color = colors.to_rgba(outline_color, argname="outline_color")
        self.lighting = as_lighting(lighting, lightsource)
        self._cmap = cmap
        self._positions_texture = None
        self._set_points(molecule.positions)
        self.color = color
        radii = molecule.radii("vdw")
        if style == "ball-and-stick":
            radii = radii * BALL_SCALE
        elif style == "licorice":
            radii = np.full(len(molecule), self._bond_radius)
        self._radii = radii
        self._radius_buffer = Buffer(radii.astype(np.float32))
        bonds = molecule.bonds if style != "spacefill" else np.zeros((0, 2), np.int64)
        self._bonds = np.asarray(bonds, np.int64).reshape(-1, 2)
        self._bond_buffer = Buffer(self._bonds.astype(np.uint32))

    # -- data --------------------------------------------------------------------
    def _set_points(self, positions: np.ndarray) -> None:
        self._points = np.array(positions, dtype=np.float64)
        self._valid = np.isfinite(self._points).all(axis=1)
        self._origin, local, _ = split_origin(self._points)
        finite = self._points[self._valid]
        self._reach = float(np.abs(finite - self._origin).max()) if len(finite) else 1.0
        self._positions_texture = point_texture(local, self._valid, self._positions_texture)

    def set_positions(self, positions) -> None:
        """New coordinates for the same atoms (a trajectory frame): only the position
        texture's changed rows are uploaded (the origin stays while the atoms keep
        within twice the extent they had)."""
        pos = as_array(positions, "positions")
        if pos.dtype.kind not in "biuf":
            raise TypeError(f"positions: got dtype {pos.dtype}, expected real numbers")
        n = len(self._points)
        if pos.shape != (n, 3):
            raise ValueError(f"positions: got shape {pos.shape}, expected ({n}, 3)")
        pos = pos.astype(np.float64)
        valid = np.isfinite(pos).all(axis=1)
        if valid.any() and np.abs(pos[valid] - self._origin).max() > 2 * max(self._reach, 1e-9):
            self._set_points(pos)
            return
        self._points = pos.copy()
        self._valid = valid
        local = np.where(valid[:, None], pos - self._origin, 0.0).astype(np.float32)
        self._positions_texture = point_texture(local, valid, self._positions_texture)

    @property
    def positions(self) -> np.ndarray:
        """A copy of the atom positions, (n, 3) float64."""
        return self._points.copy()

    @property
    def style(self) -> str:
        """'ball-and-stick', 'spacefill' or 'licorice'."""
        return self._style

    @property
    def color(self):
        """The color override: None (by element), one color, or one per atom."""
        return self._color

    @color.setter
    def color(self, value) -> None:
        mol = self.molecule
        n = len(mol)
        if isinstance(value, str) and value == "element":
            rgba = mol.element_colors()
        elif isinstance(value, str) and value == "chain":
            rgba = _categories(mol.chains.astype(str), "tab10") if n else np.zeros((0, 4))
        elif isinstance(value, str) and value == "residue":
            rgba = _categories(mol.residues.astype(str), "tab20") if n else np.zeros((0, 4))
        else:
            arr = np.asarray(value) if not isinstance(value, (str, tuple)) else None
            if arr is not None and arr.ndim == 1 and len(arr) == n and arr.dtype.kind in "biuf" \
                    and n not in (3, 4):
                v = arr.astype(float)
                finite = v[np.isfinite(v)]
                lo, hi = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
                t = (v - lo) / (hi - lo) if hi > lo else np.full(n, 0.5)
                rgba = colors.get_cmap(self._cmap)(np.nan_to_num(t))
            else:
                rgba = colors.to_rgba_array(value, n, argname="color")
        self._rgba = np.asarray(rgba, float).reshape(n, 4)
        self._color_texture = color_texture(rgba_bytes(self._rgba))
        self._color = value

    # -- drawing -----------------------------------------------------------------
    def bounds(self) -> np.ndarray | None:
        if not self._valid.any():
            return None
        p = self._points[self._valid]
        r = float(self._radii[self._valid].max()) * self._scale if len(self._radii) else 0.0
        b = np.array([p.min(axis=0) - r, p.max(axis=0) + r])
        return transformed_bounds(b, self.model_matrix())

    def _common(self) -> dict:
        return {
            "u_outline": self.outline, "u_outline_color": self.outline_color,
            **self.lighting.uniforms(),
        }

    def draws(self, ctx: DrawContext) -> list[Draw]:
        n = len(self._points)
        if n == 0 or not ctx.is_3d:
            return []
        model = self.model_matrix()
        textures = {"u_positions": self._positions_texture, "u_colors": self._color_texture}
        width = self._positions_texture.data.shape[1]
        state = State(depth_test=True, blend="alpha", alpha_to_coverage=True)
        out = [Draw(SPHERES.compose(), ctx.view_id, "triangle_strip", 4, instances=n,
                    attributes={"a_radius": Attribute(self._radius_buffer, 1, divisor=1)},
                    uniforms={**self._common(), "u_scale": self._scale},
                    int_uniforms={"u_width": width}, textures=textures, state=state,
                    origin=tuple(self._origin), model=model)]
        if len(self._bonds) and self._bond_radius > 0:
            out.append(Draw(CYLINDERS.compose(), ctx.view_id, "triangles", 36,
                            instances=len(self._bonds),
                            attributes={"a_pair": Attribute(self._bond_buffer, 2, "u4",
                                                            divisor=1)},
                            uniforms={**self._common(), "u_radius": self._bond_radius},
                            int_uniforms={"u_width": width}, textures=textures,
                            state=replace(state, cull="back"),
                            origin=tuple(self._origin), model=model))
        return out

    def pick_index(self, raw: int, frame, draw: Draw, x: float, y: float) -> int:
        """The atom under the cursor: the sphere's, or for a bond the nearer of its two
        atoms (x, y: physical pixels from the top left)."""
        if draw.mode != "triangles" or raw >= len(self._bonds):
            return int(raw)
        a, b = self._bonds[raw]
        view = frame.views[draw.view]
        vx, vy, vw, vh = view.rect
        mvp, _, _ = draw_matrices(view.camera, vw / vh, draw.origin, draw.model)
        ends = np.c_[self._points[[a, b]] - self._origin, np.ones(2)] @ mvp.T
        sx = vx + (ends[:, 0] / ends[:, 3] + 1) / 2 * vw
        sy = vy + (1 - ends[:, 1] / ends[:, 3]) / 2 * vh
        return int(a if np.hypot(sx[0] - x, sy[0] - y) <= np.hypot(sx[1] - x, sy[1] - y)
                   else b)

    def primitives(self, ctx=None) -> list:
        """World-space spheres and cylinders (POV-Ray and other 3D devices); the node
        transform is applied (radii scale by its cube root of the determinant)."""
        ok = self._valid
        points = self._points
        model = self.model_matrix()
        scale = self._scale
        if model is not None:
            points = points @ model[:3, :3].T + model[:3, 3]
            scale *= abs(np.linalg.det(model[:3, :3])) ** (1 / 3)
        out = [Spheres(points[ok], self._radii[ok] * scale, self._rgba[ok])]
        if len(self._bonds) and self._bond_radius > 0:
            keep = ok[self._bonds].all(axis=1)
            a, b = self._bonds[keep, 0], self._bonds[keep, 1]
            mid = (points[a] + points[b]) / 2
            # half bonds in the colors of their atoms
            starts = np.r_[points[a], mid]
            ends = np.r_[mid, points[b]]
            rgba = np.r_[self._rgba[a], self._rgba[b]]
            radius = self._bond_radius * scale / self._scale if self._scale else 0.0
            out.append(Cylinders(starts, ends, np.full(len(starts), radius), rgba))
        return out


def replace_state(state: State, **changes) -> State:
        return replace(state, **changes)
