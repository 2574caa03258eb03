"""matplotlib's text artists on lumos axes, read when added into lumos's own:
``ax.add_artist(matplotlib.text.Text(x, y, "label"))`` becomes ``ax.text`` with the
Text's position (units too), transform, font, color, alignment, rotation, frame and path
effects; ``ax.add_artist(AnchoredText("(a)", loc="upper left"))`` becomes an annotation
at the same place: ``loc`` in the axes or in ``bbox_to_anchor`` (in ``bbox_transform``'s
coordinates), ``pad`` and ``borderpad`` (in the text's font size), its frame
(``at.patch``: box style, colors, line width, shown or not). Later changes to the
matplotlib object do not show: change the lumos text ``add_artist`` returns.

matplotlib's other offset boxes (``AnchoredOffsetbox``, ``AnnotationBbox``) are laid
out by :mod:`lumos.plot.mpl_offsetbox`.
"""

from __future__ import annotations

from .legend import LOC_ANCHORS

#: a location fraction -> the alignment of the text at it
_HA = {0: "left", 0.5: "center", 1: "right"}
_VA = {0: "bottom", 0.5: "center", 1: "top"}


def _box_style(patch, pad: float) -> str:
    """The frame's box style as lumos's bbox takes it: matplotlib's style with ``pad``
    (font sizes) added to the style's own."""
    style = patch.get_boxstyle()
    params = {k: v for k, v in vars(style).items() if v is not None}
    params["pad"] = pad + float(params.get("pad", 0.0))
    return ",".join([type(style).__name__.lower(), *(f"{k}={v}" for k, v in params.items())])


def _frame(patch, pad: float = 0.0) -> dict | None:
    """lumos's ``bbox=`` for a matplotlib text's frame (None: no frame shown)."""
    if patch is None or not patch.get_visible():
        return None
    return dict(boxstyle=_box_style(patch, pad), facecolor=patch.get_facecolor(),
                edgecolor=patch.get_edgecolor(), linewidth=patch.get_linewidth())


def _font(text) -> dict:
    """A matplotlib Text's font, color and path effects as lumos's text keywords."""
    return dict(fontsize=float(text.get_fontsize()), color=text.get_color(),
                fontweight=text.get_fontweight(), fontstyle=text.get_fontstyle(),
                family=text.get_fontfamily(), path_effects=text.get_path_effects() or None)


def add_matplotlib_text(ax, text):
    """The lumos text drawing matplotlib's Text ``text`` on ``ax`` (``ax.text``), or
    None when ``text`` is something else."""
    from matplotlib.text import Text

    from .mpl_objects import _artist_transform

    if type(text) is not Text:  # an Annotation, a subclass of the script's: not read
        return None
    x, y = text.get_position()
    out = ax.text(x, y, text.get_text(), transform=_artist_transform(text),
                  ha=text.get_horizontalalignment(), va=text.get_verticalalignment(),
                  rotation=text.get_rotation(), rotation_mode=text.get_rotation_mode(),
                  alpha=text.get_alpha(), wrap=text.get_wrap(), zorder=text.get_zorder(),
                  clip_on=text.get_clip_on(),  # True unless set: matplotlib clips it
                  bbox=_frame(text.get_bbox_patch()), **_font(text))
    out.set_visible(text.get_visible())
    return out


def add_anchored_text(ax, at):
    """The lumos annotation drawing matplotlib's AnchoredText ``at`` on ``ax``, or None
    when ``at`` is something else."""
    from matplotlib.offsetbox import AnchoredText

    if not isinstance(at, AnchoredText) or "draw" in vars(type(at)):
        return None
    at.axes = ax  # as matplotlib's add_artist sets it
    box, transform = at._bbox_to_anchor, at._bbox_to_anchor_transform
    text = at.txt.get_children()[0]
    size = float(text.get_fontsize())
    fx, fy = LOC_ANCHORS[at.loc]
    if box is None:  # the axes' box
        xy, coords = (fx, fy), "axes fraction"
    else:  # in bbox_transform's coordinates (None: figure pixels), as matplotlib's
        xy = (box.x0 + fx * box.width, box.y0 + fy * box.height)
        coords = "figure pixels" if transform is None else transform
    inset = (float(at.borderpad) + float(at.pad)) * size  # points from the anchor box's edge
    ann = ax.annotate(text.get_text(), xy=xy, xycoords=coords,
                      xytext=((1 - 2 * fx) * inset, (1 - 2 * fy) * inset),
                      textcoords="offset points", ha=_HA[fx], va=_VA[fy],
                      # lines aligned as in matplotlib's TextArea: by its text's alignment
                      multialignment=text.get_horizontalalignment(),
                      bbox=_frame(at.patch, float(at.pad)), zorder=at.get_zorder(),
                      annotation_clip=False, **_font(text))
    ann.set_visible(at.get_visible())
    return ann
