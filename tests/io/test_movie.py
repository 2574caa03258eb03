"""Movies decode back (with PyAV) to the pictures ``fig.render()`` makes.

Tolerances, as mean absolute difference per channel (0..255) of each decoded frame
against the render of the same frame: H.264 and VP9 are lossy and subsample chroma
(yuv420p): <= 3.0 (measured about 1.3); GIF gets a palette per frame: <= 0.5
(measured 0.02); APNG is lossless: equal. Each decoded frame must also be nearer its
own render than any other, so frame order and count are checked too.
"""

from __future__ import annotations

import os
import sys

import av  # the test extra installs PyAV
import numpy as np
import pytest

import lumos
from lumos.io.movie import FORMATS, MovieWriter
from lumos.plot.animation import FuncAnimation

TOLERANCE = {".mp4": 3.0, ".webm": 3.0, ".gif": 0.5, ".apng": 0.0}


def scene(size=(1.51, 1.01), dpi=100):
    """An odd-sized figure (151 x 101 px) whose frames differ clearly."""
    fig, ax = lumos.subplots(figsize=size, dpi=dpi)
    x = np.linspace(0, 2 * np.pi, 100)
    (line,) = ax.plot(x, np.sin(x), lw=3)
    ax.set_xlim(0, 2 * np.pi)
    ax.set_ylim(-1.2, 1.2)

    def update(i):
        line.set_ydata(np.sin(x + i * 0.9))
        line.set_color(f"C{i % 4}")

    return fig, update


def decode(path) -> tuple[list[np.ndarray], object]:
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        frames = [f.to_ndarray(format="rgba") for f in c.decode(video=0)]
        info = {"codec": stream.codec_context.name, "rate": stream.average_rate,
                "size": (stream.width, stream.height)}
    return frames, info


def mean_diff(a: np.ndarray, b: np.ndarray) -> float:
    h, w = b.shape[:2]
    return float(np.abs(a[:h, :w, :3].astype(np.int16) - b[..., :3]).mean())


def check_frames(decoded, expected, tol) -> None:
    assert len(decoded) == len(expected)
    for i, got in enumerate(decoded):
        diffs = [mean_diff(got, e) for e in expected]
        assert diffs[i] <= tol, f"frame {i}: mean difference {diffs[i]:.3f} > {tol}"
        assert int(np.argmin(diffs)) == i, f"frame {i} looks like frame {np.argmin(diffs)}"


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_save_decodes_back_to_the_rendered_frames(tmp_path, suffix):
    fig, update = scene()
    expected = []
    for i in range(5):
        update(i)
        expected.append(fig.render())
    assert expected[0].shape == (101, 151, 4)
    anim = FuncAnimation(fig, update, frames=5, interval=100)
    path = anim.save(tmp_path / f"movie{suffix}", fps=10, progress=False)
    assert path == tmp_path / f"movie{suffix}"
    decoded, info = decode(path)
    check_frames(decoded, expected, TOLERANCE[suffix])
    if suffix in (".mp4", ".webm"):
        assert info["size"] == (152, 102)  # yuv420p: padded to even sizes
        assert info["rate"] == 10
    else:
        assert info["size"] == (151, 101)
    assert info["codec"] in {".mp4": ("h264", "mpeg4"), ".webm": ("vp9", "vp8"),
                             ".gif": ("gif",), ".apng": ("apng",)}[suffix]
    if suffix == ".apng":
        assert all(np.array_equal(d, e) for d, e in zip(decoded, expected, strict=True))
    assert os.listdir(tmp_path) == [f"movie{suffix}"]  # no temporary file left


def test_padding_repeats_the_edge(tmp_path):
    """The padded column and row repeat the picture's last ones (no black border)."""
    img = np.zeros((11, 13, 4), np.uint8)
    img[..., 3] = 255
    img[:, -1, :3] = (250, 250, 250)
    img[-1, :, :3] = (250, 250, 250)
    before = img.copy()
    with MovieWriter(tmp_path / "pad.mp4", fps=5, progress=False) as m:
        for _ in range(3):
            m.write(img)
    assert np.array_equal(img, before)  # the caller's array is untouched
    frames, info = decode(tmp_path / "pad.mp4")
    assert info["size"] == (14, 12)
    assert frames[0][:, 13, :3].mean() > 200 and frames[0][11, :, :3].mean() > 200


def test_fig_animate_save_with_dpi_and_default_fps(tmp_path):
    fig, update = scene(size=(1.5, 1.0), dpi=100)
    anim = fig.animate(update, interval_ms=40, frames=range(3))
    path = anim.save(tmp_path / "dpi.gif", dpi=200, progress=False)
    frames, info = decode(path)
    assert info["size"] == (300, 200)
    assert len(frames) == 3
    with av.open(str(path)) as c:  # 1000 / 40 ms = 25 fps: 4 hundredths per GIF frame
        durations = [f.duration * f.time_base for f in c.decode(video=0)]
    assert all(abs(float(d) - 0.04) < 0.011 for d in durations[:2])


def test_save_starts_over_and_runs_init(tmp_path):
    fig, update = scene()
    seen = []

    def func(i):
        seen.append(i)
        update(i)

    inits = []
    anim = FuncAnimation(fig, func, frames=[3, 1, 2], init_func=lambda: inits.append(1))
    anim.run(frames=2)  # a live animation part way through
    seen.clear()
    anim.save(tmp_path / "again.apng", fps=5, progress=False)
    assert seen == [3, 1, 2] and len(inits) == 2


