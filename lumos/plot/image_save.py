"""``pyplot.imsave``: an array written as an image file, one file pixel per array
element, as matplotlib's ``imsave`` writes it (a scalar field through a colormap, RGB(A)
as it is; PNG, JPEG, TIFF, ... through Pillow, SVG and PDF through a figure)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np

from ..colors import Normalize, get_cmap
from ..io.atomic import atomic_write
from .style import rcParams

_VECTOR = ("pdf", "svg", "eps", "ps")


def _rgba_bytes(arr: np.ndarray, vmin, vmax, cmap) -> np.ndarray:
    """(M, N, 4) uint8 colors of ``arr``, as matplotlib's ``to_rgba(arr, bytes=True)``."""
    if arr.ndim == 2:
        with np.errstate(all="ignore"):
            finite = np.where(np.isfinite(arr), arr, np.nan) if arr.dtype.kind == "f" else arr
            t = Normalize(vmin, vmax)(finite)
            rgba = np.asarray(get_cmap(cmap)(t), float)
        return np.clip(np.floor(rgba * 255 + 0.5), 0, 255).astype(np.uint8)
    if arr.dtype == np.uint8:
        rgba = arr
    else:
        rgba = arr.astype(float)
        if not (np.nanmin(rgba) >= 0 and np.nanmax(rgba) <= 1):  # as matplotlib's to_rgba
            raise ValueError("arr: got RGB(A) floats outside 0..1, expected values in 0..1 "
                             "(or uint8)")
        rgba = (np.nan_to_num(rgba) * 255).astype(np.uint8)  # truncated, as matplotlib
    if rgba.shape[2] == 3:
        rgba = np.concatenate([rgba, np.full(rgba.shape[:2] + (1,), 255, np.uint8)], 2)
    return np.ascontiguousarray(rgba)


def imsave(fname, arr, vmin=None, vmax=None, cmap=None, format=None, origin=None,  # noqa: A002
           dpi=100, *, metadata=None, pil_kwargs=None) -> None:
    """Write ``arr`` as an image file of its size: an (M, N) array through ``cmap``
    between ``vmin`` and ``vmax`` (the data's range by default), an (M, N, 3|4) array as
    RGB(A) (uint8, or floats in 0..1). ``format`` ('png', 'jpg', 'tiff', 'pdf', 'svg',
    ...) defaults to the suffix of ``fname`` (a path or a binary file object), else
    ``rcParams['savefig.format']``; ``origin='lower'`` puts row 0 at the bottom;
    ``dpi`` is stored in the file; ``metadata`` (PNG text, SVG/PDF info) and
    ``pil_kwargs`` (Pillow's ``save``) as matplotlib's. A path is written whole or not
    at all.

    >>> imsave("field.png", z, cmap="magma")
    """
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    is_file = hasattr(fname, "write")
    if not is_file and not isinstance(fname, str):
        raise TypeError(f"fname: got {type(fname).__name__}, expected a path or a binary "
                        "file object")
    if format is None:
        suffix = Path(fname).suffix[1:] if isinstance(fname, str) else ""
        format = suffix or rcParams["savefig.format"]  # noqa: A001
    if not isinstance(format, str):
        raise TypeError(f"format: got {type(format).__name__}, expected a str such as 'png'")
    format = format.lower()  # noqa: A001
    origin = rcParams["image.origin"] if origin is None else origin
    if origin not in ("upper", "lower"):
        raise ValueError(f"origin: got {origin!r}, expected 'upper' or 'lower'")
    if metadata is not None and not isinstance(metadata, dict):
        raise TypeError(f"metadata: got {type(metadata).__name__}, expected a dict")
    if pil_kwargs is not None and not isinstance(pil_kwargs, dict):
        raise TypeError(f"pil_kwargs: got {type(pil_kwargs).__name__}, expected a dict")
    dpi_value = float(dpi) if isinstance(dpi, (int, float)) and not isinstance(dpi, bool) \
        else float("nan")
    if not (np.isfinite(dpi_value) and dpi_value > 0):
        raise ValueError(f"dpi: got {dpi!r}, expected a positive number")
    a = np.asanyarray(arr)
    if np.ma.is_masked(a):
        a = np.ma.filled(a.astype(float), np.nan) if a.ndim == 2 else np.ma.getdata(a)
    a = np.asarray(a)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"arr: got dtype {a.dtype}, expected numbers")
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (3, 4)) or 0 in a.shape:
        raise ValueError(f"arr: got shape {a.shape}, expected (M, N), (M, N, 3) or "
                         "(M, N, 4) with M, N > 0")
    if format in _VECTOR:
        _save_vector(fname, a, vmin, vmax, cmap, format, origin, dpi_value, metadata,
                     pil_kwargs)
        return
    rgba = _rgba_bytes(a, vmin, vmax, cmap)
    if origin == "lower":
        rgba = rgba[::-1]
    _save_raster(fname, is_file, rgba, format, dpi_value, metadata, pil_kwargs)


