"""Files out of lumos: HTML now; PNG, SVG, PDF, movies and POV-Ray later.

Kept import-light: each format lives in its own module (``lumos.io.html``).
"""
