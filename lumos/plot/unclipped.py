"""How an axes draws its ``clip_on=False`` artists: in views covering the whole canvas
whose camera shows the data at the same pixels as the axes' own view.

A canvas view clips what it draws to its rectangle (the GL scissor, the clip of the
vector files), so an artist that may reach out of the axes (a marker on the edge, a
line running past the limits) is drawn in a view as large as the figure instead. The
positions stay on the GPU: only the camera differs, computed from the axes' camera.

Views draw one after the other, so to keep matplotlib's zorder across clipped and
unclipped artists the axes' visuals are laid out, by order, in runs: the first run in
the axes' own view, each later one in a view of its kind (clipped: the axes' rectangle
and camera; unclipped: the whole canvas) stacked right after it. An axes with no
unclipped artist keeps everything in its own view. The decorations drawn in figure
pixels cut the runs too (``cuts``: the frame, spines at zorder 2.5, and the legend):
a run above a cut is drawn right over that decoration, which the figure places.

Within a view, visuals of artists with a clip path (``set_clip_path``) draw through a
:class:`~lumos.visuals.clip.ClipGroup`: one per run of neighbours (by order) sharing the
clip path, its rings read again at each layout (they follow the axes' limits).
"""

from __future__ import annotations

import numpy as np

from ..scene.cameras import PanZoomCamera
from ..visuals.clip import ClipGroup


class FixedRings:
    """Clip rings given in the view's coordinates (what :class:`.ClipPath` gives from a
    path): a polar sector's wedge."""

    def __init__(self, rings: list) -> None:
        self._rings = [np.asarray(r, dtype=float) for r in rings]

    def rings(self, axes) -> list:
        return self._rings


