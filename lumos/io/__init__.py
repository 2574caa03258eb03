"""Files out of lumos: PNG, standalone HTML, SVG, PDF, PostScript/EPS and movies (MP4, WebM,
GIF, APNG).

Kept import-light: each format lives in its own module (``lumos.io.html``,
``lumos.io.svg``, ``lumos.io.movie``), every writer goes through ``lumos.io.atomic`` (a
file is written whole or not at all). SVG, PDF and PostScript consume the device-neutral
primitives of ``lumos.primitives`` (``Canvas.primitives``); PostScript through the PDF
writer's content stream (``lumos.io.ps``).
"""
