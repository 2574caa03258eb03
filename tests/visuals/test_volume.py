"""Volume: the four methods against numpy, bricks, depth compositing, clipping planes,
partial uploads and bad input; Isosurface levels."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import colors, geometry, scene, visuals
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget
from lumos.visuals.isosurface import Isosurface
from lumos.visuals.volume import Volume

N = 24


def field(n=N) -> np.ndarray:
    """f(x, y) * g(z): bright in the middle of x-y, brightest at z = 0.3 n."""
    z, y, x = np.mgrid[0:n, 0:n, 0:n].astype(np.float32) / (n - 1)
    f = np.exp(-((x - 0.5) ** 2 + (y - 0.5) ** 2) * 6)
    g = np.exp(-((z - 0.3) ** 2) * 20)
    return (f * g).astype(np.float32)


def top(visuals_, size=(120, 120), bg="white") -> scene.Canvas:
    """An orthographic view straight down the z axis, the box filling the view."""
    c = scene.Canvas(size=size, bgcolor=bg)
    v = c.add_view(camera="turntable")
    for vis in visuals_:
        v.add(vis)
    v.camera.set_range(margin=0.0)
    v.camera.elevation, v.camera.azimuth, v.camera.fov = 90.0, 0.0, 0.0
    v.camera.distance = N  # visible height: the box
    return c


def test_mip_is_the_colormap_of_the_largest_value_along_each_ray():
    data = field()
    img = top([Volume(data, method="mip", cmap="viridis", opacity=1.0)]).render()
    expected = data.max(axis=0)  # along z, for each (y, x)
    lut = colors.get_cmap("viridis")
    # pixel (row, col) of a 120 px view over 24 voxels: voxel (23 - row // 5, col // 5)
    for vy, vx in [(12, 12), (5, 17), (20, 3), (12, 1)]:
        row, col = (N - 1 - vy) * 5 + 2, vx * 5 + 2
        want = lut(np.array([expected[vy, vx] / data.max()]))[0][:3] * 255
        np.testing.assert_allclose(img[row, col, :3], want, atol=12)


def test_average_translucent_and_iso_are_drawn_and_differ():
    data = field()
    pics = {m: top([Volume(data, method=m, cmap="magma", threshold=0.5)]).render()
            for m in ("mip", "average", "translucent", "iso")}
    centre = {m: p[60, 60, :3].astype(int) for m, p in pics.items()}
    assert centre["mip"].sum() > centre["average"].sum()  # the mean is below the max
    for m in ("average", "translucent", "iso"):
        assert np.abs(pics[m].astype(int) - pics["mip"]).max() > 40
    # iso: lit where the data crosses the threshold, nothing outside
    assert (pics["iso"][2, 2, :3] == 255).all()
    assert (pics["iso"][60, 60, :3] < 250).any()


def test_bricks_give_the_same_picture():
    data = field(30)
    one = Volume(data, method="mip", cmap="viridis", opacity=1.0)
    eight = Volume(data, method="mip", cmap="viridis", opacity=1.0, max_brick=16)
    assert one.bricks == 1 and eight.bricks == 8
    a = top([one]).render().astype(int)
    b = top([eight]).render().astype(int)
    assert np.abs(a - b).mean() < 0.2 and np.abs(a - b).max() < 8
    with pytest.raises(ValueError, match="bricks"):
        Volume(field(40), max_brick=8)


def test_opaque_meshes_hide_what_is_behind_them():
    data = field()
    data[N // 2:] = 0.0  # nothing above the plate: transparent there (opacity ramp)
    verts, faces = geometry.cube()
    # an opaque plate at z = 0.6 N, above the bright layer at z = 0.3 N
    plate = visuals.Mesh(vertices=verts * [N, N, 0.01] + [N / 2, N / 2, 0.6 * N],
                         faces=faces, color="white", shading=None)
    alone = top([Volume(data, method="mip", cmap="viridis")]).render()
    hidden = top([plate, Volume(data, method="mip", cmap="viridis")]).render()
    assert (alone[60, 60, :3] < 200).any()  # the bright layer shows without the plate
    assert (hidden[60, 60, :3] > 250).all()  # the plate hides it: white
    # the plate's draw was repeated into the volume's depth target
    frame = top([plate, Volume(data)]).frame()
    assert sum(d.target is not None for d in frame.draws) == 1


def test_iso_surfaces_write_depth_for_later_draws():
    data = field()
    vol = Volume(data, method="iso", threshold=0.5, cmap="viridis")
    verts, faces = geometry.cube()
    plate = visuals.Mesh(vertices=verts * [N, N, 0.01] + [N / 2, N / 2, 0.1 * N],
                         faces=faces, color="red", shading=None)
    plate.order = 2  # drawn after the volume
    img = top([vol, plate]).render()
    assert img[60, 60, 0] < 200 or img[60, 60, 1] > 100  # the iso surface is in front
    assert (img[3, 3, :3] == [255, 0, 0]).all()  # the plate where the volume is empty


def test_clip_planes_cut_the_volume():
    data = np.ones((N, N, N), np.float32)
    data[0, 0, 0] = 0.0
    vol = Volume(data, method="mip", cmap="viridis", opacity=1.0,
                 clip_planes=[((1.0, 0.0, 0.0), -N / 2)])  # keep x >= N / 2
    img = top([vol]).render()
    assert (img[60, 20, :3] == 255).all()  # x < N / 2: cut away
    assert (img[60, 100, :3] < 250).any()
    assert len(vol.clip_planes) == 1
    with pytest.raises(ValueError, match="clip_planes"):
        vol.clip_planes = [((0, 0, 0), 1)]
    with pytest.raises(ValueError, match="clip_planes"):
        vol.clip_planes = [((1, 0, 0), 0)] * 7


def test_set_data_uploads_only_changed_slices():
    data = field()
    vol = Volume(data, texture_format="r32f")
    canvas = top([vol])
    with current() as ctx:
        ex = ModernGLExecutor(ctx)
        target = OffscreenTarget(ctx, canvas.physical_size)
        try:
            ex.render(canvas.frame(), target.fbo)
            before = ex.uploaded_bytes
            data2 = data.copy()
            data2[5:7] *= 0.5
            vol.set_data(data2)
            ex.render(canvas.frame(), target.fbo)
            assert ex.uploaded_bytes - before == 2 * N * N * 4  # two z-slices of float32
        finally:
            target.release()


def test_formats_and_missing_values():
    data = field()
    assert Volume((data * 255).astype(np.uint8))._bricks[0].dtype == "u1"
    assert Volume(data)._bricks[0].dtype == "f2"
    assert Volume(data, texture_format="r32f")._bricks[0].dtype == "f4"
    holes = data.copy()
    holes[:, :5] = np.nan
    before = holes.copy()
    img = top([Volume(holes, method="mip", opacity=1.0)]).render()
    assert np.isfinite(img).all()
    np.testing.assert_array_equal(np.isnan(holes), np.isnan(before))


@pytest.mark.parametrize("make, err, arg", [
    (lambda: Volume(np.zeros((4, 4))), ValueError, "data"),
    (lambda: Volume(np.full((2, 2, 2), "a")), TypeError, "data"),
    (lambda: Volume(np.zeros((2, 2, 2)), method="max"), ValueError, "method"),
    (lambda: Volume(np.zeros((2, 2, 2)), opacity=2.0), ValueError, "opacity"),
    (lambda: Volume(np.zeros((2, 2, 2)), opacity=[0.5]), ValueError, "opacity"),
    (lambda: Volume(np.zeros((2, 2, 2)), texture_format="r8"), TypeError, "r8"),
    (lambda: Volume(np.zeros((2, 2, 2)), texture_format="rgb"), ValueError,
     "texture_format"),
    (lambda: Volume(np.zeros((2, 2, 2)), spacing=(1, 0, 1)), ValueError, "spacing"),
    (lambda: Volume(np.zeros((2, 2, 2)), max_brick=1), ValueError, "max_brick"),
    (lambda: Volume(np.full((2, 2, 2), np.nan)), ValueError, "data"),
])
def test_bad_input(make, err, arg):
    with pytest.raises(err, match=arg):
        make()


def test_isosurface_levels_colors_and_order():
    data = field()
    iso = Isosurface(data, levels=[0.3, 0.7], alpha=[0.4, 1.0])
    assert iso.levels == [0.3, 0.7]
    draws = iso.draws(_ctx())
    # the opaque inner level first (one draw), then the translucent outer one (two)
    assert len(draws) == 3 and draws[0].state.depth_write
    assert [d.state.cull for d in draws[1:]] == ["front", "back"]
    b = iso.bounds()
    assert (b[0] >= 0).all() and (b[1] <= N - 1).all()
    with pytest.raises(ValueError, match="levels"):
        Isosurface(data, levels=[2.0])
    with pytest.raises(ValueError, match="alpha"):
        Isosurface(data, levels=[0.3, 0.7], alpha=[0.5, 0.5, 0.5])
    assert Isosurface(data, levels=[float(data.max())]).draws(_ctx()) == []


def _ctx():
    from lumos.visuals.base import DrawContext

    return DrawContext("v", (100, 100), 1.0, {"type": "turntable"}, True)
