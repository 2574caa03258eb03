"""Files out of lumos: PNG, standalone HTML, movies (MP4, WebM, GIF, APNG).

Kept import-light: each format lives in its own module (``lumos.io.html``,
``lumos.io.movie``).
"""
