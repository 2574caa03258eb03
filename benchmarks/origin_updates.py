"""Thread CPU of rows changed in place in a 10^4 and a 10^6 point Markers batch and Line
(``lod=False``): 100 rows inside the points' bounds (the float64 origin, their centre,
stays: those rows alone are uploaded), 100 rows that move the bounds (every position
uploaded again about the new centre, as a new visual's), and every row of 10^6 moved a
little (scene (d)'s ``set_offsets``). Run with ``LP_NUM_THREADS=0``; alternate trees."""

import time

import numpy as np

from lumos import visuals
from lumos.visuals.base import Member


def _cost(fn, reps: int) -> float:
    fn()
    t = time.thread_time()
    for _ in range(reps):
        fn()
    return (time.thread_time() - t) / reps * 1e3


def _rows(n: int, rng) -> list[float]:
    """ms per update: markers centre kept, moved; line centre kept, moved."""
    xy = rng.normal(size=(n, 2))
    sizes = np.full(n, 5.0)
    m = visuals.Markers()
    m.set_members([Member("a", xy, "C0", sizes)])
    lo = int(np.setdiff1d(np.arange(n // 2, n // 2 + 1000), [*xy.argmin(0), *xy.argmax(0)])[0])
    x = np.linspace(0, 1, n)
    line = visuals.Line(np.c_[x, rng.normal(size=n)], lod=False)
    step = [0]

    def new_rows(outer: bool) -> np.ndarray:
        step[0] += 1
        new = 0.1 * rng.normal(size=(100, 2))
        if outer:
            new[0] = (50.0 + step[0] % 7, 50.0 + step[0] % 7)  # new maxima: the centre moves
        return new

    def markers(outer: bool) -> None:
        xy[lo : lo + 100] = new_rows(outer)
        m.set_members([Member("a", xy, "C0", sizes, {"pos": (lo, lo + 100)})])

    def lines(outer: bool) -> None:
        line.update_points(lo, np.c_[x[lo : lo + 100], new_rows(outer)[:, 1]])

    reps = 200 if n < 100_000 else 20
    return [_cost(lambda u=u, o=o: u(o), reps) for u in (markers, lines) for o in (False, True)]


def main() -> None:
    rng = np.random.default_rng(0)
    for n in (10_000, 1_000_000):
        got = _rows(n, rng)
        print(f"N={n:>8}: markers 100 rows, centre kept {got[0]:.3f} ms, moved {got[1]:.3f} ms;"
              f" line kept {got[2]:.3f} ms, moved {got[3]:.3f} ms")
    n = 1_000_000
    xy = rng.normal(size=(n, 2))
    sizes = np.full(n, 5.0)
    m = visuals.Markers()
    m.set_members([Member("a", xy, "C0", sizes)])
    times = []
    for _ in range(9):
        moved = xy + 0.01 * rng.normal(size=(n, 2))
        t = time.thread_time()
        m.set_members([Member("a", moved, "C0", sizes, {"pos": (0, n)})])
        times.append(time.thread_time() - t)
    print(f"every row of 10^6 moved a little: Markers.set_members {np.median(times) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
