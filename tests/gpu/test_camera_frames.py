"""Camera-only frames (a pan: only the view limits moved) through the executor: what
crosses to the GPU and what the executor computes per draw."""

from __future__ import annotations

import numpy as np
import pytest

from lumos import geometry, visuals
from lumos.gpu import camera_math
from lumos.gpu import executor as executor_module
from lumos.gpu.context import current
from lumos.gpu.executor import ModernGLExecutor, OffscreenTarget
from lumos.plot.figure import Figure
from lumos.scene import Canvas


def image_figure() -> tuple[Figure, object]:
    fig = Figure(figsize=(4, 3), dpi=100)
    ax = fig.subplot(0, 0)
    ax.imshow(np.random.default_rng(0).random((300, 400)), cmap="viridis")
    return fig, ax


def test_a_pan_uploads_none_of_the_images_data():
    """The image's texture (480 KB of float32) and its quad stay on the GPU: a pan
    uploads only what the new limits change, the ticks and their labels."""
    fig, ax = image_figure()
    with current() as ctx:
        executor = ModernGLExecutor(ctx)
        frame = fig.frame()
        target = OffscreenTarget(ctx, frame.size, samples=1)
        executor.render(frame, target.fbo)
        first = executor.uploaded_bytes
        assert first > 300 * 400 * 4
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        for shift in (7.5, 31.0):
            ax.set_xlim(x0 + shift, x1 + shift)
            ax.set_ylim(y0 - shift, y1 - shift)
            before = executor.uploaded_bytes
            executor.render(fig.frame(), target.fbo)
            assert 0 < executor.uploaded_bytes - before < 32_000
        target.release()


def test_the_normal_matrix_is_made_only_for_programs_that_read_it(monkeypatch):
    made = []
    real = camera_math.normal_matrix
    monkeypatch.setattr(executor_module, "normal_matrix",
                        lambda m: made.append(m) or real(m))
    fig, _ = image_figure()
    canvas = Canvas(size=(120, 90), bgcolor="white")
    view = canvas.add_view(camera="turntable")
    g = np.linspace(-1, 1, 12)
    vertices, faces = geometry.surface(g, g, np.outer(g, g))
    view.add(visuals.Mesh(vertices, faces, color="C0"))
    view.camera.set_range()
    with current() as ctx:
        executor = ModernGLExecutor(ctx)
        for scene, lit in ((fig, False), (canvas, True)):
            frame = scene.frame()
            target = OffscreenTarget(ctx, frame.size, samples=1)
            executor.render(frame, target.fbo)
            target.release()
            assert bool(made) is lit


def test_draw_matrices_leaves_the_normal_matrix_out_when_asked():
    camera = {"type": "turntable", "center": [0.5, 0.0, 0.0], "distance": 4.0,
              "elevation": 30.0, "azimuth": 20.0, "fov": 45.0}
    model = np.diag([2.0, 1.0, 0.5, 1.0])
    mvp, modelview, normal = camera_math.draw_matrices(camera, 1.5, (1.0, 2.0, 3.0), model)
    mvp2, modelview2, none = camera_math.draw_matrices(camera, 1.5, (1.0, 2.0, 3.0), model,
                                                        normal=False)
    assert none is None
    assert np.array_equal(mvp, mvp2) and np.array_equal(modelview, modelview2)
    assert np.array_equal(normal, camera_math.normal_matrix(modelview))
    assert normal == pytest.approx(np.linalg.inv(modelview[:3, :3]).T)
    flat = modelview.copy()
    flat[:, 2] = 0.0  # a singular linear part: the identity, not an error
    assert np.array_equal(camera_math.normal_matrix(flat), np.eye(3))
