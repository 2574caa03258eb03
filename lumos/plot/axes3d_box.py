"""The box of 3D axes: panes, grid lines, axis lines, ticks and labels, drawn inside the
3D view so that the browser rotates them with the data.

mplot3d decides from the camera which panes it fills (the three far faces of the box),
on which edge each axis line, its ticks and labels sit and which way the axis labels
turn. lumos makes every candidate once (six panes, four edges per axis, grid lines on
both faces of each pair) and lets the vertex shader keep those the camera would show:
a candidate's position carries a *face code* — one of -1, 0, +1 per box axis, added as
``CODE × code`` to its box coordinates — and :class:`BoxFaces`, the visuals' shader
transform, decodes it and hides the candidate (NaN) unless each coded axis has its far
face on the coded side. A rotation in the window or in a standalone page therefore
moves panes, ticks and labels to the visible edges with no round trip to Python.

Box coordinates: the axes' unit box, centred on 0, with half extents ``h`` (half of
mplot3d's box aspect), the vertical axis along box z (``view_init(vertical_axis=)``
permutes data axes onto box axes). The rules are mplot3d's (``axis3d.py``), per box axis
(its "x", "y" and "z" rules apply to box x, y and z):

- a face is far (``highs``) when its centre lies deeper along the line of sight than the
  opposite face's; when two axes look edge-on, mplot3d's special cases apply;
- the axis line of box x runs at the near y and far z edge, box y at near x and far z,
  box z at near x and far y; ticks point along the near axis, 0.2 of 8 % of the box out
  and 0.1 in; tick labels sit ``(pad + 8) × 48 / (box width + height in points)`` of 8 %
  of the box away from the edge (centre-top aligned), axis labels ``(labelpad + 21) ×``
  that at the middle of the edge, turned along it when longer than 4 characters;
- grid lines lie on the far faces.

``far_faces`` and ``visible`` are the same rules in numpy (layout uses them to make room
for the labels); the test vectors in ``tests/plot/test_axes3d_box.py`` hold the two to
each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .. import colors
from ..transforms import Transform
from ..transforms.base import GLSL_NAN, make_snippet
from ..visuals import Line, Mesh, Text

CODE = 32.0  # box coordinates stay within ±CODE / 2 (the box is ~2 units across)
EDGE_EPS = 1e-5  # an axis within this (relative) of the screen plane is edge-on

# The rules per box axis: the axis whose near face the axis line takes (also where its
# ticks point) and the axis whose far face it takes.
NEAR = (1, 0, 0)
FAR = (2, 2, 1)
TICK_OUT, TICK_IN = 0.2, 0.1  # tick length out of / into the box, in 8 % of the box
DELTA = 0.08  # mplot3d's unit of offsets: 8 % of the box along each axis
TICK_LABEL_OFFSET = 8.0  # points added to the tick pad (mplot3d's rough estimate)
AXIS_LABEL_OFFSET = 21.0  # points added to the label pad
DIRECTION = 0.05  # length of the direction axis labels follow (box units)

_SNIPPET = make_snippet("box_faces", f"""
vec4 $fn(vec4 p) {{
    if (any(isnan(p.xyz))) return {GLSL_NAN};
    vec3 code = floor(p.xyz / {CODE} + 0.5);
    // Deeper along the line of sight: clip w grows with depth in perspective, clip z in
    // orthographic projections (u_mvp of the visual, which draws in box coordinates).
    vec3 d = vec3(u_mvp[0][3], u_mvp[1][3], u_mvp[2][3]);
    if (d == vec3(0.0)) d = vec3(u_mvp[0][2], u_mvp[1][2], u_mvp[2][2]);
    bvec3 high = greaterThan(d, vec3(0.0));
    bvec3 edge_on = lessThanEqual(abs(d), vec3({EDGE_EPS} * length(d)));
    int n = int(edge_on.x) + int(edge_on.y) + int(edge_on.z);
    if (n == 2) {{  // looking along one axis: mplot3d's choices
        if (!edge_on.z) high = bvec3(true, true, high.z);
        else if (!edge_on.y) high = bvec3(true, high.y, false);
        else high = bvec3(high.x, false, false);
    }}
    // a code of +1 wants the far face on the + side, -1 on the - side, 0 either
    if (any(greaterThan(code * (1.0 - 2.0 * vec3(high)), vec3(0.5)))) return {GLSL_NAN};
    return vec4(p.xyz - {CODE} * code, p.w);
}}""")


class BoxFaces(Transform):
    """Box coordinates carrying face codes → box coordinates; on the GPU, NaN (not
    drawn) for candidates whose coded faces are not the far ones from the camera.

    The GLSL reads the visual's ``u_mvp`` (the template declares it), so what it hides
    follows the camera in both executors. ``forward`` decodes only: which candidates
    show depends on the camera (:func:`far_faces`, :func:`visible`).
    """

    def _forward(self, pts: np.ndarray) -> np.ndarray:
        return pts - CODE * np.floor(pts / CODE + 0.5)

    def seen(self, points: np.ndarray, mvp: np.ndarray) -> np.ndarray:
        """The candidates the shader keeps for this camera (the vector files' form)."""
        d = mvp[3, :3] if mvp[3, :3].any() else mvp[2, :3]
        ok = np.isfinite(points).all(axis=1)
        codes = np.floor(np.where(ok[:, None], points, 0.0) / CODE + 0.5)
        return ok & visible(codes, far_faces(d))

    def glsl_forward(self):
        return _SNIPPET

    def _key(self) -> tuple:
        return (CODE,)


def encode(points: np.ndarray, code) -> np.ndarray:
    """Points (N, 3) in box coordinates carrying the face code (3,) (or one per row)."""
    return np.asarray(points, float) + CODE * np.asarray(code, float)


def far_faces(depth: np.ndarray) -> np.ndarray:
    """mplot3d's ``highs``: for each box axis, whether its + face is the far one, given
    the direction in which depth grows (box coordinates)."""
    d = np.asarray(depth, float)
    high = d > 0
    edge_on = np.abs(d) <= EDGE_EPS * np.linalg.norm(d)
    if edge_on.sum() == 2:
        if not edge_on[2]:
            high = np.array([True, True, high[2]])
        elif not edge_on[1]:
            high = np.array([True, high[1], False])
        else:
            high = np.array([high[0], False, False])
    return high


def visible(codes: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Which coded candidates the shader keeps for these far faces."""
    codes = np.atleast_2d(np.asarray(codes, float))
    return ~np.any(codes * (1.0 - 2.0 * high.astype(float)) > 0.5, axis=1)


# -- what the box shows ------------------------------------------------------------------


@dataclass
class AxisSpec:
    """One box axis: its ticks (box coordinates along the axis), their labels, the axis
    label, and how they look (sizes in pixels, RGBA colors)."""

    ticks: np.ndarray
    labels: list[str]
    label: str = ""
    offset: str = ""
    tick_size: float = 10.0
    label_size: float = 10.0
    tick_color: tuple = (0.0, 0.0, 0.0, 1.0)
    tick_label_color: tuple = (0.0, 0.0, 0.0, 1.0)
    label_color: tuple = (0.0, 0.0, 0.0, 1.0)
    tick_width: float = 1.0
    tick_pad: float = 3.5  # points
    labelpad: float = 4.0  # points
    rotate_label: bool | None = None  # None: turn labels longer than 4 characters
    pane_color: tuple = (0.95, 0.95, 0.95, 0.5)
    pane_visible: bool = True
    grid: bool = True
    visible: bool = True


@dataclass
class BoxSpec:
    """Everything the box draws: half extents, the three box axes, the size of a point
    in the box's 8 %-units (``points``: 48 / (box width + height in points)) and the
    line styles (pixels, RGBA)."""

    half: np.ndarray
    axes: list[AxisSpec]
    points: float
    line_width: float = 1.0
    line_color: tuple = (0.0, 0.0, 0.0, 1.0)
    grid_width: float = 1.0
    grid_color: tuple = (0.69, 0.69, 0.69, 1.0)
    grid_dashes: tuple | None = None
    bold_ticks: dict = field(default_factory=dict)


def _edges(i: int) -> list[tuple[tuple[int, int], np.ndarray]]:
    """The four candidate edges of box axis i: ((side of the near axis, side of the far
    axis), face code)."""
    n, f = NEAR[i], FAR[i]
    out = []
    for sn in (0, 1):
        for sf in (0, 1):
            code = np.zeros(3)
            code[n] = -1.0 if sn else 1.0  # the near face: its far face is the other one
            code[f] = 1.0 if sf else -1.0
            out.append(((sn, sf), code))
    return out


def _corner(i: int, sides: tuple[int, int], half: np.ndarray, along: float) -> np.ndarray:
    """The point at ``along`` (box coordinate) on the edge of axis i with those sides."""
    p = np.zeros(3)
    p[i] = along
    p[NEAR[i]] = (2 * sides[0] - 1) * half[NEAR[i]]
    p[FAR[i]] = (2 * sides[1] - 1) * half[FAR[i]]
    return p


def _away(i: int, sides: tuple[int, int], amount: np.ndarray) -> np.ndarray:
    """A move away from the box's centre across the edge: ``amount`` (per axis) on the
    two axes other than i (mplot3d's ``_move_from_center``)."""
    d = np.zeros(3)
    d[NEAR[i]] = (2 * sides[0] - 1) * amount[NEAR[i]]
    d[FAR[i]] = (2 * sides[1] - 1) * amount[FAR[i]]
    return d


def geometry(spec: BoxSpec) -> dict:
    """Every candidate of the box, coded: panes (vertices, faces, colors), grid segments,
    axis line and tick segments (with widths and colors) and labels (anchor, text,
    direction) per box axis."""
    h = np.asarray(spec.half, float)
    delta = DELTA * 2 * h
    out = {"pane_verts": [], "pane_faces": [], "pane_colors": [], "grid": [], "lines": [],
           "line_colors": [], "line_widths": [], "tick_labels": [], "axis_labels": []}
    # panes: the face of box axis j on side s shows when that face is the far one
    for j in range(3):
        a = spec.axes[j]
        if not (a.pane_visible and a.visible) or a.pane_color[3] <= 0:
            continue
        u, v = [k for k in range(3) if k != j]
        for s in (0, 1):
            code = np.zeros(3)
            code[j] = 1.0 if s else -1.0
            quad = np.zeros((4, 3))
            quad[:, j] = (2 * s - 1) * h[j]
            quad[:, u] = np.array([-1, 1, 1, -1]) * h[u]
            quad[:, v] = np.array([-1, -1, 1, 1]) * h[v]
            k = len(out["pane_verts"]) * 4
            out["pane_verts"].append(encode(quad, code))
            out["pane_faces"].append(np.array([[k, k + 1, k + 2], [k, k + 2, k + 3]]))
            out["pane_colors"].append(np.tile(a.pane_color, (4, 1)))
    for i in range(3):
        a = spec.axes[i]
        if not a.visible:
            continue
        # grid lines of axis i's ticks on the two faces perpendicular to the others
        if a.grid:
            for j in range(3):
                if j == i:
                    continue
                k = 3 - i - j
                for s in (0, 1):
                    code = np.zeros(3)
                    code[j] = 1.0 if s else -1.0
                    for t in a.ticks:
                        seg = np.zeros((2, 3))
                        seg[:, i] = t
                        seg[:, j] = (2 * s - 1) * h[j]
                        seg[:, k] = (-h[k], h[k])
                        out["grid"].append(encode(seg, code))
        n = NEAR[i]
        label_move = (a.labelpad + AXIS_LABEL_OFFSET) * spec.points * delta
        tick_move = (a.tick_pad + TICK_LABEL_OFFSET) * spec.points * delta
        direction = np.zeros(3)
        direction[i] = DIRECTION
        rotate = len(a.label) > 4 if a.rotate_label is None else a.rotate_label
        for sides, code in _edges(i):
            out["lines"].append(encode(np.array([_corner(i, sides, h, -h[i]),
                                                 _corner(i, sides, h, h[i])]), code))
            out["line_colors"].append(spec.line_color)
            out["line_widths"].append(spec.line_width)
            outward = 2 * sides[0] - 1
            for t, text in zip(a.ticks, a.labels, strict=True):
                edge = _corner(i, sides, h, t)
                tick = np.array([edge, edge])
                tick[0, n] -= outward * TICK_IN * delta[n]
                tick[1, n] += outward * TICK_OUT * delta[n]
                out["lines"].append(encode(tick, code))
                out["line_colors"].append(a.tick_color)
                out["line_widths"].append(a.tick_width)
                if text:
                    out["tick_labels"].append((i, encode(edge + _away(i, sides, tick_move),
                                                         code), text))
            if a.label:
                move = _away(i, sides, label_move)
                mid = _corner(i, sides, h, 0.0) + move
                # turned along the edge itself, measured there (as mplot3d does)
                out["axis_labels"].append((i, encode(mid, code), a.label,
                                           direction if rotate else np.zeros(3), -move))
            if a.offset:
                # at the end of the line (far along x and y, near along z: mplot3d's)
                for s in (0, 1):
                    end_code = code.copy()
                    far_end = s if i != 2 else 1 - s
                    end_code[i] = 1.0 if far_end else -1.0
                    end = _corner(i, sides, h, (2 * s - 1) * h[i])
                    out["axis_labels"].append((i, encode(end + _away(i, sides, label_move),
                                                         end_code), a.offset, np.zeros(3),
                                               np.zeros(3)))
    return out


# -- the visuals ---------------------------------------------------------------------------


class _Backdrop:
    """Box parts are drawn first, without depth: data inside the box is drawn over them
    (as mplot3d draws panes, grids and axes before the artists)."""

    def draws(self, ctx):
        return [replace(d, state=replace(d.state, depth_test=False, depth_write=False))
                for d in super().draws(ctx)]

    def painter_depth(self, ctx) -> None:
        return None  # painted first, in order (vector files)


class _BoxMesh(_Backdrop, Mesh):
    pass


class _BoxLine(_Backdrop, Line):
    pass


class _BoxText(_Backdrop, Text):
    pass


class Box3D:
    """The visuals of one 3D axes' box in its view: panes, grid, lines (axis lines and
    ticks, one visual per width), tick labels and axis labels (one text visual per box
    axis for each). ``update(spec)`` rebuilds them; nothing changes while the camera
    moves."""

    ORDER = -1e9  # before every artist of the view

    def __init__(self, view) -> None:
        self.view = view
        self._transform = BoxFaces()
        self._visuals: dict[tuple, object] = {}
        self._spec_key = None

    def _get(self, key: tuple, cls, order: float, **kwargs):
        visual = self._visuals.get(key)
        if visual is None:
            visual = self._visuals[key] = cls(**kwargs)
            visual.transform = self._transform
            visual.order = self.ORDER + order
            self.view.add(visual)
        return visual

    def clear(self) -> None:
        for v in self._visuals.values():
            self.view.remove(v)
        self._visuals.clear()
        self._spec_key = None

    def update(self, spec: BoxSpec | None) -> None:
        """Show what ``spec`` describes (None: nothing); unchanged specs cost nothing."""
        key = None if spec is None else repr(spec)
        if key == self._spec_key:
            return
        self._spec_key = key
        if spec is None:
            for v in self._visuals.values():
                v.visible = False
            return
        g = geometry(spec)
        wanted = set()
        if g["pane_verts"]:
            mesh = self._get(("panes",), _BoxMesh, 0, shading=None)
            mesh.set_data(np.concatenate(g["pane_verts"]), np.concatenate(g["pane_faces"]),
                          vertex_colors=np.concatenate(g["pane_colors"]))
            wanted.add(("panes",))
        if g["grid"]:
            grid = self._get(("grid",), _BoxLine, 1, width=spec.grid_width,
                             dashes=spec.grid_dashes)
            grid.width, grid.dashes = spec.grid_width, spec.grid_dashes
            grid.set_data(g["grid"], color=spec.grid_color)
            wanted.add(("grid",))
        by_width: dict[float, tuple[list, list]] = {}
        for seg, c, w in zip(g["lines"], g["line_colors"], g["line_widths"], strict=True):
            segs, cols = by_width.setdefault(round(float(w), 3), ([], []))
            segs.append(seg)
            cols.append(colors.to_rgba(c))
        for w, (segs, cols) in by_width.items():
            line = self._get(("lines", w), _BoxLine, 2, width=w)
            line.set_data(segs, color=cols)
            wanted.add(("lines", w))
        for kind, part, anchor_y in (("tick_labels", 3, "top"), ("axis_labels", 4, "center")):
            for i in range(3):
                rows = [r for r in g[kind] if r[0] == i]
                if not rows:
                    continue
                a = spec.axes[i]
                size = a.tick_size if kind == "tick_labels" else a.label_size
                color = a.tick_label_color if kind == "tick_labels" else a.label_color
                key = (kind, i, round(size, 3))
                text = self._get(key, _BoxText, part, font_size=size, anchor_x="center",
                                 anchor_y=anchor_y)
                pos = np.array([r[1] for r in rows])
                zero = np.zeros((len(rows), 3))
                labels = kind == "axis_labels"
                text.set_data([r[2] for r in rows], pos, color=color,
                              direction=np.array([r[3] for r in rows]) if labels else zero,
                              direction_from=np.array([r[4] for r in rows]) if labels
                              else zero)
                wanted.add(key)
        for key, v in list(self._visuals.items()):
            v.visible = key in wanted
            if key not in wanted:
                self.view.remove(v)
                del self._visuals[key]
