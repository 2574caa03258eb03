"""matplotlib's ``AnchoredText`` on lumos axes: ``ax.add_artist(AnchoredText("(a)",
loc="upper left"))`` becomes a lumos annotation at the same place, read when added:
its text, font and path effects, ``loc`` in the axes or in ``bbox_to_anchor`` (in
``bbox_transform``'s coordinates), ``pad`` and ``borderpad`` (in the text's font size)
and its frame (``at.patch``: box style, colors, line width, shown or not).

matplotlib's other offset boxes (``AnchoredOffsetbox`` with a DrawingArea,
``AnchoredSizeBar``, ...) draw children lumos does not read: ``add_artist`` names them
in its TypeError.
"""

from __future__ import annotations

from .legend import LOC_ANCHORS

#: a location fraction -> the alignment of the text at it
_HA = {0: "left", 0.5: "center", 1: "right"}
_VA = {0: "bottom", 0.5: "center", 1: "top"}


def _box_style(patch, pad: float) -> str:
    """The frame's box style as lumos's bbox takes it: matplotlib's style with the
    AnchoredText's ``pad`` added to the style's own."""
    style = patch.get_boxstyle()
    params = {k: v for k, v in vars(style).items() if v is not None}
    params["pad"] = pad + float(params.get("pad", 0.0))
    return ",".join([type(style).__name__.lower(), *(f"{k}={v}" for k, v in params.items())])


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
    patch = at.patch
    frame = dict(boxstyle=_box_style(patch, float(at.pad)), facecolor=patch.get_facecolor(),
                 edgecolor=patch.get_edgecolor(), linewidth=patch.get_linewidth())
    ann = ax.annotate(text.get_text(), xy=xy, xycoords=coords,
                      xytext=((1 - 2 * fx) * inset, (1 - 2 * fy) * inset),
                      textcoords="offset points", ha=_HA[fx], va=_VA[fy], fontsize=size,
                      # lines aligned as in matplotlib's TextArea: by its text's alignment
                      multialignment=text.get_horizontalalignment(),
                      color=text.get_color(), fontweight=text.get_fontweight(),
                      fontstyle=text.get_fontstyle(), family=text.get_fontfamily(),
                      bbox=frame if patch.get_visible() else None,
                      path_effects=text.get_path_effects() or None,
                      zorder=at.get_zorder(), annotation_clip=False)
    ann.set_visible(at.get_visible())
    return ann
