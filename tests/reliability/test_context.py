"""lumos owns its GL context: other contexts in the thread, other threads, a context
that was released or is held elsewhere (issue 9, findings 2 and 3)."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import moderngl
import numpy as np
from reliability_helpers import ROOT, marker_canvas, red_pixels, run_script

import lumos


def _figure():
    fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
    ax.plot([0, 1, 2], [0, 1, 0], lw=3)
    ax.set_title("threads")
    return fig


def _leave(other) -> None:
    other.__exit__(None, None, None)  # nothing current in this thread any more
    other.release()


# -- finding 2: another context made current in the same thread ---------------------------
def test_a_user_context_made_current_after_a_render_does_not_blank_later_renders(tmp_path):
    canvas = marker_canvas()
    before = canvas.render()
    assert red_pixels(before) > 100
    fig = _figure()
    fig_before = fig.render()
    other = moderngl.create_context(standalone=True, backend="egl")
    try:
        np.testing.assert_array_equal(canvas.render(), before)
        np.testing.assert_array_equal(fig.render(), fig_before)
        fig.savefig(tmp_path / "after.png")
        from PIL import Image

        saved = np.asarray(Image.open(tmp_path / "after.png").convert("RGBA"))
        np.testing.assert_array_equal(saved, fig_before)
        fresh = marker_canvas()  # a canvas made while the user's context is current
        np.testing.assert_array_equal(fresh.render(), before)
    finally:
        _leave(other)


def test_lumos_leaves_the_user_context_current_and_untouched():
    # a fresh process: the user's GL code runs first, then lumos makes its context
    script = """
import moderngl, numpy as np, lumos
other = moderngl.create_context(standalone=True, backend="egl")
fbo = other.simple_framebuffer((4, 4))
fbo.use()
fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
ax.plot([0, 1, 2], [0, 1, 0], lw=3)
assert (fig.render()[..., :3] < 128).any(), "blank picture"
# the user's context is still current, with their framebuffer bound
other.clear(0.0, 0.0, 1.0, 1.0)
px = np.frombuffer(fbo.read(components=4), np.uint8).reshape(4, 4, 4)
assert (px == (0, 0, 255, 255)).all(), px[0, 0]
assert moderngl.get_context() is other, "lumos took moderngl's default context"
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


# -- finding 3: threads ---------------------------------------------------------------------
def test_a_figure_rendered_in_the_main_thread_renders_the_same_in_another():
    fig = _figure()
    main = fig.render()
    with ThreadPoolExecutor(1) as pool:
        other = pool.submit(fig.render).result()
    np.testing.assert_array_equal(other, main)
    np.testing.assert_array_equal(fig.render(), main)


def test_one_figure_rendered_from_four_threads_at_once():
    fig = _figure()
    expected = fig.render()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: fig.render(), range(12)))
    for img in results:
        np.testing.assert_array_equal(img, expected)


def test_the_first_render_in_a_worker_thread_lets_the_main_thread_render():
    # a fresh process: the context is created in the worker
    script = """
import threading, numpy as np, lumos
fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
ax.plot([0, 1, 2], [0, 1, 0], lw=3)
out = {}
t = threading.Thread(target=lambda: out.update(img=fig.render()))
t.start(); t.join()
again = fig.render()
fig2, ax2 = lumos.subplots(figsize=(2, 1.5), dpi=60)
ax2.plot([0, 1, 2], [0, 1, 0], lw=3)
assert np.array_equal(out["img"], again), "worker and main renders differ"
assert np.array_equal(fig2.render(), again), "a new figure in the main thread differs"
assert (again[..., :3] < 128).any(), "blank picture"
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_a_released_context_is_recreated_and_figures_upload_again():
    canvas = marker_canvas()
    fig = _figure()
    before, fig_before = canvas.render(), fig.render()
    with lumos.gpu.current() as ctx:
        pass
    ctx.release()
    np.testing.assert_array_equal(canvas.render(), before)
    np.testing.assert_array_equal(fig.render(), fig_before)
    with lumos.gpu.current() as new:
        assert new is not ctx


def test_a_context_left_current_in_another_thread_is_replaced():
    canvas = marker_canvas()
    before = canvas.render()
    with lumos.gpu.current() as ctx:
        pass
    holding, done = threading.Event(), threading.Event()

    def hold():  # someone else's code makes lumos's context current and keeps it
        ctx.__enter__()
        holding.set()
        done.wait(60)
        ctx.__exit__(None, None, None)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert holding.wait(60)
        np.testing.assert_array_equal(canvas.render(), before)
    finally:
        done.set()
        t.join()
    np.testing.assert_array_equal(canvas.render(), before)


def test_limits_come_from_the_context():
    limits = lumos.gpu.limits()
    with lumos.gpu.current() as ctx:
        info = ctx.info
    assert limits.max_texture_size == info["GL_MAX_TEXTURE_SIZE"] > 0
    assert limits.max_renderbuffer_size == info["GL_MAX_RENDERBUFFER_SIZE"]
    assert limits.max_viewport_dims == tuple(info["GL_MAX_VIEWPORT_DIMS"])
    assert limits.max_samples == info["GL_MAX_SAMPLES"]
    assert limits.max_target_size <= min(info["GL_MAX_TEXTURE_SIZE"],
                                         info["GL_MAX_RENDERBUFFER_SIZE"])


# -- the display's warm-up: the first canvas initializes EGL on a thread -------------------
def test_importing_lumos_starts_no_thread_and_the_first_figure_warms_the_display():
    out = run_script("""
