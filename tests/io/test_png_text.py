"""PNG text chunks: ``savefig(metadata=)`` and ``imsave(metadata=)`` write what
matplotlib's do (a ``Software`` entry unless given or None, tEXt for latin-1 text, iTXt
else), through one writer, lumos.io.png; bad metadata is named and touches no file."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import lumos.pyplot as plt
from lumos import __version__
from lumos.io.png import encode_png, text_chunks

META = [None, {}, {"Software": None, "Title": "h\u00e9llo", "Author": "x\u4e2d"},
        {"Title": b"raw bytes", "Comment": "a\nb"}]


def _text(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as im:
        return dict(im.text)


def _chunk_kinds(data: bytes) -> list:
    kinds, i = [], 8
    while i < len(data):
        n = int.from_bytes(data[i:i + 4], "big")
        kinds.append(data[i + 4:i + 8])
        i += 12 + n
    return kinds


@pytest.mark.parametrize("metadata", META)
def test_savefig_png_metadata_as_matplotlib(metadata):
    import matplotlib.pyplot as mplt

    texts = []
    for pyplot in (plt, mplt):
        fig = pyplot.figure(figsize=(1, 1), dpi=50)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata=metadata)
        pyplot.close(fig)
        texts.append(_text(buf.getvalue()))
    ours, theirs = texts
    if "Software" in theirs:  # each names itself
        assert theirs.pop("Software").startswith("Matplotlib")
        assert ours.pop("Software") == f"lumos {__version__}"
    want = {k: v.decode("latin-1") if isinstance(v, bytes) else v
            for k, v in theirs.items()}
    assert ours == want


def test_imsave_png_goes_through_the_same_writer(tmp_path):
    z = np.linspace(0, 1, 12).reshape(3, 4)
    meta = {"Title": "t\u00e9", "Author": "\u4e2d"}
    plt.imsave(tmp_path / "a.png", z, metadata=meta)
    buf = io.BytesIO()
    plt.imsave(buf, z, metadata=meta)
    data = (tmp_path / "a.png").read_bytes()
    assert data == buf.getvalue()
    assert _chunk_kinds(data)[:4] == [b"IHDR", b"tEXt", b"tEXt", b"iTXt"]
    assert _text(data) == {"Software": f"lumos {__version__}", **meta}
    # pil_kwargs still reach Pillow: its pnginfo replaces the text, as matplotlib's
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Only", "this")
    plt.imsave(tmp_path / "b.png", z, pil_kwargs={"pnginfo": info})
    assert _text((tmp_path / "b.png").read_bytes()) == {"Only": "this"}


@pytest.mark.parametrize("metadata, error, match", [
    ({"": "x"}, ValueError, "metadata: got key ''"),
    ({"k" * 80: "x"}, ValueError, "79"),
    ({"\u4e2d": "x"}, ValueError, "latin-1"),
    ({"Title": 3}, TypeError, "metadata: got int value 3"),
    ({3: "x"}, TypeError, "metadata: got int key 3"),
    ("Title", TypeError, "metadata: got str"),
])
def test_bad_metadata_is_named_and_leaves_the_file(tmp_path, metadata, error, match):
    path = tmp_path / "keep.png"
    path.write_bytes(b"old")
    fig = plt.figure(figsize=(1, 1), dpi=20)
    with pytest.raises(error, match=match):
        fig.savefig(path, metadata=metadata)
    with pytest.raises(error, match=match):
        plt.imsave(path, np.zeros((2, 2)), metadata=metadata)
    plt.close(fig)
    assert path.read_bytes() == b"old"


def test_encode_png_writes_no_text_unless_asked():
    img = np.zeros((2, 3, 4), np.uint8)
    assert b"tEXt" not in encode_png(img)
    assert text_chunks({"A": None}) == b""
