"""A 2D axes before each frame: camera from the limits, batches from the artists,
the GPU transforms; and which artist a hit on its visuals belongs to. A mixin of
:class:`lumos.plot.axes.Axes`.
"""

from __future__ import annotations

from ..visuals.base import Member


class AxesSync:
    """The per-frame sync of :class:`~lumos.plot.axes.Axes` (a mixin) and the lookup of
    picked artists in its batches."""

    # -- per frame -------------------------------------------------------------------
    def sync(self) -> None:
        """Before drawing: camera from the limits, batches from the artists, grid."""
        self.sync_camera()
        self.view.bgcolor = self._background()
        if self._dirty:
            self._rebuild_batches()
            self._dirty = False
        self._sync_gpu_transforms()
        self._update_grid()
        self._layers.arrange(self)  # clip_on=False visuals across the figure, in zorder

    def _scale_space_visuals(self):
        """The visuals holding scale-space positions (the GPU applies the projection)."""
        yield from self._batches.values()
        for a in self.artists:
            if a.space == "scale":
                yield from a.visuals()

    def _sync_gpu_transforms(self) -> None:
        t = self.gpu_transform()
        for v in self._scale_space_visuals():
            if v.transform != t:
                v.transform = t

    def _rebuild_batches(self) -> None:
        """Put the batch items of the artists into one visual per kind, style and
        zorder (one draw each); the visuals upload only the rows that changed."""
        px = self.figure.points_to_pixels(1.0)  # marker sizes and widths follow the dpi
        groups: dict[tuple, list] = {}
        for a in self.artists:
            if not a.get_visible():
                continue
            for item in a.batch_items():
                owner = (a, item.part)  # member_at gives it back: artist_at reads it
                # rasterized artists batch apart (vector files draw their batch as an
                # image), as do the unclipped ones (they draw in another view) and those
                # with a clip path (drawn through it)
                key = (item.visual, item.style, item.order, px, owner if item.alone else None,
                       a.get_rasterized(), a.get_clip_on(), a.get_clip_path())
                groups.setdefault(key, []).append(Member(owner, item.pos, item.color,
                                                         item.size, item.changed))
        for key in [k for k in self._batches if k not in groups]:
            self._layers.remove(self._batches.pop(key))
        for key, members in groups.items():
            visual = self._batches.get(key)
            if visual is None:
                visual = self._batches[key] = key[0](**dict(key[1]))
                visual.order = key[2]
                visual.rasterized = key[5]
                self.view.add(visual)
                self._layers.set_clip(visual, key[6])
                self._layers.set_clip_path(visual, key[7])
            visual.set_members(members)

    def data_visuals(self) -> list:
        """The visuals that draw the artists' data (what ``Figure.pick`` may hit)."""
        return [*self._batches.values(), *(v for a in self.artists for v in a.visuals())]

    def artist_at(self, visual, index: int):
        """``(artist, index into its data)`` of a hit on one of the axes' data visuals:
        the batch says whose row it is, else the artist drawing that visual;
        ``(visual, index)`` for a visual no artist claims."""
        key, local = visual.member_at(index)
        if key is not None:
            artist, part = key
            return artist, artist.pick_index(local, part)
        for a in self.artists:
            if visual in a.visuals():
                return a, a.pick_index(index)
        return visual, index
