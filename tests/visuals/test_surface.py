"""Surface: colors, shading, holes, wireframe over the surface, partial uploads."""

from __future__ import annotations

import numpy as np
import pytest
from pixels import ink

from lumos import scene
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget
from lumos.visuals.lighting import Lighting, as_lighting
from lumos.visuals.surface import Surface


def grid(rows=40, cols=50):
    x = np.linspace(-3, 3, cols)
    y = np.linspace(-2.5, 2.5, rows)
    X, Y = np.meshgrid(x, y)
    return X, Y, np.sin(X) * np.cos(Y)


def top_view(visual, size=(200, 160)) -> scene.Canvas:
    c = scene.Canvas(size=size)
    v = c.add_view(camera="turntable")
    v.add(visual)
    v.camera.set_range(margin=0.0)
    v.camera.elevation, v.camera.azimuth, v.camera.fov = 90.0, 0.0, 0.0
    return c


def test_surface_options(compare_image):
    X, Y, Z = grid()
    Zh = Z.copy()
    Zh[15:22, 20:30] = np.nan
    rng = np.random.default_rng(0)
    specs = [dict(), dict(cmap="viridis", z=Zh), dict(cmap="coolwarm", color_mode="cell",
                                                       shading="flat"),
             dict(cmap="viridis", wireframe="black", wireframe_stride=4),
             dict(color="C1", alpha=0.5), dict(facecolors=rng.random((39, 49, 3)),
                                               shading=None)]
    c = scene.Canvas(size=(600, 400))
    for k, spec in enumerate(specs):
        v = c.add_view(row=k // 3, col=k % 3, camera="turntable")
        z = spec.pop("z", Z)
        v.add(Surface(X, Y, z, **spec))
        v.camera.set_range(margin=0.0)
    img = c.render()
    compare_image("surface_options", img, mean_tol=1.0, bad_tol=0.01)


def test_nan_heights_leave_a_hole_and_all_nan_draws_nothing():
    X, Y, Z = grid()
    Z[15:25, 20:30] = np.nan
    img = top_view(Surface(X, Y, Z, cmap="viridis")).render()
    h, w = img.shape[:2]
    assert not ink(img)[h // 2, w // 2]  # the hole shows the background
    assert ink(img)[h // 2, int(w * 0.35)]  # the surface around it
    empty = Surface(X, Y, np.full(Z.shape, np.nan))
    assert empty.draws(_ctx()) == []
    assert empty.bounds() is None


def _ctx():
    from lumos.visuals.base import DrawContext

    return DrawContext("v", (100, 100), 1.0, {"type": "turntable"}, True)


def test_set_zdata_uploads_only_the_changed_rows():
    X, Y, Z = grid(100, 80)
    surf = Surface(X, Y, Z, cmap="viridis")
    canvas = top_view(surf)
    with current() as ctx:
        ex = ModernGLExecutor(ctx)
        target = OffscreenTarget(ctx, canvas.physical_size)
        try:
            ex.render(canvas.frame(), target.fbo)
            full = ex.uploaded_bytes
            Z2 = Z.copy()
            Z2[40:43] += 0.5
            surf.set_zdata(Z2)
            ex.render(canvas.frame(), target.fbo)
            sent = ex.uploaded_bytes - full
            picture = target.read()
        finally:
            target.release()
        cols = 80
        # positions of 3 rows, normals of 5, values of 3 (bytes); the cell values changed
        # too but this view does not draw them
        assert sent == cols * (3 * 12 + 5 * 12 + 3 * 4)
        assert sent < 0.05 * full
        canvas.views[0].visuals = [Surface(X, Y, Z2, cmap="viridis")]  # same camera
        fresh = canvas.render()
        assert np.abs(picture.astype(int) - fresh).max() <= 1  # the same picture


def test_set_zdata_with_new_holes_rebuilds_faces_and_far_values_recentre():
    X, Y, Z = grid()
    surf = Surface(X, Y, Z)
    n_faces = len(surf._index_buffer.data)
    Z2 = Z.copy()
    Z2[5, 5] = np.nan
    surf.set_zdata(Z2)
    assert len(surf._index_buffer.data) == n_faces - 4 * 6  # four cells around it
    Z3 = Z2 + 1e7  # far beyond the origin: everything again, with a new origin
    surf.set_zdata(Z3)
    assert surf.bounds()[0, 2] > 1e7 - 2
    with pytest.raises(ValueError, match="z"):
        surf.set_zdata(np.zeros((3, 3)))


def test_wireframe_wins_the_depth_test_over_its_surface():
    X, Y, Z = grid()
    Z = np.zeros_like(Z)  # flat: the lines lie exactly in the surface
    lines = top_view(Surface(X, Y, Z, color="white", shading=None, wireframe="black",
                             wireframe_stride=5)).render()
    dark = (lines[..., :3].max(axis=2) < 100).sum()
    alone = Surface(X, Y, Z, color="white", shading=None, wireframe="black",
                    wireframe_stride=5)
    alone.visible = True
    c = top_view(alone)
    draws = c.frame().draws
    assert draws[0].state.polygon_offset == (1.0, 1.0)  # the surface is pushed back
    only_lines = top_view(alone._wire.__class__(pos=alone._wire.pos, color="black")).render()
    assert dark >= 0.9 * (only_lines[..., :3].max(axis=2) < 100).sum() > 500


def test_translucent_surfaces_draw_back_then_front_faces():
    X, Y, Z = grid()
    draws = Surface(X, Y, Z, alpha=0.5).draws(_ctx())
    assert [d.state.cull for d in draws] == ["front", "back"]
    assert not any(d.state.depth_write for d in draws)
    assert len(Surface(X, Y, Z).draws(_ctx())) == 1


def test_lighting_follows_matplotlib_lightsource():
    from matplotlib.colors import LightSource

    ls = LightSource(azdeg=315, altdeg=45)
    light = Lighting.from_lightsource(ls)
    np.testing.assert_allclose(light.direction, ls.direction, atol=1e-12)
    assert light.world
    assert as_lighting({"ambient": 0.5}).ambient == 0.5
    with pytest.raises(TypeError, match="lighting"):
        as_lighting({"glow": 1})
    with pytest.raises(TypeError, match="lightsource"):
        Lighting.from_lightsource(42)


@pytest.mark.parametrize("kwargs, arg", [
    (dict(z=np.zeros(5)), "z"), (dict(z=np.zeros((4, 5)), x=np.zeros(4)), "x"),
    (dict(z=np.zeros((4, 5)), y=np.zeros((3, 3))), "y"),
    (dict(z=np.zeros((4, 5)), facecolors=np.zeros((2, 2, 3))), "facecolors"),
    (dict(z=np.zeros((4, 5)), values=np.zeros((4, 4))), "values"),
    (dict(z=np.zeros((4, 5)), color_mode="face"), "color_mode"),
    (dict(z=np.zeros((4, 5)), shading="phong"), "shading"),
    (dict(z=np.zeros((4, 5)), alpha=2.0), "alpha"),
    (dict(z=np.zeros((4, 5)), wireframe_stride=0), "wireframe_stride"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    with pytest.raises(ValueError, match=arg):
        Surface(**kwargs)


def test_inputs_are_not_modified():
    X, Y, Z = grid()
    Z[3, 3] = np.nan
    before = [a.copy() for a in (X, Y, Z)]
    s = Surface(X, Y, Z, cmap="viridis", values=Z * 2)
    s.set_zdata(Z + 1)
    for a, b in zip((X, Y, Z), before, strict=True):
        np.testing.assert_array_equal(a, b)
