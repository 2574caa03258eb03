"""Drawing a figure's decorations in runs of axes and stacking the canvas' views in
matplotlib's drawing order: each run's overlay right after its axes (a later axes, an
inset, covers them), the axes' artists above their frame, axis or legend right over
those, the clipped and apart overlays (:class:`lumos.plot.overlay.ClipOverlays`) beside
their run's. A mixin of :class:`lumos.plot.figure.Figure`.
"""

from __future__ import annotations

import math

from .canvas import Renderer
from .overlay import ClipOverlays, Overlay
from .reach import Reach


class FigureStacking:
    """The decorations' overlays and the views' order, of
    :class:`~lumos.plot.figure.Figure` (a mixin)."""

    def _init_stacking(self) -> None:
        # the decorations of each run of axes drawn together (_draw_runs); the last
        # run's, which the figure's own texts and legends join, is ``overlay``
        self._overlays: list[Overlay] = [Overlay(self.canvas)]
        self.clip_overlays = ClipOverlays(self.canvas)  # texts with clip_on=True
        self._underlay: Overlay | None = None  # subfigure backgrounds, made when needed

    def _stack_axes_views(self) -> None:
        """The axes' views in the canvas in drawing order (``_every_axes``), in the
        places the axes' views hold: what sits between them keeps its place."""
        views = self.canvas.views
        ordered = [ax.view for ax in self._every_axes() if ax.view in views]
        places = sorted(views.index(v) for v in ordered)
        for at, view in zip(places, ordered, strict=True):
            views[at] = view

    @property
    def overlay(self) -> Overlay:
        """The overlay of the figure's own texts, lines and legends: the last run's."""
        return self._overlays[-1]

    def _draw_decorations(self) -> None:
        from . import page_axes

        w, h = self.canvas.size
        self._draw_underlay()
        runs = self._draw_runs()
        page_axes.finish(self)  # decorations of axes gone or turned off go too
        ov = self.overlay
        ov.layer = 1  # the figure's artists draw after its axes (zorder 0): over them
        renderer = Renderer(self.canvas, ov)
        for artist in self.artists:  # zorder 0: under the figure's texts (3)
            if artist.get_visible() and self.canvas.shows(artist, in_axes=False):
                artist.draw(renderer)
        self._draw_figure_texts(ov)
        for line in self.figure_lines:
            line.draw(ov)
        ov.layer = 2  # legends above every other decoration
        for fig in self._all_figures():
            for legend in fig.legends:
                legend.draw(ov)
        for _, gov in runs:
            gov.commit((w, h))
        views = self.canvas.views
        views.remove(ov.view)
        views.append(ov.view)  # decorations on top of every axes
        for group, gov in runs[:-1]:
            # right after the views of its run: the next axes (an inset) covers them
            views.remove(gov.view)
            shown = [views.index(a.view) for a in group if a.view in views]
            views.insert(max(shown) + 1 if shown else 0, gov.view)
        self.clip_overlays.commit()  # each right under or over its axes' decorations
        placed: set = set()
        for group, gov in runs:
            for ax in group:
                self._stack_over_decorations(ax, gov, placed)
        under = self._underlay
        self.figure_images.sync(views.index(under.view) + 1 if under is not None else 0,
                                views.index(ov.view))

    def _stack_over_decorations(self, ax, gov: Overlay, placed: set) -> None:
        """The views of ``ax``'s artists above its frame's zorder right over the run's
        decorations ``gov`` (and the clipped texts over them), those above its legend's
        right over its legends (apart from ``gov``: ``_draw_runs``); ``placed``: the
        views placed so far this frame, which a later one goes after. Those above its
        axis' zorder go right over its ticks apart (where the axes drew none, a frame
        off, they stay under the decorations); with its texts apart, those up to the
        texts' zorder go right over ``gov``, under every text, the others right over
        the texts."""
        views = self.canvas.views
        for piece, view in ax.views_over_decorations():  # lowest first
            apart = self.clip_overlays.legend_view(ax) if piece == "legend" else \
                self.clip_overlays.ticks_view(ax) if piece == "axis" else None
            if piece == "axis" and apart is None:
                continue
            views.remove(view)
            if apart is not None:
                at = views.index(apart) + 1
            else:
                at = views.index(gov.view) + 1
            # after the views placed before it (lower in zorder) and, unless under the
            # axes' texts apart, after the texts
            over_texts = apart is None and not (piece == "frame" and ax.texts_apart())
            while at < len(views) and (views[at] in placed or over_texts and
                                       self.clip_overlays.holds(views[at])):
                at += 1
            views.insert(at, view)
            placed.add(view)

    def _draw_runs(self) -> list[tuple[list, Overlay]]:
        """Every axes' decorations and legends (``_every_axes``' order) drawn into
        overlays, one a run of axes: a run ends before an axes whose box lies under
        what an axes of the run drew (its box: an inset; tick labels, texts or a legend
        reaching out of its box), which must cover that as in matplotlib, where each
        axes draws whole before the next. Twins and secondary axes stay with the run
        (they share their parent's box and draw nothing over it). Overlays no longer
        needed leave the canvas."""
        from . import page_axes, page_texts
        from .decorations import AXIS_ZORDER, draw_axes

        runs: list[tuple[list, Overlay]] = []
        reaches: list[Reach] = []  # what the run's axes drew
        every = self._every_axes()
        # past the last axes that may start a run, no reach is asked for
        starts = [i for i, ax in enumerate(every)
                  if ax.get_visible() and ax.role not in ("twin", "secondary")]
        last = starts[-1] if starts else 0
        for i, ax in enumerate(every):
            visible = ax.get_visible()
            if not runs or (visible and ax.role not in ("twin", "secondary")
                            and any(r.overlaps(ax.box) for r in reaches)):
                runs.append(([], self._run_overlay(len(runs))))
                reaches = []
            group, gov = runs[-1]
            group.append(ax)
            if not visible:
                continue
            mark = gov.mark() if i < last else None
            draw_axes(ax, gov)
            # legends above every other decoration of their run, and above the axes'
            # clipped texts (over them: None without); apart from the run's
            # decorations when under its frame in zorder, or with artists between
            legend = ax.legend_zorder()
            low = legend is not None and legend < AXIS_ZORDER
            apart = legend is not None and (low or any(
                piece in ("frame", "texts") for piece, _ in ax.views_over_decorations()))
            top = self.clip_overlays.over(ax, gov, apart, low)
            lov = gov if top is None else top
            lov.layer = 2
            for legend in ax.drawn_legends():
                legend.draw(lov)
            lov.layer = 0
            if mark is None:
                continue
            reach = gov.reach_since(mark)
            for apart_ov in ([top] if top is not None else []) + (
                    [self.clip_overlays.texts(ax, gov)] if ax.texts_apart() else []):
                reach.add(*apart_ov.reach_since({}).box)
            x, y, bw, bh = ax.box
            reach.add(x, y, x + bw, y + bh)
            if page_texts.roams(ax):
                # a page panning the axes may move its texts over any later axes, which
                # must cover them there as in matplotlib: each starts a run of its own
                reach.add(-math.inf, -math.inf, math.inf, math.inf)
            decor = page_axes.reach(ax)
            reaches += [reach] if decor is None else [reach, decor]
        if not runs:
            runs.append(([], self._run_overlay(0)))
        for gov in self._overlays[len(runs):]:
            gov.commit(self.canvas.size)  # nothing drawn: its visuals go
            if gov.view in self.canvas.views:
                self.canvas.views.remove(gov.view)
        del self._overlays[len(runs):]
        return runs

    def _run_overlay(self, i: int) -> Overlay:
        """The overlay of the ``i``-th run of axes (kept from frame to frame)."""
        if i == len(self._overlays):
            self._overlays.append(Overlay(self.canvas))
        return self._overlays[i]

    def _draw_underlay(self) -> None:
        """Subfigure backgrounds and the figure's edge, under every axes."""
        edge = self.patch.edge()
        if not self.subfigs and edge is None and self._underlay is None:
            return
        if self._underlay is None:
            self._underlay = Overlay(self.canvas)
        ov = self._underlay
        w, h = self.canvas.size
        for sfig in self.subfigs:
            sfig.draw_background(ov)
        if edge is not None:
            lw = self.points_to_pixels(edge[1])
            ov.rect(lw / 2, lw / 2, w - lw, h - lw, (0, 0, 0, 0), edge[0], lw)
        ov.commit((w, h))
        views = self.canvas.views
        views.remove(ov.view)
        views.insert(0, ov.view)
