"""Saves are atomic: an interrupted or failed write leaves the previous file whole and
no partial or temporary file behind (issue 9, finding 4)."""

from __future__ import annotations

import errno
import os

import numpy as np
import pytest
from reliability_helpers import marker_canvas

import lumos
from lumos.gpu import Frame


def _figure():
    fig, ax = lumos.subplots(figsize=(2, 1.5), dpi=50)
    ax.plot([0, 1, 2], [0, 1, 0])
    return fig


def _only(folder, name: str) -> bytes:
    """The content of ``name``, checking it is the only file in ``folder``."""
    assert sorted(p.name for p in folder.iterdir()) == [name]
    return (folder / name).read_bytes()


SAVES = {
    "savefig png": lambda path: _figure().savefig(path),
    "savefig html": lambda path: _figure().savefig(path),
    "canvas png": lambda path: marker_canvas().save(path),
    "canvas html": lambda path: marker_canvas().save(path),
}


@pytest.mark.parametrize("how", sorted(SAVES))
@pytest.mark.parametrize("fault", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space "
                                                                 "left on device")],
                         ids=["ctrl-c", "disk-full"])
def test_a_failed_save_keeps_the_previous_file(tmp_path, faulty_disk, how, fault):
    path = tmp_path / ("figure.html" if how.endswith("html") else "figure.png")
    SAVES[how](path)
    good = _only(tmp_path, path.name)
    assert len(good) > 100
    faulty_disk(fault)
    with pytest.raises(type(fault)):
        SAVES[how](path)
    assert _only(tmp_path, path.name) == good


def test_a_failed_first_save_leaves_no_file(tmp_path, faulty_disk):
    faulty_disk(OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError):
        _figure().savefig(tmp_path / "new.png")
    assert list(tmp_path.iterdir()) == []


def test_a_title_that_is_not_text_is_refused_at_the_call(tmp_path):
    with pytest.raises(ValueError, match="title"):
        lumos.scene.Canvas(title="a\ud800b")
    canvas = marker_canvas()
    with pytest.raises(ValueError, match="title"):
        canvas.title = "a\ud800b"
    assert list(tmp_path.iterdir()) == []


def test_a_page_that_cannot_be_encoded_leaves_the_previous_file(tmp_path):
    from lumos.io.html import save_html

    path = tmp_path / "page.html"
    save_html(Frame(size=(4, 4)), path, title="good")
    good = path.read_bytes()
    with pytest.raises(UnicodeEncodeError):
        save_html(Frame(size=(4, 4)), path, title="a\ud800b")
    assert _only(tmp_path, "page.html") == good


def test_saved_files_are_readable_by_others_and_complete(tmp_path):
    from PIL import Image

    fig = _figure()
    path = fig.savefig(tmp_path / "ok.png")
    assert _only(tmp_path, "ok.png")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    np.testing.assert_array_equal(np.asarray(Image.open(path).convert("RGBA")), fig.render())


def test_png_bands_make_one_valid_picture(tmp_path):
    from PIL import Image

    from lumos.io.png import encode_png, write_png

    rng = np.random.default_rng(1)
    img = rng.integers(0, 256, (1000, 37, 4), dtype=np.uint8)  # several bands of rows
    write_png(tmp_path / "bands.png", img, dpi=150)
    back = Image.open(tmp_path / "bands.png")
    np.testing.assert_array_equal(np.asarray(back), img)
    assert round(back.info["dpi"][0]) == 150
    assert encode_png(img) == encode_png(img.copy())
    with pytest.raises(ValueError, match="rgba"):
        write_png(tmp_path / "empty.png", np.zeros((0, 4, 4), np.uint8))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bands.png"]


def test_saved_file_takes_the_process_umask(tmp_path):
    """A saved file gets 0666 less the umask, as any file the process creates, and no
    temporary file stays behind."""
    from lumos.files import write_bytes

    old = os.umask(0o027)
    try:
        target = write_bytes(tmp_path / "out.bin", b"x")
    finally:
        os.umask(old)
    assert (target.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
