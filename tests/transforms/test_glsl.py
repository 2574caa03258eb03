"""GLSL forms: compile in GLSL 3.30 core and GLSL ES 3.00, and agree with numpy.

Each snippet runs in a vertex shader through transform feedback on a headless EGL
context; results must match the float64 numpy forms within float32 tolerance.
"""

import math

import numpy as np
import pytest

from lumos.transforms import Affine, Chain, Log, Mercator, Polar, SymLog, Transform

moderngl = pytest.importorskip("moderngl")

HEADERS = {
    "330": "#version 330 core\n",
    "300es": "#version 300 es\nprecision highp float;\n",
}
RNG = np.random.default_rng(7)


@pytest.fixture(scope="module")
def ctx():
    try:
        ctx = moderngl.create_context(standalone=True, backend="egl", require=330)
    except Exception as exc:  # no GPU/EGL available
        pytest.skip(f"no headless OpenGL context: {exc}")
    # Draw calls need a bound framebuffer, even with rasterization discarded.
    fbo = ctx.framebuffer(color_attachments=[ctx.renderbuffer((1, 1), 4, dtype="f4")])
    fbo.use()
    yield ctx
    ctx.release()


def run_snippet(ctx, source: str, name: str, points: np.ndarray, version: str) -> np.ndarray:
    """Apply ``name`` from ``source`` to (N, 3) points on the GPU; returns (N, 4)."""
    header = HEADERS[version]
    vertex = (
        header
        + source
        + "\nin vec3 in_pos;\nout vec4 out_pos;\n"
        + f"void main() {{ out_pos = {name}(vec4(in_pos, 1.0)); gl_Position = vec4(0.0); }}\n"
    )
    fragment = header + "out vec4 color;\nvoid main() { color = vec4(1.0); }\n"
    prog = ctx.program(vertex_shader=vertex, fragment_shader=fragment, varyings=["out_pos"])
    data = np.ascontiguousarray(points, dtype="f4")
    vbo = ctx.buffer(data.tobytes())
    out = ctx.buffer(reserve=len(data) * 16)
    vao = ctx.vertex_array(prog, [(vbo, "3f", "in_pos")])
    vao.transform(out, mode=moderngl.POINTS, vertices=len(data))
    result = np.frombuffer(out.read(), dtype="f4").reshape(-1, 4).astype(np.float64)
    for obj in (vao, out, vbo, prog):
        obj.release()
    return result


def check(gpu: np.ndarray, cpu: np.ndarray, rtol: float = 2e-5) -> None:
    """Rows numpy masks (any NaN) are all-NaN on the GPU; the rest agree."""
    masked = np.isnan(cpu).any(axis=1)
    assert np.isnan(gpu[masked]).all()
    assert not np.isnan(gpu[~masked]).any()
    np.testing.assert_allclose(gpu[~masked, 3], 1.0)  # w is kept
    scale = max(1.0, float(np.abs(cpu[~masked]).max(initial=0.0)))
    np.testing.assert_allclose(gpu[~masked, :3], cpu[~masked], rtol=rtol, atol=rtol * scale)


def sample(t: Transform, n: int = 64) -> np.ndarray:
    """Points in the domain plus, for logs, some that must be masked (and a NaN row)."""
    pts = RNG.uniform(-20, 20, size=(n, 3))
    if isinstance(t, Polar):
        pts[:, 1] = np.abs(pts[:, 1])
    elif isinstance(t, Mercator):
        pts[:, 1] = RNG.uniform(-89, 89, n)  # includes clipped latitudes
    pts[0] = np.nan
    return pts


TRANSFORMS = [
    Affine(),
    Affine(translate=[1.5, -2.0, 0.25], scale=[2.0, 0.5, 3.0]),
    Affine(np.r_[np.c_[RNG.normal(size=(3, 3)), RNG.normal(size=3)], [[0, 0, 0, 1]]]),
    Log(10),
    Log(2, axes=(False, True, False)),
    Log(math.e, axes=(True, True, True)),
    Log(0.5, axes=(False, False, True)),
    Log(10, axes=(True, True, False), clip=True),
    SymLog(),
    SymLog(linthresh=0.3, base=2, linscale=0.5, axes=(True, True, True)),
    Polar(),
    Polar(theta_offset=math.pi / 2, direction=-1),
    Mercator(),
    Chain(Affine(scale=3.0), Affine(translate=[1.0, 2.0, 3.0]), Log(10, (True, True, False))),
    Chain(SymLog(axes=(False, True)), Affine(scale=0.1), Polar(), Affine(translate=[5.0, 5.0])),
    Chain(),
]


@pytest.mark.parametrize("version", list(HEADERS))
@pytest.mark.parametrize("t", TRANSFORMS, ids=repr)
def test_forward_matches_numpy(ctx, t: Transform, version: str) -> None:
    pts = sample(t)
    snippet = t.glsl_forward()
    check(run_snippet(ctx, snippet.source, snippet.name, pts, version), t.forward(pts))


@pytest.mark.parametrize("version", list(HEADERS))
@pytest.mark.parametrize("t", TRANSFORMS, ids=repr)
def test_inverse_matches_numpy(ctx, t: Transform, version: str) -> None:
    pts = t.forward(sample(t))  # points in the inverse's domain
    pts[np.isnan(pts).any(axis=1)] = np.nan  # masked rows as whole line breaks
    snippet = t.glsl_inverse()
    check(run_snippet(ctx, snippet.source, snippet.name, pts, version), t.inverse(pts), 5e-5)


def test_same_function_twice_compiles(ctx) -> None:
    """A part used alone and inside a chain (two hooks of one shader) is defined once."""
    log = Log(10)
    both = Chain(Affine(scale=2.0), log)
    source = log.glsl_forward().source + "\n" + both.glsl_forward().source
    name = both.glsl_forward().name
    pts = np.array([[5.0, 1.0, 2.0], [50.0, 0.0, 0.0]])
    check(run_snippet(ctx, source, name, pts, "330"), both.forward(pts))


def test_masked_values_are_nan_in_glsl(ctx) -> None:
    pts = np.array([[-1.0, 1.0, 1.0], [0.0, 1.0, 1.0], [1e-30, 2.0, 3.0]])
    snippet = Log(10).glsl_forward()
    gpu = run_snippet(ctx, snippet.source, snippet.name, pts, "300es")
    assert np.isnan(gpu[:2]).all()
    np.testing.assert_allclose(gpu[2], [-30.0, 2.0, 3.0, 1.0], rtol=1e-5)