import threading
import lumos, lumos.pyplot as plt
from lumos.gpu import context
from lumos.gpu.context import headless
context.spare_core = lambda: True  # whatever the machine's load while the test runs
assert threading.active_count() == 1, threading.enumerate()
assert headless.warm_result is None
fig, ax = plt.subplots(figsize=(2, 1.5), dpi=60)
headless.wait_warm_up()
assert headless.warm_result is True, headless.warm_result  # it worked: not silently off
# the thread's own context, where it set the driver's compiler up, waits for the first
# render, which makes it lumos's context
assert headless._spare is not None
made = headless._spare[2]
plt.figure()  # a second figure starts nothing more
assert threading.active_count() == 1, threading.enumerate()
ax.plot([0, 1, 2], [0, 1, 0], lw=3)
first = fig.render()
assert (first[..., :3] < 128).any(), "blank picture"
assert headless._spare is None and headless._handles[1] == made  # adopted, not a new one
# released, it is destroyed with its moderngl context and a new one draws the same
with lumos.gpu.current() as ctx:
    pass
ctx.release()
assert (fig.render() == first).all()
assert headless.ctx is not ctx
print("ok")
""")
    assert out.endswith("ok")


def test_a_window_adopting_its_context_ends_the_warm_ups_own_context():
    # the warm-up's context is a head start for headless renders; a window draws with
    # its own context (Qt's, GLFW's): adopting one destroys the warm-up's, which a
    # headless render then does without
    out = run_script("""
import lumos, lumos.pyplot as plt
from lumos.gpu import context
from lumos.gpu.context import OpenGLUnavailable, adopt_current_context, headless
context.spare_core = lambda: True
fig, ax = plt.subplots(figsize=(2, 1.5), dpi=60)
headless.wait_warm_up()
assert headless._spare is not None
try:  # no window here: moderngl finds no GLX context to adopt, after the warm-up's went
    adopt_current_context()
except OpenGLUnavailable:
    pass
assert headless.warm_result is True and headless._spare is None, headless._spare
ax.plot([0, 1, 2], [0, 1, 0], lw=3)
assert (fig.render()[..., :3] < 128).any(), "blank picture"
print("ok")
""")
    assert out.endswith("ok")


def test_a_failing_display_raises_at_the_first_render_what_it_raised_without_warm_up():
    # glcontext's standalone context takes device GLCONTEXT_DEVICE_INDEX; there is no 99th
    script = """
import lumos
from lumos.gpu import context
from lumos.gpu.context import OpenGLUnavailable, headless, current
context.spare_core = lambda: True
if WARM:
    fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
    headless.wait_warm_up()
    assert isinstance(headless.warm_result, RuntimeError), headless.warm_result
    draw = fig.render
else:
    def draw():
        with current():
            pass
assert headless.warm_result is not None or not WARM
try:
    draw()
except OpenGLUnavailable as exc:
    print(str(exc).splitlines()[-1])
else:
    raise AssertionError("no error")
"""
    env = {"GLCONTEXT_DEVICE_INDEX": "99"}
    warm = run_script("WARM = True\n" + script, env)
    cold = run_script("WARM = False\n" + script, env)
    assert warm == cold
    assert "device index 99" in warm  # moderngl's own message, as before


def test_a_fork_right_after_the_first_figure_renders_in_both_processes(tmp_path):
    out = run_script(f"CHILD = {str(tmp_path / 'child.npy')!r}\n" + """
import faulthandler, os, time
import numpy as np
import lumos
lumos.gpu.context.spare_core = lambda: True
fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
ax.plot([0, 1, 2], [0, 1, 0], lw=3)
time.sleep(0.005)  # the warm-up is in eglInitialize now (it takes ~20 ms)
pid = os.fork()  # a fork waits for it: a child of a half-initialized display hangs
if pid == 0:
    faulthandler.dump_traceback_later(120, exit=True)  # a hang fails, not blocks
    img = fig.render()
    np.save(CHILD, img)
    os._exit(0 if (img[..., :3] < 128).any() else 3)
_, status = os.waitpid(pid, 0)
assert os.waitstatus_to_exitcode(status) == 0, status
assert np.array_equal(np.load(CHILD), fig.render()), "child and parent differ"
print("ok")
""")
    assert out.endswith("ok")


def test_without_a_spare_core_no_thread_starts_and_the_first_render_makes_the_context():
    out = run_script("""
import threading
import lumos
from lumos.gpu import context
context.spare_core = lambda: False  # one core, or a full machine
fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
assert threading.active_count() == 1, threading.enumerate()
ax.plot([0, 1, 2], [0, 1, 0], lw=3)
assert (fig.render()[..., :3] < 128).any(), "blank picture"
assert context.headless.warm_result is None
print("ok")
""")
    assert out.endswith("ok")


def test_a_spare_core_needs_two_cores_and_a_load_below_them(monkeypatch):
    from lumos.gpu import context

    monkeypatch.setattr(context.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(context.os, "getloadavg", lambda: (1.5, 1.0, 1.0))
    assert context.spare_core()
    monkeypatch.setattr(context.os, "getloadavg", lambda: (2.0, 1.0, 1.0))
    assert not context.spare_core()
    monkeypatch.setattr(context.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(context.os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert not context.spare_core()
