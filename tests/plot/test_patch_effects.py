"""Path effects on patches (``Circle(..., path_effects=[...])``, lumos's and matplotlib's
patches) and wide strokes around text, against matplotlib's Agg pictures (showcase
anatomy.py: a white ``withStroke`` around each Circle and 7-point halos around 14-point
notes)."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from plot_helpers import blue_red, grown  # tests/plot/plot_helpers.py

import lumos.patches as lpatches
import lumos.pyplot as plt

matplotlib.use("Agg")
import matplotlib.lines as mlines  # noqa: E402
import matplotlib.patches as mpatches  # noqa: E402
import matplotlib.patheffects as pe  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402

EFFECTS = {
    "with_stroke": lambda: [pe.withStroke(linewidth=9, foreground="red")],
    "stroke_normal": lambda: [pe.Stroke(linewidth=9, foreground="red"), pe.Normal()],
    "stroke_only": lambda: [pe.Stroke(linewidth=9, foreground="red")],
    "over": lambda: [pe.Normal(), pe.Stroke(linewidth=2, foreground="red")],
    "patch_shadow": lambda: [pe.SimplePatchShadow(offset=(6, -6), shadow_rgbFace="red",
                                                  alpha=1), pe.Normal()],
    "with_patch_shadow": lambda: [pe.withSimplePatchShadow(offset=(-6, 6),
                                                           shadow_rgbFace="red", alpha=1)],
    # misc/tickedstroke_demo.py's PathPatch: ticks along curves, the patch's edge color
    "ticks": lambda: [pe.withTickedStroke(angle=-90, spacing=10, length=1)],
    "red_ticks": lambda: [pe.TickedStroke(spacing=7, linewidth=2, foreground="red"),
                          pe.Normal()],
    "edge_shadow": lambda: [pe.SimpleLineShadow(offset=(6, -6), shadow_color="red",
                                                alpha=1), pe.Normal()],
}


def _picture(mod, effects, source="lumos", move=False) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(3, 3), dpi=80)
    ax.set_axis_off()
    kinds = mpatches if source == "matplotlib" or mod is mplt else lpatches
    kw = {"path_effects": effects} if effects is not None else {}
    ax.add_patch(kinds.Circle((0.35, 0.5), 0.2, facecolor="blue", edgecolor="blue", lw=3,
                              **kw))
    # an ellipse, not a rectangle: Agg snaps a rectangle's edges to the pixel grid
    ax.add_patch(kinds.Ellipse((0.75, 0.45), 0.2, 0.5, facecolor="none", edgecolor="blue",
                               lw=3, **kw))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    if move:  # offsets are in pixels: they follow the view
        fig.canvas.draw()
        ax.set_xlim(-0.3, 1.3)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def _coverage(img, k: int) -> float:
    """How much of channel ``k``'s pure color the picture holds, in pixels (antialiased
    edges count in part: thin lines off the pixel grid count as on it)."""
    c = img / 255.0
    return float((c[..., k] - np.delete(c, k, axis=-1).max(axis=-1)).clip(0).sum())


def _near(ours, theirs, within: float = 0.05) -> None:
    """Blue and red where matplotlib has them (within a pixel), as much of each
    (``within`` that fraction)."""
    a_img, b_img = ours, theirs
    ours, theirs = blue_red(a_img), blue_red(b_img)
    for cls, k in ((1, 2), (2, 0)):
        a, b = ours == cls, theirs == cls
        assert (a & ~grown(b)).sum() <= 0.05 * max(b.sum(), 20), cls  # nothing out of place
        want = _coverage(b_img, k)
        assert abs(_coverage(a_img, k) - want) <= within * max(want, 20), cls


@pytest.mark.parametrize("name", list(EFFECTS))
@pytest.mark.parametrize("source,move", [("lumos", False), ("lumos", True),
                                         ("matplotlib", False)])
def test_patch_effects_as_matplotlib(name, source, move):
    ours = _picture(plt, EFFECTS[name](), source, move)
    theirs = _picture(mplt, EFFECTS[name](), move=move)
    # GL strokes end round (visuals/path.py): short ticks gain their caps' area
    _near(ours, theirs, 0.12 if "ticks" in name else 0.05)
    plain = blue_red(_picture(mplt, None, move=move))
    assert (blue_red(theirs) != plain).sum() > 100  # the effect shows


def test_patch_effects_accessors_and_refusals():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=80)
    c = ax.add_patch(lpatches.Circle((0.5, 0.5), 0.1))
    assert c.get_path_effects() == []
    c.set_path_effects([pe.withStroke(linewidth=3)])
    assert len(c.get_path_effects()) == 1
    with pytest.raises(TypeError, match="capstyle"):
        c.set_path_effects([pe.Stroke(linewidth=4, capstyle="round")])
    with pytest.raises(TypeError, match="PathPatchEffect"):
        c.set_path_effects([pe.PathPatchEffect(hatch="x")])
    c.set_path_effects([pe.withTickedStroke()])
    pax = fig.add_subplot(2, 2, 4, projection="polar")
    shadowed = lpatches.Circle((0, 1), 0.1, path_effects=[pe.SimplePatchShadow()])
    with pytest.raises(TypeError, match="rectilinear"):
        pax.add_patch(shadowed)
    pax.add_patch(lpatches.Circle((0, 1), 0.1, path_effects=[pe.withStroke()]))  # no offset
    # matplotlib's collections: their effects are refused, never dropped
    from matplotlib.collections import LineCollection

    lines = LineCollection([[(0, 0), (1, 1)]], path_effects=[pe.withStroke()])
    with pytest.raises(TypeError, match="path effects"):
        ax.add_collection(lines)


def test_matplotlib_line_added_keeps_its_path_effects():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=80)
    ax.set_axis_off()
    line = ax.add_line(mlines.Line2D([0.1, 0.9], [0.5, 0.5], color="blue", lw=3,
                                     path_effects=[pe.withStroke(linewidth=9,
                                                                 foreground="red")]))
    assert len(line.get_path_effects()) == 1
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    img = fig.render()[..., :3].astype(int)
    assert (blue_red(img) == 2).sum() > 200


def test_patch_shadow_in_vector_files():
    def svg(effects) -> str:
        fig, ax = plt.subplots(figsize=(2, 2), dpi=72)
        ax.add_patch(lpatches.Rectangle((0.2, 0.2), 0.5, 0.5, facecolor="#ff8000",
                                        path_effects=effects))
        buf = io.BytesIO()
        fig.savefig(buf, format="svg")
        return buf.getvalue().decode()

    plain = svg(None)
    shadow = svg([pe.SimplePatchShadow(offset=(2, -2)), pe.Normal()])
    # rho 0.3 times the face, alpha 0.3 (matplotlib's defaults), under the patch
    assert plain.count("<path") + 1 == shadow.count("<path")
    assert shadow.index("fill:#4c2600;fill-opacity:0.3") < shadow.index("fill:#ff8000")


def _halo(mod, linewidth, effects=None) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(3, 1), dpi=100)
    ax.set_axis_off()
    ax.set_facecolor("white")
    ax.text(0.5, 0.5, "Minor tick", fontsize=14, ha="center", va="center", color="blue",
            weight="bold", transform=ax.transAxes,
            path_effects=effects or [pe.withStroke(linewidth=linewidth, foreground="red")])
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("linewidth", [3, 5, 7])
def test_text_stroke_as_wide_as_matplotlib(linewidth):
    # anatomy.py's notes: withStroke(linewidth=7) around 14-point text. The glyphs'
    # distance field reaches 8/48 of the font size; lumos capped strokes there (4.7 of
    # 9.7 px), and at the cap shaded whole glyph cells at half alpha
    ours = _halo(plt, linewidth)
    _near(ours, _halo(mplt, linewidth))
    # no glyph cell shaded: the background stays white a pixel away from text and halo
    near = grown(blue_red(ours) > 0, 2)
    assert ((np.abs(ours - 255).sum(axis=-1) > 30) & ~near).sum() < 10


@pytest.mark.parametrize("effects,within", [
    (lambda: [pe.Normal(), pe.Stroke(linewidth=3, foreground="red")], 0.05),
    (lambda: [pe.Stroke(linewidth=3, foreground="red"), pe.Normal()], 0.05),
    # a red copy a point off over the text: blue slivers of a pixel or two, which Agg's
    # coverage and the distance field's differ on (160 vs 228 px; 1640 with the text over)
    (lambda: [pe.Normal(), pe.SimplePatchShadow(offset=(1, -1), shadow_rgbFace="red",
                                                alpha=1)], 0.35)])
def test_text_effects_in_list_order(effects, within):
    # matplotlib draws the effects in list order, Normal the text where it stands: an
    # effect after it covers the glyphs (lumos drew every effect under the text)
    ours, theirs = _halo(plt, 0, effects()), _halo(mplt, 0, effects())
    _near(ours, theirs, within)


def test_legend_text_path_effects_as_matplotlib():
    # scripts stroke legend labels as any text: plt.setp(leg.get_texts(), path_effects=...)
    def picture(mod) -> np.ndarray:
        fig, ax = mod.subplots(figsize=(2, 1.5), dpi=100)
        ax.set_axis_off()
        ax.plot([0, 1], [0, 1], color="blue", label="Blue signal")
        leg = ax.legend(loc="center", frameon=False)
        mod.setp(leg.get_texts(), path_effects=[pe.withStroke(linewidth=4,
                                                              foreground="red")])
        leg.get_title().set_path_effects([pe.Normal()])
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)

    ours, theirs = picture(plt), picture(mplt)
    want = _coverage(theirs, 0)
    assert want > 200
    assert abs(_coverage(ours, 0) - want) <= 0.15 * want


def _legend_box(mod, kind) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(2, 1.2), dpi=100)
    ax.set_axis_off()
    patches = mpatches if mod is mplt else lpatches
    if kind == "line":
        ax.plot([0, 1], [0, 1], color="blue", lw=4, label="a",
                path_effects=[pe.Normal(), pe.Stroke(linewidth=1, foreground="red")])
    else:
        effects = [pe.SimplePatchShadow(offset=(3, -3), shadow_rgbFace="red", alpha=1),
                   pe.Normal()] if kind == "shadow" else \
            [pe.Stroke(linewidth=5, foreground="red"), pe.Normal()]
        ax.add_patch(patches.Rectangle((0, 0), 1, 1, facecolor="blue", edgecolor="blue",
                                       label="a", path_effects=effects))
    ax.set_xlim(5, 6)  # the artist out of view: only the legend's box shows
    leg = ax.legend(loc="center", frameon=False, fontsize=12)
    leg.get_texts()[0].set_color("white")
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("kind", ["stroke", "shadow", "line"])
def test_legend_handle_takes_the_path_effects(kind):
    # matplotlib's legend handlers copy the artist's path effects onto the handle
    # (update_from); lumos drew a patch's box without them, and a line's strokes all
    # under the line, whatever their place in the list
    ours, theirs = _legend_box(plt, kind), _legend_box(mplt, kind)
    assert _coverage(theirs, 0) > 20  # the effect shows in matplotlib's
    _near(ours, theirs, 0.2)


def _legend_frame(mod, effects) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(3, 3), dpi=80)
    ax.set_axis_off()
    ax.plot([0, 1], [0, 1], color="none", label="Line 1")
    leg = ax.legend(loc="center", facecolor="blue", edgecolor="blue", framealpha=1)
    if effects is not None:
        leg.legendPatch.set_path_effects(effects)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("name", ["with_stroke", "stroke_only", "patch_shadow",
                                  "with_patch_shadow"])
def test_legend_frame_path_effects_as_matplotlib(name):
    """``legend.legendPatch.set_path_effects`` (gallery misc/patheffect_demo.py: a
    shadow under the frame; an AttributeError before)."""
    ours = _legend_frame(plt, EFFECTS[name]())
    theirs = _legend_frame(mplt, EFFECTS[name]())
    # (a shadow up and left: its exposed strips are 7 px wide, and the frame edge's
    # antialiased half pixel, which Agg snaps away, takes 16% of them)
    _near(ours, theirs, 0.2)
    assert (blue_red(theirs) != blue_red(_legend_frame(mplt, None))).sum() > 50


def test_legend_frame_refuses_ticked_strokes_and_line_shadows():
    fig, ax = plt.subplots()
    ax.plot([0, 1], label="a")
    leg = ax.legend()
    with pytest.raises(TypeError, match="TickedStroke"):
        leg.legendPatch.set_path_effects([pe.withTickedStroke()])
    with pytest.raises(TypeError, match="Shadow"):
        leg.legendPatch.set_path_effects([pe.SimpleLineShadow(), pe.Normal()])
    assert leg.legendPatch.get_path_effects() == []
    plt.close(fig)


def _contour_lines(mod, effects) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(3, 3), dpi=80)
    ax.set_axis_off()
    cs = ax.contour(np.arange(25.0).reshape(5, 5), colors="blue", linewidths=2)
    if effects is not None:
        cs.set(path_effects=effects)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("effects", [
    lambda: [pe.withStroke(linewidth=6, foreground="red")],
    lambda: [pe.Normal(), pe.Stroke(linewidth=1, foreground="red", alpha=1)],
    lambda: [pe.Stroke(linewidth=6, foreground="red")]])
def test_contour_strokes_as_matplotlib(effects):
    """``cs.set(path_effects=[withStroke(...)])`` on line contours (gallery
    misc/patheffect_demo.py: a white halo; a TypeError before): the stroke under the
    lines, over them, or alone."""
    ours = _contour_lines(plt, effects())
    theirs = _contour_lines(mplt, effects())
    _near(ours, theirs, 0.1)
    assert (blue_red(theirs) != blue_red(_contour_lines(mplt, None))).sum() > 100


def _grid(mod, effects) -> np.ndarray:
    fig, ax = mod.subplots(figsize=(3, 3), dpi=80)
    ax.set_facecolor("white")
    ax.tick_params(labelbottom=False, labelleft=False, length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    kw = {} if effects is None else {"path_effects": effects}
    ax.grid(True, color="blue", linestyle="-", linewidth=3, **kw)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


@pytest.mark.parametrize("effects", [
    lambda: [pe.withStroke(linewidth=8, foreground="red")],
    lambda: [pe.Normal(), pe.Stroke(linewidth=1.5, foreground="red")],
    lambda: [pe.Stroke(linewidth=8, foreground="red")]])
def test_grid_strokes_as_matplotlib(effects):
    """``ax.grid(path_effects=[withStroke(...)])`` (gallery misc/patheffect_demo.py; a
    TypeError before), lines a few pixels wide (a hairline's share of its pixels
    follows how Agg snaps it, not the effect)."""
    ours = _grid(plt, effects())
    theirs = _grid(mplt, effects())
    _near(ours, theirs, 0.1)
    assert (blue_red(theirs) != blue_red(_grid(mplt, None))).sum() > 100


def test_grid_strokes_follow_the_page_as_grid_lines():
    """A page redraws a grid line's strokes with it, as the same part."""
    fig, ax = plt.subplots()
    ax.grid(True, axis="x", path_effects=[pe.withStroke(linewidth=3, foreground="w")])
    fig.draw()
    parts = ax.grid_parts()
    assert sorted(parts) == ["grid:x:major", "grid:x:major#0"]
    assert parts["grid:x:major#0"].follow["part"] == "grid:x:major"
    assert parts["grid:x:major#0"].width == pytest.approx(fig.points_to_pixels(3))
    with pytest.raises(TypeError, match="grid lines take Normal and strokes"):
        ax.grid(True, path_effects=[pe.withSimplePatchShadow()])
    ax.grid(True, path_effects=[])
    fig.draw()
    assert sorted(ax.grid_parts()) == ["grid:x:major", "grid:y:major"]
    plt.close(fig)
