"""Scene (e): 32 channels × 10 kHz streamed through a 10 s ring in 1/60 s blocks.

    python benchmarks/streams.py [--seconds 10] [--channels 32] [--rate 10000]
                                 [--size 1600x1000] [--frames N] [--json]

A 1600×1000 figure (offscreen) holds ``ax.stream(channels, capacity=rate * seconds,
dt=1/rate, stacked=True)``. Each frame pushes the next 1/60 s of samples (166 or 167
per channel) and redraws the figure: scrolling x axis, ticks and labels included.
The run pushes 1.5 × ``seconds`` of data (``floor.stream_blocks``, the floor's samples)
and times the last ``--frames`` (600 by default); the blocks before them are pushed
untimed and drawn once, so that the warm-up frame draws data. With the defaults the
ring is half full when the timing starts, fills at timed frame 299 and wraps (the x
axis scrolls) for the last 300.
Frame time = push + figure draw + GPU execution up to ``glFinish`` (what a window
pays before swapping buffers); the time to read the picture back into numpy is
reported apart. Also reported: bytes uploaded per push (texture rows: raw samples and
the min/max pyramid) and the time one push takes on the producer side.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time

import floor
import numpy as np


def run(seconds: float = 10.0, channels: int = 32, rate: int = 10_000,
        size: tuple[int, int] = (1600, 1000), frames: int | None = None) -> dict:
    import lumos
    from lumos.gpu.context import current

    fig, ax = lumos.subplots(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    capacity = int(rate * seconds)
    s = ax.stream(channels=channels, capacity=capacity, dt=1.0 / rate, stacked=True)
    # made before timing (data is not ours), the same as the floor's: 1.5 x the ring
    warm, blocks, filled = floor.stream_split(floor.stream_blocks(channels, seconds, rate),
                                              frames, seconds)
    # untimed: the first blocks pushed, then a frame with data, which makes the ring
    # textures and has llvmpipe compile the shader variants a frame with data uses
    # (until 2026-12-05 this frame drew an empty ring and the first timed frame
    # compiled them: 228 ms on a cold Mesa cache), as the floor's does
    for b in warm:
        s.push(b)
    fig.render()
    frames = len(blocks)
    canvas = fig.canvas
    executor = canvas._executor
    with current() as ctx:  # lumos's context, current here for the timed loop
        rings = [s.visual._raw, *s.visual._env.values()]
        frame_s, push_s, upload, ring_bytes, python_s, collections = [], [], [], [], [], []
        cpu_s = []  # calling-thread CPU per frame: all of it with LP_NUM_THREADS=0
        # the process's CPU per frame: with llvmpipe's threads, the calling thread's
        # (Python, vertex shading, binning: the frame's serial part) plus theirs
        process_s = []
        events: list[str] = []  # garbage collections ("start", "stop") as they happen
        gc.callbacks.append(on_gc := lambda phase, info: events.append(phase))
        for i in range(frames):
            versions = [r.texture.version for r in rings]
            collected = len(events)
            cpu, process = time.thread_time(), time.process_time()
            start = time.perf_counter()
            s.push(blocks[i])
            pushed = time.perf_counter()
            before = executor.uploaded_bytes
            fig.draw()
            frame = canvas.frame()
            python_s.append(time.perf_counter() - start)
            executor.render(frame, canvas._target.fbo)
            ctx.finish()
            frame_s.append(time.perf_counter() - start)
            cpu_s.append(time.thread_time() - cpu)
            process_s.append(time.process_time() - process)
            collections.append(len(events) > collected)  # a collection in this frame
            push_s.append(pushed - start)
            upload.append(executor.uploaded_bytes - before)
            # the stream's own texture rows (the rest is tick labels that changed);
            # changes_since counts texels (rows of the (h, w, 2) data counted them until
            # 2026-12-05: 512 times the bytes)
            ring_bytes.append(sum(
                (b - a) * r.texture.data[0, 0].nbytes
                for r, v in zip(rings, versions, strict=True)
                for a, b in r.texture.changes_since(v)))
        gc.callbacks.remove(on_gc)
        start = time.perf_counter()
        canvas._target.read()
        readback = time.perf_counter() - start
    worst = np.argsort(frame_s)[-max(frames // 100, 1):]  # the slowest 1 %
    slowest = [{"frame": int(i), "ms": 1000 * frame_s[i], "python_ms": 1000 * python_s[i],
                "gl_ms": 1000 * (frame_s[i] - python_s[i]),
                "cpu_ms": 1000 * cpu_s[i], "process_cpu_ms": 1000 * process_s[i],
                "uploaded_bytes": upload[i],
                "gc": collections[i]} for i in worst[::-1]]
    sample_bytes = [len(b) for b in blocks]
    return {
        "frames": frames, "warm_frames": len(warm), "ring_full_at_frame": filled,
        "channels": channels, "rate": rate, "capacity": capacity,
        "size": list(size),
        "frame_ms_mean": 1000 * statistics.mean(frame_s),
        "frame_ms_median": 1000 * statistics.median(frame_s),
        "frame_ms_worst": 1000 * max(frame_s),
        "frame_ms_p99": 1000 * float(np.percentile(frame_s, 99)),
        # calling-thread CPU: with LP_NUM_THREADS=0 (llvmpipe on this thread) a frame's
        # work apart from the time it waited for a core on a shared machine
        "frame_cpu_ms_mean": 1000 * statistics.mean(cpu_s),
        "frame_cpu_ms_p99": 1000 * float(np.percentile(cpu_s, 99)),
        "frame_cpu_ms_worst": 1000 * max(cpu_s),
        # the first timed frame's: a shader variant compiled there would show here
        "frame_cpu_ms_first": 1000 * cpu_s[0],
        "frame_process_cpu_ms_mean": 1000 * statistics.mean(process_s),
        # the slowest 1 % of frames: Python (push, figure, frame) and GL parts, uploads
        # and garbage collections, beside the mean frame's
        "worst_python_ms": 1000 * float(np.mean([python_s[i] for i in worst])),
        "worst_gl_ms": 1000 * float(np.mean([frame_s[i] - python_s[i] for i in worst])),
        "worst_uploaded_bytes": float(np.mean([upload[i] for i in worst])),
        "worst_with_gc": int(sum(collections[i] for i in worst)),
        "slowest": slowest,  # those frames one by one, the slowest first
        "python_ms_mean": 1000 * statistics.mean(python_s),
        "gl_ms_mean": 1000 * statistics.mean(np.subtract(frame_s, python_s)),
        "frames_with_gc": int(sum(collections)),
        "push_us_mean": 1e6 * statistics.mean(push_s),
        "uploaded_bytes_per_frame_mean": statistics.mean(upload),
        "stream_bytes_per_push_mean": statistics.mean(ring_bytes),
        "sample_bytes_per_push_mean": float(np.mean(sample_bytes)) * channels * 4,
        "readback_ms": 1000 * readback,
        "draws": len(canvas.frame().draws),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--channels", type=int, default=32)
    p.add_argument("--rate", type=int, default=10_000)
    p.add_argument("--size", default="1600x1000")
    p.add_argument("--frames", type=int, default=None,
                   help="frames to time, the last of the run's (default: the ring's 600)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    a = p.parse_args()
    w, h = (int(v) for v in a.size.split("x"))
    r = run(a.seconds, a.channels, a.rate, (w, h), a.frames)
    if a.json:
        json.dump(r, sys.stdout)
        print()
        return
    print(f"{r['channels']} channels × {r['rate']} Hz, {r['frames']} frames of 1/60 s "
          f"after {r['warm_frames']} untimed, capacity {r['capacity']} (full at timed frame "
          f"{r['ring_full_at_frame']}), {w}×{h}:")
    print(f"  frame time mean {r['frame_ms_mean']:.1f} ms, median {r['frame_ms_median']:.1f} "
          f"ms, p99 {r['frame_ms_p99']:.1f} ms, worst {r['frame_ms_worst']:.1f} ms; this "
          f"thread's CPU mean {r['frame_cpu_ms_mean']:.1f} ms, p99 {r['frame_cpu_ms_p99']:.1f} "
          f"ms, worst {r['frame_cpu_ms_worst']:.1f} ms (all of a frame's with LP_NUM_THREADS=0); "
          f"every thread's CPU mean {r['frame_process_cpu_ms_mean']:.1f} ms")
    print(f"  push {r['push_us_mean']:.0f} µs; the stream uploads "
          f"{r['stream_bytes_per_push_mean']:.0f} B per push for "
          f"{r['sample_bytes_per_push_mean']:.0f} B of new samples (samples and min/max "
          f"pyramid, whole texture rows); {r['uploaded_bytes_per_frame_mean']:.0f} B per "
          "frame with the tick labels")
    print(f"  the slowest 1 %: Python {r['worst_python_ms']:.1f} ms, GL {r['worst_gl_ms']:.1f} "
          f"ms, {r['worst_uploaded_bytes']:.0f} B uploaded, {r['worst_with_gc']} with a garbage "
          f"collection (mean frame: Python {r['python_ms_mean']:.1f} ms, GL "
          f"{r['gl_ms_mean']:.1f} ms; {r['frames_with_gc']} frames with a collection)")
    print("  the slowest frames: " + "; ".join(
        f"#{f['frame']} {f['ms']:.1f} ms (CPU {f['cpu_ms']:.1f}, Python {f['python_ms']:.1f}, "
        f"GL {f['gl_ms']:.1f}, "
        f"{f['uploaded_bytes'] / 1e3:.0f} kB{', a collection' if f['gc'] else ''})"
        for f in r["slowest"]))
    print(f"  reading the picture back: {r['readback_ms']:.1f} ms (not in the frame time); "
          f"{r['draws']} draws per frame")


if __name__ == "__main__":
    main()
