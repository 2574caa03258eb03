"""A process forked after lumos rendered renders too (or says why it cannot): the
child must not use the parent's EGL display, whose llvmpipe threads it does not have.
Each case runs in a fresh interpreter with a timeout, and every child arms
faulthandler, so that a hang fails the test and says where."""

from __future__ import annotations

from reliability_helpers import run_script

# a figure drawn the same way in any process; the parent renders first
_PRELUDE = """
import faulthandler, multiprocessing, os, sys
import numpy as np
import lumos
from lumos.gpu.context import OpenGLUnavailable

def figure(k):
    fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
    ax.plot([0, 1, 2], [0, k, 0], lw=3)
    ax.set_title(f"fork {k}")
    return fig

def child_start():
    faulthandler.dump_traceback_later(100, exit=True)  # a hang fails, not blocks

def in_child(fn):
    # a watchdog armed here is a thread the child would not have: re-arming it there
    # waits for that thread forever
    faulthandler.cancel_dump_traceback_later()
    pid = os.fork()
    if pid == 0:
        child_start()
        try:
            code = fn() or 0
        except BaseException as exc:
            print(type(exc).__name__, exc, file=sys.stderr, flush=True)
            code = 5
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)

first = figure(1).render()
assert (first[..., :3] < 128).any(), "blank picture"
"""


def test_a_child_forked_after_a_render_renders_a_new_figure_like_the_parent(tmp_path):
    out = run_script(f"OUT = {str(tmp_path / 'child.npy')!r}\n" + _PRELUDE + """
assert in_child(lambda: np.save(OUT, figure(2).render())) == 0
assert np.array_equal(np.load(OUT), figure(2).render()), "child and parent differ"
assert np.array_equal(figure(1).render(), first), "the parent's picture changed"
print("ok")
""")
    assert out.endswith("ok")


def test_a_figure_the_parent_rendered_redraws_in_the_child(tmp_path):
    out = run_script(f"OUT = {str(tmp_path / 'child.npy')!r}\n" + _PRELUDE + """
fig = figure(3)
before = fig.render()  # its buffers and programs are on the parent's context
def redraw():
    fig.axes[0].set_title("redrawn")
    np.save(OUT, fig.render())
assert in_child(redraw) == 0
fig.axes[0].set_title("redrawn")
assert np.array_equal(np.load(OUT), fig.render()), "child and parent differ"
assert not np.array_equal(before, fig.render())
print("ok")
""")
    assert out.endswith("ok")


def test_a_fork_pool_saves_figures_after_the_parent_rendered(tmp_path):
    out = run_script(f"DIR = {str(tmp_path)!r}\n" + _PRELUDE + """
def save(k):
    child_start()
    path = os.path.join(DIR, f"pool{k}.png")
    figure(k).savefig(path)
    return path

with multiprocessing.get_context("fork").Pool(2) as pool:
    paths = pool.map(save, [4, 5, 6], chunksize=1)
for k, path in zip([4, 5, 6], paths):
    mine = os.path.join(DIR, f"parent{k}.png")
    figure(k).savefig(mine)
    assert open(path, "rb").read() == open(mine, "rb").read(), path
print("ok")
""")
    assert out.endswith("ok")


def test_a_grandchild_whose_ancestors_used_both_displays_raises_naming_spawn():
    out = run_script(_PRELUDE + """
def child():
    figure(7).render()  # the child's display: the only one left
    def grandchild():
        try:
            figure(8).render()
        except OpenGLUnavailable as exc:
            print(str(exc), flush=True)
            return 0
        return 4  # rendered: then this test's premise is wrong, say so
    assert in_child(grandchild) == 0
    figure(9).render()  # the child itself still renders
assert in_child(child) == 0
print("ok")
""")
    assert out.endswith("ok")
    assert "fork" in out and "'spawn'" in out and "'forkserver'" in out


def test_a_child_forked_before_any_render_uses_the_usual_display():
    out = run_script("""
import os
import lumos
from lumos.gpu.context import headless
pid = os.fork()
if pid == 0:
    import faulthandler
    faulthandler.dump_traceback_later(100, exit=True)
    fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=60)
    ax.plot([0, 1, 2], [0, 1, 0], lw=3)
    fig.render()
    os._exit(0 if headless._display is None else 3)
_, status = os.waitpid(pid, 0)
assert os.waitstatus_to_exitcode(status) == 0, status
print("ok")
""")
    assert out.endswith("ok")
