"""Reliability numbers: the context's limits, memory of dropped figures, a tiled poster.

    python benchmarks/reliability.py [--json] [--figures 200] [--poster 20000]

Each part runs in a fresh process (RSS is per process):

- limits: what lumos's headless context reports (texture, renderbuffer, viewport, samples);
- dropped: RSS before and after ``--figures`` object-API figures (matplotlib's default
  size, a line, a scatter and an image each) are rendered and dropped without close();
- poster: a ``--poster``² pixel figure rendered (beyond the framebuffer limit: in tiles)
  and saved as PNG; seconds and the peak RSS.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

LIMITS = """
import json, lumos
lim = lumos.gpu.limits()
print(json.dumps(lim.__dict__ | {"max_target_size": lim.max_target_size}))
"""

DROPPED = """
import gc, json, os, sys, numpy as np, lumos

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

def one():
    fig, ax = lumos.subplots()
    ax.plot(np.arange(1000), np.sin(np.arange(1000)))
    ax.scatter(np.arange(100), np.arange(100))
    ax.imshow(np.random.rand(50, 50))
    fig.render()

one(); gc.collect()
first = rss_mb()
for i in range(int(sys.argv[1])):
    one()
    if i % 20 == 19:
        gc.collect()
gc.collect(); one(); gc.collect()
print(json.dumps({"figures": int(sys.argv[1]), "rss_first_mb": first, "rss_after_mb": rss_mb()}))
"""

POSTER = """
import json, sys, tempfile, time, numpy as np, lumos
from pathlib import Path
side = int(sys.argv[1])
fig, ax = lumos.subplots(figsize=(side / 1000, side / 1000), dpi=1000)
x = np.linspace(0, 20, 20000)
ax.plot(x, np.sin(x), lw=3)
ax.scatter(x[::500], np.cos(x[::500]), s=200)
ax.set_title("poster")
fig.render(dpi=10)  # shaders compiled, fonts loaded
start = time.perf_counter()
img = fig.render()
rendered = time.perf_counter() - start
assert img.shape == (side, side, 4) and (img[..., :3] < 128).any()
del img
with tempfile.TemporaryDirectory() as tmp:
    start = time.perf_counter()
    fig.savefig(Path(tmp) / "poster.png")
    saved = time.perf_counter() - start
    size = (Path(tmp) / "poster.png").stat().st_size
peak = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(json.dumps({"side": side, "render_s": rendered, "savefig_s": saved,
                  "png_mb": size / 2**20, "peak_rss_mb": peak / 1024}))
"""


def run(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--figures", type=int, default=200)
    p.add_argument("--poster", type=int, default=20000)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    result = {"limits": run(LIMITS), "dropped": run(DROPPED, str(args.figures)),
              "poster": run(POSTER, str(args.poster))}
    if args.json:
        print(json.dumps(result))
        return
    lim, d, po = result["limits"], result["dropped"], result["poster"]
    print(f"limits: texture {lim['max_texture_size']}, renderbuffer "
          f"{lim['max_renderbuffer_size']}, viewport {lim['max_viewport_dims']}, "
          f"samples {lim['max_samples']}")
    print(f"{d['figures']} dropped figures: RSS {d['rss_first_mb']:.0f} -> "
          f"{d['rss_after_mb']:.0f} MB")
    print(f"{po['side']}² poster: render {po['render_s']:.1f} s, savefig "
          f"{po['savefig_s']:.1f} s, PNG {po['png_mb']:.1f} MB, peak RSS "
          f"{po['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
