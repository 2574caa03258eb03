"""The test volume of the lazy-volume tests: a blob and a dot in an N³ float32 grid."""

from __future__ import annotations

import numpy as np

N = 64


def field() -> np.ndarray:
    """An (N, N, N) float32 volume: a wide blob low in z and a small bright dot."""
    z, y, x = np.mgrid[0:N, 0:N, 0:N].astype(np.float32) / (N - 1)
    blob = np.exp(-((x - 0.5) ** 2 + (y - 0.5) ** 2) * 12) * np.exp(-((z - 0.3) ** 2) * 20)
    dot = 0.4 * np.exp(-((x - 0.2) ** 2 + (y - 0.7) ** 2 + (z - 0.6) ** 2) * 80)
    return (blob + dot).astype(np.float32)