def _save_vector(fname, a, vmin, vmax, cmap, format, origin, dpi, metadata,  # noqa: A002
                 pil_kwargs) -> None:
    """SVG or PDF: a transparent figure of the array's size holding it as a figure image."""
    if pil_kwargs is not None:
        raise ValueError(f"pil_kwargs: got {pil_kwargs!r}; it is for Pillow's formats, not "
                         f"{format!r}")
    if format not in ("pdf", "svg"):
        raise ValueError(f"format: got {format!r}; lumos writes vector files as 'pdf' or "
                         "'svg'")
    from .figure import Figure

    h, w = a.shape[:2]
    fig = Figure(figsize=(w / dpi, h / dpi), dpi=dpi, frameon=False)
    fig.figimage(a, cmap=cmap, vmin=vmin, vmax=vmax, origin=origin)
    fig.savefig(fname, dpi=dpi, format=format, transparent=True, metadata=metadata)


def _save_raster(fname, is_file: bool, rgba: np.ndarray, format: str, dpi: float,  # noqa: A002
                 metadata, pil_kwargs) -> None:
    """PNG through lumos's writer (the one ``savefig`` uses); with ``pil_kwargs``, and
    JPEG, TIFF, ..., through Pillow, as matplotlib writes them."""
    from ..io.png import encode_png, file_metadata, write_png

    if format == "png" and pil_kwargs is None:
        text = file_metadata(metadata)
        if is_file:
            fname.write(encode_png(rgba, dpi, metadata=text))
        else:
            write_png(fname, rgba, dpi, metadata=text)
        return
    try:
        from PIL import Image, PngImagePlugin
    except ImportError as e:  # an optional dependency: say which
        raise ImportError(f"imsave writes {format!r} files (and any with pil_kwargs) with "
                          "Pillow: pip install pillow") from e

    kwargs = dict(pil_kwargs or {})  # the caller's dict stays as it is
    image = Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]),
                             np.ascontiguousarray(rgba), "raw", "RGBA", 0, 1)
    if format == "png":
        if "pnginfo" in kwargs and metadata:
            warnings.warn("imsave: metadata is overridden by the 'pnginfo' entry in "
                          "pil_kwargs (as matplotlib)", stacklevel=3)
        if "pnginfo" not in kwargs:
            info = PngImagePlugin.PngInfo()
            for k, v in file_metadata(metadata).items():
                if v is not None:
                    info.add_text(k, v)
            kwargs["pnginfo"] = info
    elif metadata is not None:
        raise ValueError(f"metadata: not supported for format {format!r} (PNG, SVG, PDF)")
    if format in ("jpg", "jpeg"):
        format = "jpeg"  # noqa: A001  (Pillow's name)
        face = rcParams["savefig.facecolor"]
        face = rcParams["figure.facecolor"] if face == "auto" else face
        from ..colors import to_rgb

        background = Image.new("RGB", image.size,
                               tuple(int(c * 255) for c in to_rgb(face)))
        background.paste(image, image)
        image = background
    kwargs.setdefault("format", format)
    kwargs.setdefault("dpi", (dpi, dpi))
    Image.init()  # every plugin's writer registered
    if str(kwargs["format"]).upper() not in Image.SAVE:
        raise ValueError(f"format: got {format!r}, which Pillow cannot write; expected "
                         "'png', 'jpg', 'tiff', 'webp', 'bmp', ... or 'pdf', 'svg'")
    if is_file:
        image.save(fname, **kwargs)
        return
    with atomic_write(fname, "wb") as f:
        image.save(f, **kwargs)
