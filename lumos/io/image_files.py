"""Reading image files into arrays (``pyplot.imread``), through Pillow.

Pillow is imported on the first read only; lumos writes PNG without it (:mod:`.png`).
"""

from __future__ import annotations

import os

import numpy as np

__all__ = ["imread"]


def imread(fname, format: str | None = None) -> np.ndarray:
    """An image file as an array, as matplotlib's ``imread`` gives it: a PNG as float32
    in 0..1, shaped (M, N) for grey, (M, N, 3) for RGB, else (M, N, 4) (palettes and grey
    with alpha become RGBA);
    other formats (JPEG, TIFF, ...) as Pillow decodes them (uint8 for 8-bit files).
    ``fname`` is a path or a binary file object; ``format`` names the format of a file
    object whose name does not tell it ('png', 'jpg', ...).

    >>> img = imread("photo.png")  # float32, values 0..1
    """
    try:
        from PIL import Image
    except ImportError as e:  # an optional dependency: say which
        raise ImportError("imread reads image files with Pillow: pip install pillow") from e
    if isinstance(fname, str) and fname.startswith(("http://", "https://", "ftp://")):
        raise ValueError(f"fname: got the URL {fname!r}; expected a path or a file object "
                         "(open the URL with urllib and pass the response, as matplotlib)")
    if not isinstance(fname, (str, os.PathLike)) and not hasattr(fname, "read"):
        raise TypeError(f"fname: got {type(fname).__name__}, expected a path or a binary "
                        "file object")
    if format is not None and not isinstance(format, str):
        raise TypeError(f"format: got {type(format).__name__}, expected a str such as 'png'")
    with Image.open(fname) as img:
        kind = (img.format or format or "").upper()
        if img.mode == "1":
            img = img.convert("L")
        elif img.mode not in ("RGBA", "RGBX", "RGB", "L") and not img.mode.startswith("I;16"):
            img = img.convert("RGBA")  # palettes, grey with alpha, CMYK, ...: as matplotlib
        arr = np.asarray(img)
    if kind != "PNG":
        return arr
    if arr.dtype == np.bool_:
        return arr.astype(np.float32)
    # integers of 8 or 16 bits per sample (Pillow gives 16-bit grey as int32): 0..1
    top = 65535.0 if arr.dtype.itemsize > 1 else 255.0
    return (arr.astype(np.float32) / np.float32(top)).astype(np.float32)
