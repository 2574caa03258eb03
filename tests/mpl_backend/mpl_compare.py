"""Agg and lumos pictures of one matplotlib figure, and how far apart they are."""

from __future__ import annotations

import io

import numpy as np

# matplotlib's compare_images measure (RMS of the RGB difference, 0..255); a figure is
# "the same as Agg" within this. Text is lumos's signed-distance glyphs against FreeType's
# hinted bitmaps, and fills get 4x multisampling against Agg's exact coverage: a
# picture that looks the same to the eye measures 3 to 9.
RMS_TOL = 10.0


def png_of(fig, canvas_class, **savefig) -> np.ndarray:
    """The figure saved as PNG through ``canvas_class`` (RGB uint8)."""
    from PIL import Image

    canvas_class(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", **savefig)
    return np.asarray(Image.open(buf).convert("RGB"))


def rms(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.sqrt(((a.astype(float) - b.astype(float)) ** 2).mean()))


def save_pair(name: str, agg: np.ndarray, lumos: np.ndarray) -> None:
    """Both pictures and their difference under tests/output (to look at)."""
    from pathlib import Path

    from PIL import Image

    out = Path(__file__).resolve().parents[1] / "output" / "mpl_backend"
    out.mkdir(parents=True, exist_ok=True)
    Image.fromarray(agg).save(out / f"{name}.agg.png")
    Image.fromarray(lumos).save(out / f"{name}.lumos.png")
    d = np.abs(agg.astype(int) - lumos.astype(int)).max(axis=2)
    Image.fromarray((255 - np.clip(d * 3, 0, 255)).astype(np.uint8)).save(
        out / f"{name}.diff.png")
