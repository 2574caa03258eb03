"""matplotlib's artist API of Axes: ``add_patch``, ``add_collection``, ``add_line``,
``add_artist``, ``arrow``, ``autoscale_view``, ``patches``, ``collections``.

They take lumos's own patches and collections (``lumos.patches``,
``lumos.collections``) and matplotlib's objects of the same names (read through
``lumos.plot.mpl_objects``, which imports matplotlib only when one is passed). A
matplotlib object lumos cannot draw raises a TypeError naming it. Like matplotlib,
each returns the object it was given.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .lines import Line2D

if TYPE_CHECKING:
    from .patch_fancy import FancyArrow

# The patch, collection and image classes these methods take are imported at their
# first call (a figure of lines uses none of them), by _kinds.


class _Kinds(NamedTuple):
    patch: type
    collection: type
    image: type
    collections: tuple[type, ...]  # what ``ax.collections`` lists


@cache
def _kinds() -> _Kinds:
    """lumos's Patch, path Collection and AxesImage classes and the collection kinds
    ``ax.collections`` lists, imported at the first call (a patch, collection or image
    added, or one of these lists read)."""
    from . import collections as plot_collections
    from .image import AxesImage
    from .patch_base import Patch
    from .path_collections import Collection
    from .scatter import PathCollection

    return _Kinds(Patch, Collection, AxesImage,
                  (Collection, plot_collections.Collection, PathCollection))


class _CollectionKinds:
    """``ArtistAPI.collection_kinds``: the tuple, made at its first read (an ``Axes3D``
    class extending it, ``ax.collections``), which then replaces this placeholder."""

    def __get__(self, obj, objtype=None) -> tuple[type, ...]:
        kinds = _kinds().collections
        ArtistAPI.collection_kinds = kinds
        return kinds


def _is_matplotlib(obj) -> bool:
    return any(c.__module__.split(".")[0] == "matplotlib" for c in type(obj).__mro__)


def _fancy_arrow(ax, patch):
    """A matplotlib FancyArrowPatch (not a ConnectionPatch) kept by the figure over
    ``ax`` (figure_artists.FigureArrow), or None for anything else."""
    if not _is_matplotlib(patch):
        return None
    from matplotlib.patches import ConnectionPatch, FancyArrowPatch

    if not isinstance(patch, FancyArrowPatch) or isinstance(patch, ConnectionPatch):
        return None
    from .figure_artists import add_axes_arrow

    return add_axes_arrow(ax, patch)


class ArtistAPI:
    """Mixin of Axes (it uses the axes' ``artists`` and ``_add_artist``)."""

    #: the artist classes ``collections`` lists (3D axes add theirs)
    collection_kinds: tuple[type, ...] = _CollectionKinds()  # type: ignore[assignment]

    def add_patch(self, p):
        """Add a patch (lumos's or matplotlib's); its extent joins the data limits, and
        the view follows at the next fit something asks for (a plot, ``autoscale_view``),
        not now: matplotlib's ``add_patch`` leaves the view as it is."""
        arrow = _fancy_arrow(self, p)
        if arrow is not None:
            return arrow
        return self._add_object(p, "add_patch", _kinds().patch, autolim=True, request=False)

    def arrow(self, x, y, dx, dy, **kwargs) -> FancyArrow:
        """A :class:`FancyArrow` from (x, y) by (dx, dy), added as a patch (matplotlib's
        ``ax.arrow``: ``width``, ``head_width``, ``head_length``, ``length_includes_head``,
        ``shape``, ``overhang`` and the patch keywords)."""
        from .patch_fancy import FancyArrow  # at the first arrow: not a cost of every import

        # unlike add_patch, matplotlib's arrow fits the view to it
        return self._add_object(FancyArrow(x, y, dx, dy, **kwargs), "arrow", _kinds().patch,
                                autolim=True)

    def add_collection(self, collection, autolim: bool = True):
        """Add a collection; ``autolim`` lets its extent join the data limits (and the
        view follow, as matplotlib 3.11 does)."""
        return self._add_object(collection, "add_collection", _kinds().collection,
                                autolim=autolim)

    def add_artist(self, a):
        """Add a patch, collection or line without touching the data limits (matplotlib's
        ``add_artist``), or keep a legend of these axes drawn when ``legend()`` makes the
        next one. matplotlib's offset boxes (AnchoredOffsetbox, AnnotationBbox) return
        the list of lumos artists drawing them."""
        from .legend import Legend

        if isinstance(a, Legend):
            if a.axes is not self:
                raise ValueError("add_artist: got a legend of other axes or of a figure; "
                                 "expected one made by this axes' legend()")
            if a in self.kept_legends:
                raise ValueError(f"add_artist: got {a!r}, which is already in these axes")
            self.kept_legends.append(a)
            return a
        parts = getattr(a, "lumos_parts", None)
        if callable(parts):  # a toolkit's compound (axes_grid1's AnchoredSizeBar)
            return parts(self)
        if _is_matplotlib(a):
            from matplotlib.patches import ConnectionPatch

            if isinstance(a, ConnectionPatch):  # it joins axes: drawn over the figure
                return self.figure.figure.add_artist(a)
            arrow = _fancy_arrow(self, a)
            if arrow is not None:
                return arrow
            from .mpl_texts import add_anchored_text, add_matplotlib_text

            text = add_anchored_text(self, a) or add_matplotlib_text(self, a)
            if text is not None:
                return text
            from .mpl_offsetbox import add_offsetbox

            parts = add_offsetbox(self, a)
            if parts is not None:
                return parts
        kinds = _kinds()
        return self._add_object(a, "add_artist", (kinds.patch, kinds.collection, Line2D),
                                autolim=False, request=False)

    def add_image(self, image):
        """Re-add a lumos image removed from these axes (matplotlib's image classes,
        such as ``NonUniformImage``: a TypeError; ``imshow`` and ``pcolormesh`` draw
        them)."""
        return self._add_object(image, "add_image", _kinds().image, autolim=False,
                                request=False)

    def add_line(self, line):
        """Add a matplotlib Line2D (or re-add a lumos line removed from these axes); its
        extent joins the data limits, the view follows at the next fit asked for (as
        ``add_patch``)."""
        return self._add_object(line, "add_line", Line2D, autolim=True, request=False)

    def autoscale_view(self, tight=None, scalex: bool = True, scaley: bool = True) -> None:
        """Fit the auto axes to the data limits (lumos also does it before drawing);
        ``scalex=False`` / ``scaley=False`` leave that axis's view as it is, and a
        ``tight`` given is kept for later fits, as matplotlib's (True: limits not rounded
        out under ``axes.autolimit_mode`` 'round_numbers'; the margins stay)."""
        if tight is not None:
            self._tight = bool(tight)
        if scalex and scaley:
            self._autoscale()
            return
        # an axis not asked keeps its view: held through this fit, its own state after
        kept = [(axis, axis.limits.held) for axis, asked in
                ((self.xaxis, scalex), (self.yaxis, scaley)) if not asked]
        for axis, _ in kept:
            axis.limits.held = True
        for axis, asked in ((self.xaxis, scalex), (self.yaxis, scaley)):
            if asked:
                axis.limits.held = False
        try:
            self._autoscale(keep_held=True)
        finally:
            for axis, held in kept:
                axis.limits.held = held

    @property
    def patches(self) -> list:
        """The patches added to these axes, as they were given (not the parts of
        other artists: ``indicate_inset``'s rectangle is its indicator's)."""
        patch = _kinds().patch
        return [m for a in self.artists
                if (isinstance(a, patch) and a.listed_as is None) or a.listed_as == "patches"
                for m in a.listed()]

    @property
    def lines(self) -> list:
        """The lines of these axes (matplotlib's ``ax.lines``)."""
        return [a for a in self.artists if isinstance(a, Line2D)]

    @property
    def images(self) -> list:
        """The images made by ``imshow`` (matplotlib's ``ax.images``)."""
        image = _kinds().image
        return [a for a in self.artists if isinstance(a, image)]

    def get_images(self) -> list:
        """The images made by ``imshow``."""
        return self.images

    @property
    def collections(self) -> list:
        """The collections of these axes in the order they were added, as matplotlib
        lists them: those of ``scatter``, ``vlines``/``hlines``, ``pcolormesh``,
        ``fill_between``, ``contour``, ``hexbin``, ``quiver``, ``eventplot`` ... and
        those added with ``add_collection``/``add_artist``."""
        kinds = self.collection_kinds
        return [getattr(a, "source", a) for a in self.artists
                if isinstance(a, kinds) and a.listed_as is None]

    def _add_object(self, obj, method: str, kinds, autolim: bool, request: bool = True):
        image = _kinds().image
        if isinstance(obj, kinds):
            if obj in self.artists:
                raise ValueError(f"{method}: got {obj!r}, which is already in these axes")
            if isinstance(obj, (Line2D, image)):
                if obj.axes is not self:
                    raise ValueError(f"{method}: got {type(obj).__name__} of other axes; "
                                     "it belongs to the axes that made it")
            else:
                if obj.axes is not None and obj.axes is not self:
                    raise ValueError(f"{method}: got {obj!r}, which is already in other "
                                     "axes (an artist belongs to one axes)")
                obj._attach(self)
            artist = obj
        elif _is_matplotlib(obj):
            from .mpl_objects import adapt

            artist = adapt(obj, self, method)
            if not isinstance(artist, (Line2D, image)):
                artist._attach(self)
        else:
            names = kinds.__name__ if isinstance(kinds, type) else \
                " or ".join(k.__name__ for k in kinds)
            raise TypeError(f"{method}: got {type(obj).__name__}, expected a {names} "
                            "(lumos's or matplotlib's)")
        if hasattr(artist, "in_autoscale"):
            artist.in_autoscale = bool(autolim)
        self._add_artist(artist, request=(request, request))
        return obj
