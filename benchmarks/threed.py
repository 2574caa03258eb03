"""3D scenes: lumos against scikit-image and VisPy, offscreen at 800 x 600.

    python benchmarks/threed.py [--json] [--only mc,surface,atoms,atoms_1e6,mip,translucent]

(a) marching cubes on a 256³ float32 volume (the MRI-like Shepp-Logan phantom of
    examples/science/phantom.py, level 0.4): lumos.marching_cubes against
    skimage.measure.marching_cubes (Lewiner, its default); best of 3.
(b) a 1000 x 1000 surface turning: the frame time of a redraw after the camera moved
    (median of 5), lumos Surface against VisPy's SurfacePlot.
(c) 10^5 atoms turning: lumos MoleculeVisual (spacefill, ray-cast sphere impostors)
    against VisPy's sphere impostor approach (Markers with spherical shading, scaled
    with the scene), median of 5.
(d) 10^6 atoms: lumos only: time to build, to draw the first frame, and a turning frame.
(e) 256³ volume, MIP and translucent: lumos Volume against VisPy's Volume visual
    (median of 3 frames); translucent with the same transfer function (opacity 0 to
    0.1 over the range, inferno).
Memory: each scene runs in a fresh process; "added" is the resident memory the scene
added after its first frame (RSS) beside the bytes of its input arrays.

Each measurement runs in its own process (``worker LIB SCENE``, one JSON line).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
W, H = 800, 600
ENV = {"EGL_PLATFORM": "surfaceless", "XDG_RUNTIME_DIR": tempfile.gettempdir()}
SCENES = ("mc", "surface", "atoms", "atoms_1e6", "mip", "translucent")
PEER = {"mc": "skimage", "surface": "vispy", "atoms": "vispy", "atoms_1e6": None,
        "mip": "vispy", "translucent": "vispy"}
MB = 1 << 20


def rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def phantom(n: int):
    import numpy as np

    spec = importlib.util.spec_from_file_location("phantom", HERE.parent / "examples" /
                                                  "science" / "phantom.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return np.ascontiguousarray(mod.mri_like(mod.shepp_logan(n)), dtype=np.float32)


def surface_data(n: int = 1000):
    import numpy as np

    x = np.linspace(-3, 3, n, dtype=np.float32)
    X, Y = np.meshgrid(x, x)
    return x, (np.sin(X * 2) * np.cos(Y * 2) * np.exp(-(X ** 2 + Y ** 2) / 8)).astype(np.float32)


def atoms(n: int):
    import numpy as np

    rng = np.random.default_rng(0)
    side = (n / 0.05) ** (1 / 3)  # 0.05 atoms per Å³, as in a protein
    return rng.random((n, 3)) * side, rng.choice(["C", "N", "O", "S"], n, p=[.6, .2, .18, .02])


# -- lumos --------------------------------------------------------------------------
def lumos_scene(scene_name: str) -> dict:
    import lumos
    from lumos import scene

    if scene_name == "mc":
        vol = phantom(256)
        lumos.marching_cubes(vol[96:160, 96:160, 96:160], 0.4)  # tables built, code warm
        times = []
        for _ in range(3):
            t = time.perf_counter()
            v, f, _, _ = lumos.marching_cubes(vol, 0.4)
            times.append(time.perf_counter() - t)
        return {"time": min(times), "faces": len(f)}
    canvas = scene.Canvas(size=(W, H))
    view = canvas.add_view(camera="turntable")
    base = rss()
    if scene_name == "surface":
        from lumos.visuals.surface import Surface

        x, z = surface_data()
        inputs = x.nbytes * 2 + z.nbytes
        view.add(Surface(x, x, z, cmap="viridis"))
    elif scene_name in ("atoms", "atoms_1e6"):
        from lumos.visuals.molecule import MoleculeVisual

        n = 100_000 if scene_name == "atoms" else 1_000_000
        pos, els = atoms(n)
        inputs = pos.nbytes + els.nbytes
        t = time.perf_counter()
        view.add(MoleculeVisual(lumos.Molecule(els, pos), style="spacefill"))
        build = time.perf_counter() - t
    else:
        from lumos.visuals.volume import Volume

        vol = phantom(256)
        inputs = vol.nbytes
        view.add(Volume(vol, method=scene_name, cmap="inferno", clim=(0, 1)))
    view.camera.set_range()
    t = time.perf_counter()
    canvas.render()
    first = time.perf_counter() - t
    added = rss() - base
    frames = []
    for _ in range(3 if scene_name in ("mip", "translucent") else 5):
        view.camera.azimuth += 10.0
        t = time.perf_counter()
        canvas.render()
        frames.append(time.perf_counter() - t)
    out = {"frame": statistics.median(frames), "first": first, "added_mb": added / MB,
           "input_mb": inputs / MB}
    if scene_name == "atoms_1e6":
        out["build"] = build
    if scene_name in ("surface", "atoms"):
        # the same frames without multisampling, as the peer draws them (4 samples cost
        # about 4x the fragments on a software rasterizer)
        for visual in view.walk():
            type(visual).needs_multisampling = False
        canvas.render()
        single = []
        for _ in range(5):
            view.camera.azimuth += 10.0
            t = time.perf_counter()
            canvas.render()
            single.append(time.perf_counter() - t)
        out["frame_1x"] = statistics.median(single)
    return out


# -- peers -----------------------------------------------------------------------------
def skimage_scene(scene_name: str) -> dict:
    from skimage.measure import marching_cubes

    vol = phantom(256)
    marching_cubes(vol[96:160, 96:160, 96:160], 0.4)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        v, f, _, _ = marching_cubes(vol, 0.4)
        times.append(time.perf_counter() - t)
    return {"time": min(times), "faces": len(f)}


def vispy_scene(scene_name: str) -> dict:
    import numpy as np
    import vispy

    vispy.use(app="egl")
    from vispy import scene

    canvas = scene.SceneCanvas(size=(W, H), show=False, bgcolor="white")
    view = canvas.central_widget.add_view()
    view.camera = scene.TurntableCamera(fov=45)
    base = rss()
    if scene_name == "surface":
        x, z = surface_data()
        inputs = x.nbytes * 2 + z.nbytes
        scene.visuals.SurfacePlot(x=x, y=x, z=z, shading="smooth", color=(0.2, 0.5, 0.9, 1),
                                  parent=view.scene)
        view.camera.set_range()
    elif scene_name == "atoms":
        pos, els = atoms(100_000)
        inputs = pos.nbytes + els.nbytes
        from lumos.molecule import Molecule  # CPK colors and radii, as lumos uses

        mol = Molecule(els, pos, bonds=np.zeros((0, 2)))
        markers = scene.visuals.Markers(spherical=True, scaling=True, parent=view.scene)
        markers.set_data(pos.astype(np.float32), size=2 * mol.radii("vdw"),
                         face_color=mol.element_colors(), edge_width=0)
        view.camera.set_range()
    else:
        vol = phantom(256)
        inputs = vol.nbytes
        cmap = "inferno"
        if scene_name == "translucent":
            # the transfer function lumos uses by default (opacity 0 to 0.1 over the
            # range): VisPy reads opacity from the colormap's alpha
            from vispy.color import Colormap

            from lumos.colors import get_cmap

            lut = get_cmap("inferno").lut(256) / 255.0
            lut[:, 3] = np.linspace(0.0, 0.1, 256)
            cmap = Colormap(lut)
        scene.visuals.Volume(vol, method=scene_name, cmap=cmap, clim=(0, 1),
                             parent=view.scene)
        view.camera.set_range()
    t = time.perf_counter()
    canvas.render()
    first = time.perf_counter() - t
    added = rss() - base
    frames = []
    for _ in range(3 if scene_name in ("mip", "translucent") else 5):
        view.camera.azimuth += 10.0
        t = time.perf_counter()
        canvas.render()
        frames.append(time.perf_counter() - t)
    return {"frame": statistics.median(frames), "first": first, "added_mb": added / MB,
            "input_mb": inputs / MB}


WORKERS = {"lumos": lumos_scene, "skimage": skimage_scene, "vispy": vispy_scene}


def run(lib: str, scene_name: str) -> dict:
    env = {**os.environ, **ENV}
    r = subprocess.run([sys.executable, __file__, "worker", lib, scene_name], env=env,
                       capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1][:120]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def rows(results: dict) -> list[str]:
    out = []
    for name, (ours, peer_name, peer) in results.items():
        if "error" in ours:
            out.append(f"| 3D {name} | lumos failed: {ours['error']} | – | – |")
            continue
        if name == "mc":
            line = f"| (a) marching cubes, 256³ float32 phantom ({ours['faces']} faces) | " \
                   f"{ours['time']:.2f} s |"
            if peer and "error" not in peer:
                line += f" {peer['time']:.2f} s (scikit-image, Lewiner) | " \
                        f"{ours['time'] / peer['time']:.2f} (target ≤ 0.3) |"
            else:
                line += " – | – |"
            out.append(line)
            continue
        label = {"surface": "(b) 1000 × 1000 surface turning",
                 "atoms": "(c) 10^5 atoms turning (spacefill impostors)",
                 "atoms_1e6": "(d) 10^6 atoms", "mip": "(e) 256³ volume, MIP",
                 "translucent": "(e) 256³ volume, translucent"}[name]
        single = (f", {ours['frame_1x'] * 1000:.0f} ms without multisampling"
                  if "frame_1x" in ours else "")
        detail = (f"frame {ours['frame'] * 1000:.0f} ms{single} (first {ours['first']:.2f} s"
                  + (f", build {ours['build']:.2f} s" if "build" in ours else "")
                  + f"); memory +{ours['added_mb']:.0f} MB for {ours['input_mb']:.0f} MB "
                  "of input")
        line = f"| {label} | {detail} |"
        if peer and "error" not in peer:
            ratio = f"{ours['frame'] / peer['frame']:.2f}"
            if "frame_1x" in ours:
                ratio += f" ({ours['frame_1x'] / peer['frame']:.2f} single-sampled)"
            line += (f" frame {peer['frame'] * 1000:.0f} ms, +{peer['added_mb']:.0f} MB "
                     f"({peer_name}, no multisampling) | {ratio} (target ≤ 0.2) |")
        elif peer:
            line += f" {peer_name} failed: {peer['error']} | – |"
        else:
            line += " – | – |"
        out.append(line)
    return out


def measure(only=SCENES, log=print) -> dict:
    results = {}
    for name in only:
        log(f"3D: {name} (lumos)")
        ours = run("lumos", name)
        peer_name = PEER[name]
        peer = None
        if peer_name is not None:
            module = "skimage" if peer_name == "skimage" else "vispy"
            if importlib.util.find_spec(module) is None:
                peer = {"error": f"{module} not installed"}
            else:
                log(f"3D: {name} ({peer_name})")
                peer = run(peer_name, name)
        results[name] = (ours, peer_name, peer)
    return results


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "worker":
        print(json.dumps(WORKERS[sys.argv[2]](sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", default=",".join(SCENES))
    args = parser.parse_args()
    only = [s for s in args.only.split(",") if s]
    results = measure(only, log=lambda s: print(s, file=sys.stderr))
    if args.json:
        print(json.dumps({k: {"lumos": v[0], "peer": v[1], "peer_result": v[2]}
                          for k, v in results.items()}))
    else:
        print("\n".join(rows(results)))


if __name__ == "__main__":
    main()