class ClipLayers:
    """The views one axes draws its data into, and which visuals are unclipped."""

    def __init__(self, axes_view) -> None:
        self.axes_view = axes_view
        self._unclipped: set = set()  # visuals drawn with clip_on=False
        # (view, clip_on, over) after the axes' view; ``over``: the name of the highest
        # cut below its visuals' order, None under every cut (a figure moves the view
        # right over that decoration)
        self._extra: list[tuple[object, bool, str | None]] = []
        # (zorder, name) of the decorations the runs are cut at, by zorder: the axis
        # ("axis", its ticks and labels, when apart from the spines), the frame
        # ("frame", the spines' 2.5), the texts over it ("texts", when apart) and the
        # axes' legend ("legend")
        self.cuts: list[tuple[float, str]] = []
        self._clip_paths: dict = {}  # visual -> its artist's ClipPath
        self._groups: dict[tuple, ClipGroup] = {}  # member ids -> the group drawing them
        # what clipped visuals with no clip path of their own draw through, or None: a
        # polar sector's wedge (matplotlib clips to the axes' patch), set at each layout
        self.default_clip: FixedRings | None = None

    def views(self) -> list:
        """The views: the axes' own, then the stacked ones in drawing order."""
        return [self.axes_view, *(view for view, _, _ in self._extra)]

    def over_decorations(self) -> list[tuple[str, object]]:
        """(cut name, view) of the views of visuals above a cut, lowest first: each
        drawn right over that decoration."""
        return [(over, view) for view, _, over in self._extra if over is not None]

    def _over(self, order: float) -> str | None:
        """The name of the highest cut below ``order`` (None: none)."""
        names = [name for z, name in self.cuts if order > z]
        return names[-1] if names else None

    def crosses(self, low: float, high: float, inside: bool) -> bool:
        """Whether a visual of order in (``low``, ``high``] is drawn unclipped (it may
        reach the decorations outside the axes' box) or, ``inside`` (decorations
        within the box), at all."""
        if inside:
            return any(low < v.order <= high for view in self.views()
                       for v in self._flat(view))
        return any(low < v.order <= high for v in self._unclipped)

    def set_clip(self, visual, clip_on: bool) -> None:
        """Whether ``visual`` (in one of the views) is clipped to the axes."""
        if clip_on:
            self._unclipped.discard(visual)
        else:
            self._unclipped.add(visual)

    def set_clip_path(self, visual, clip) -> None:
        """The clip path (a :class:`.ClipPath`, or None) ``visual`` is drawn inside."""
        if clip is None:
            self._clip_paths.pop(visual, None)
        else:
            self._clip_paths[visual] = clip

    def remove(self, visual) -> None:
        """Take ``visual`` out of whichever view holds it."""
        self._unclipped.discard(visual)
        self._clip_paths.pop(visual, None)
        for view in self.views():
            if visual in view.visuals:
                view.remove(visual)
            for group in [v for v in view.visuals if isinstance(v, ClipGroup)]:
                if visual in group.members:
                    group.members.remove(visual)

    def _flat(self, view) -> list:
        """The view's visuals with its clip groups opened up."""
        return [m for v in view.visuals
                for m in (v.members if isinstance(v, ClipGroup) else [v])]

    def _grouped(self, members: list, axes, groups: dict) -> list:
        """``members`` with each run of neighbours sharing a clip path in one group."""
        if not self._clip_paths and self.default_clip is None:
            return members
        out, runs = [], []
        for v in sorted(members, key=lambda v: v.order):  # stable: ties keep their turn
            clip = self._clip_paths.get(v)
            if clip is None and v not in self._unclipped:
                clip = self.default_clip
            if clip is not None and out and isinstance(out[-1], int) \
                    and runs[out[-1]][0] is clip:
                runs[out[-1]][1].append(v)
            elif clip is not None:
                runs.append((clip, [v]))
                out.append(len(runs) - 1)
            else:
                out.append(v)
        for i, item in enumerate(out):
            if not isinstance(item, int):
                continue
            clip, run = runs[item]
            key = tuple(id(v) for v in run)
            group = groups[key] = self._groups.get(key) or ClipGroup()
            rings = clip.rings(axes)
            stamp = b"".join(np.ascontiguousarray(r).tobytes() for r in rings)
            if group.members != run or group.stamp != stamp:
                group.set_group(run, rings, stamp)
            group.order = run[0].order
            out[i] = group
        return out

    def arrange(self, axes) -> None:
        """Lay the visuals out in runs by order (the module's docstring), those with a
        clip path in groups, then place and point the views. ``axes`` reads the clip
        paths' rings."""
        visuals = [v for view in self.views() for v in self._flat(view)]
        low = self.cuts[0][0] if self.cuts else None
        if self.axes_view.camera.kind == "panzoom" and (
                not self._unclipped.isdisjoint(visuals)
                or (low is not None and any(v.order > low for v in visuals))):
            runs: list[tuple[tuple[bool, str | None], list]] = [((True, None), [])]
            for v in sorted(visuals, key=lambda v: v.order):  # stable: ties keep their turn
                kind = (v not in self._unclipped, self._over(v.order))
                if runs[-1][0] != kind:
                    runs.append((kind, []))
                runs[-1][1].append(v)
        else:
            runs = [((True, None), visuals)]
        groups: dict[tuple, ClipGroup] = {}
        self.axes_view.visuals[:] = self._grouped(runs[0][1], axes, groups)
        spare = {True: [v for v, c, _ in self._extra if c],
                 False: [v for v, c, _ in self._extra if not c]}
        extra = []
        for (clip, over), members in runs[1:]:
            view = spare[clip].pop(0) if spare[clip] else self._new_view()
            view.visuals[:] = self._grouped(members, axes, groups)
            extra.append((view, clip, over))
        self._groups = groups
        canvas_views = self.axes_view.canvas.views
        for view in spare[True] + spare[False]:
            if view in canvas_views:
                canvas_views.remove(view)
        self._extra = extra
        self.sync()

    def _new_view(self):
        view = self.axes_view.canvas.add_view(camera=PanZoomCamera(), rect=(0, 0, 1, 1))
        view.interactive = False  # the mouse moves the axes' view; these follow it
        return view

    def sync(self) -> None:
        """Right after the axes' view in the canvas's drawing order (gone with it: a
        hidden or deleted axes), each with the axes' camera: the clipped ones over the
        axes' rectangle, the unclipped ones over the canvas with the camera's rectangle
        extended by the canvas around the view."""
        views = self.axes_view.canvas.views
        for view, _, _ in self._extra:
            if view in views:
                views.remove(view)
        if self.axes_view in views:
            at = views.index(self.axes_view) + 1
            views[at:at] = [view for view, _, _ in self._extra]
        canvas = self.axes_view.canvas
        cw, ch = canvas.size
        vx, vy, vw, vh = self.axes_view.fixed_rect or self.axes_view.rect
        # the axes' camera as drawn: x0 at the view's left, y0 at its bottom (negative
        # spans for inverted axes)
        x0, y0, w, h = self.axes_view.camera.to_dict((vw, vh))["rect"]
        # the canvas around the view in device pixels, from the view's exact rect, where
        # its camera is shown (a page computes the same from the frame's View.exact)
        pw, ph = canvas.physical_size
        pr = pw / max(cw, 1e-9)
        left, bottom = vx * pr, (vy + vh) * pr
        ux, uy = w / max(vw * pr, 1e-9), h / max(vh * pr, 1e-9)  # per pixel
        for view, clip, _ in self._extra:
            # a page moves the axes' view alone: it sets this one's camera from that
            # view's as done here (lumos/web/controls.js, companions)
            view.controller_params = {"companion": {"view": self.axes_view, "clip": clip}}
            if not clip:  # what axes fractions are fractions of (lumos/visuals/path.py)
                view.controller_params["axes_rect"] = [x0, y0, w, h]
            view.whole_canvas = not clip
            if clip:
                view.camera.rect = (x0, y0, w, h)
                view.fixed_rect = (vx, vy, vw, vh)
            else:
                view.camera.rect = (x0 - left * ux, y0 - (ph - bottom) * uy, pw * ux, ph * uy)
                view.fixed_rect = (0, 0, cw, ch)