def test_record_context_manager(tmp_path):
    fig, update = scene()
    expected = []
    with fig.record(tmp_path / "rec.webm", fps=24, progress=False) as rec:
        for i in range(4):
            update(i)
            expected.append(fig.render())
            rec.frame()
        assert not (tmp_path / "rec.webm").exists()  # appears only when complete
    assert rec.frames == 4
    decoded, info = decode(tmp_path / "rec.webm")
    check_frames(decoded, expected, TOLERANCE[".webm"])
    assert info["rate"] == 24


def test_unknown_extension_lists_the_known_ones(tmp_path):
    fig, update = scene()
    calls = []
    anim = FuncAnimation(fig, lambda i: calls.append(i), frames=3)
    with pytest.raises(ValueError, match=r"\.mp4, \.webm, \.gif, \.apng") as e:
        anim.save(tmp_path / "x.avi")
    assert "'.avi'" in str(e.value)
    assert calls == []  # raised at the call, before any frame
    with pytest.raises(ValueError, match="filename"):
        fig.record(tmp_path / "noext")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("suffix", [".mp4", ".gif"])
def test_interrupted_save_leaves_no_partial_file(tmp_path, suffix):
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"previous movie")
    fig, update = scene()

    def func(i):
        if i == 3:
            raise KeyboardInterrupt
        update(i)

    anim = FuncAnimation(fig, func, frames=6)
    with pytest.raises(KeyboardInterrupt):
        anim.save(path, progress=False)
    # the record below draws the figure, which starts the animation's timer as any
    # draw outside a save does: stopped, it cannot raise in a later test's event loop
    anim.stop()
    assert path.read_bytes() == b"previous movie"
    assert os.listdir(tmp_path) == [path.name]
    with pytest.raises(RuntimeError, match="boom"), fig.record(tmp_path / "new.mp4") as rec:
        rec.frame()
        raise RuntimeError("boom")
    assert sorted(os.listdir(tmp_path)) == [path.name]


def test_bitrate_and_codec_are_honoured(tmp_path):
    fig, update = scene(size=(3, 2))

    def save(name, **kw):
        return FuncAnimation(fig, update, frames=8).save(tmp_path / name, fps=10,
                                                         progress=False, **kw)

    low = save("low.mp4", bitrate=20)
    high = save("high.mp4", bitrate=3000)
    assert low.stat().st_size * 3 < high.stat().st_size
    _, info = decode(save("mpeg4.mp4", codec="mpeg4"))
    assert info["codec"] == "mpeg4"


def test_bad_arguments_name_themselves(tmp_path):
    fig, update = scene()
    anim = FuncAnimation(fig, update, frames=2)
    for kwargs, kind, word in [
        ({"fps": 0}, ValueError, "fps"), ({"fps": float("nan")}, ValueError, "fps"),
        ({"fps": "30"}, ValueError, "fps"), ({"bitrate": -5}, ValueError, "bitrate"),
        ({"dpi": 0}, ValueError, "dpi"), ({"codec": "no-such-codec"}, ValueError, "codec"),
        ({"codec": 264}, TypeError, "codec"), ({"progress": "yes"}, TypeError, "progress"),
    ]:
        with pytest.raises(kind, match=word):
            anim.save(tmp_path / "bad.mp4", **kwargs)
    with pytest.raises(ValueError, match="bitrate"):
        anim.save(tmp_path / "bad.gif", bitrate=500)  # GIF has none: not silently ignored
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        anim.save(tmp_path / "no-such-folder" / "x.mp4")
    with pytest.raises(TypeError, match="writer"):
        anim.save(tmp_path / "bad.mp4", writer="ffmpeg")  # accepted nowhere, not ignored
    with pytest.raises(ValueError, match="frames"):
        fig.animate(update).save(tmp_path / "endless.mp4")
    with pytest.raises(ValueError, match="no pictures"), fig.record(tmp_path / "empty.gif"):
        pass
    with MovieWriter(tmp_path / "w.apng", progress=False) as m:
        with pytest.raises(TypeError, match="uint8"):
            m.write(np.zeros((4, 4, 4), np.float32))
        with pytest.raises(ValueError, match=r"\(h, w, 3\)"):
            m.write(np.zeros((4, 4), np.uint8))
        m.write(np.zeros((4, 6, 3), np.uint8))
        with pytest.raises(ValueError, match="6x4"):
            m.write(np.zeros((5, 6, 3), np.uint8))
    assert sorted(os.listdir(tmp_path)) == ["w.apng"]


def test_progress_callable_bar_and_plain_line(tmp_path, capsys, monkeypatch):
    fig, update = scene()
    calls = []
    FuncAnimation(fig, update, frames=3).save(tmp_path / "a.gif",
                                              progress=lambda i, n: calls.append((i, n)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    FuncAnimation(fig, update, frames=3).save(tmp_path / "b.gif", progress=False)
    assert capsys.readouterr().err == ""
    FuncAnimation(fig, update, frames=3).save(tmp_path / "c.gif", progress=True)
    assert "c.gif" in capsys.readouterr().err  # tqdm (installed by the test extra)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if tqdm were not installed
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    FuncAnimation(fig, update, frames=3).save(tmp_path / "d.gif", progress=True)
    assert "d.gif: 3/3 frames" in capsys.readouterr().err
