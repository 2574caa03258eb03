"""The demo canvas: a 2D view and a 3D view side by side, saved as PNG and HTML.

Run with ``make demo``; prints the paths of what it wrote.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from lumos import geometry, scene, visuals


def build_canvas(pixel_ratio: float = 1.0) -> scene.Canvas:
    canvas = scene.Canvas(size=(1000, 500), pixel_ratio=pixel_ratio, bgcolor="white",
                          title="lumos demo")
    v2 = canvas.add_view(row=0, col=0, camera="panzoom")
    v3 = canvas.add_view(row=0, col=1, camera="turntable", bgcolor="#f4f6fb")

    # 2D: an image under a few lines and marker sets, with labels
    y, x = np.mgrid[-2:2:120j, -4:4:240j]
    z = np.sin(x * 1.3) * np.cos(y * 1.7) * np.exp(-(x ** 2 + y ** 2) / 12)
    img = visuals.Image((z + 1) / 2, cmap="viridis", clim=(0, 1), extent=(0, 10, -3, -1))
    v2.add(img)
    t = np.linspace(0, 10, 400)
    for k, color in enumerate(["C0", "C1", "C3"]):
        v2.add(visuals.Line(pos=np.c_[t, np.sin(t * (1 + 0.3 * k)) + 2.2 * k], color=color,
                            width=2.5))
    symbols = ["disc", "square", "triangle", "diamond", "cross", "plus", "star"]
    for k, symbol in enumerate(symbols):
        xs = 0.8 + k * 1.4
        v2.add(visuals.Markers(pos=[[xs, 6.6]], size=22, color=f"C{k}", symbol=symbol,
                               edge_color="black", edge_width=1.2))
    rng = np.random.default_rng(1)
    pts = rng.normal(size=(300, 2)) * [1.2, 0.35] + [5, -0.3]
    v2.add(visuals.Markers(pos=pts, size=6, color=np.c_[rng.uniform(0, 1, (300, 3)),
                                                         np.full(300, 0.8)]))
    v2.add(visuals.Text("2D: lines, markers, image", pos=(0.2, 7.8), font_size=16,
                        color="black", anchor_x="left"))
    v2.camera.set_range()

    # 3D: a smooth-shaded surface mesh and a flat-shaded icosahedron
    w = np.linspace(-3, 3, 60)
    u, v = np.meshgrid(w, w)
    verts, faces = geometry.surface(w, w, np.sinc(np.hypot(u, v)) * 2)
    v3.add(visuals.Mesh(vertices=verts, faces=faces, color=(0.2, 0.6, 1, 1), shading="smooth"))
    v3.add(visuals.Text("3D: turntable", pos=(0, 0, 2.6), font_size=16, color="black"))
    v3.camera.set_range()
    return canvas


def render_gallery(out: Path) -> list[Path]:
    """Run every gallery script (examples/gallery) into ``out``."""
    import runpy

    import lumos.pyplot as plt

    paths = []
    argv = sys.argv
    for script in sorted((Path(__file__).parent / "gallery").glob("*.py")):
        target = out / f"{script.stem}.png"
        sys.argv = [str(script), str(target)]
        try:
            # a script's rc changes and style sheets end with it (styles.py's ggplot
            # dressed every later script), as in tests/test_gallery.py
            with plt.rc_context():
                runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = argv
            plt.close("all")
        paths.append(target)
    return paths


def render_bigdata(out: Path) -> list[Path]:
    """Run the big-data examples (examples/bigdata) at their reduced size: each writes
    its own large file in chunks; LUMOS_BIGDATA_FULL=1 runs the full sizes."""
    import runpy

    import lumos.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    argv = sys.argv
    for script in sorted((Path(__file__).parent / "bigdata").glob("*.py")):
        target = out / f"{script.stem}.png"
        sys.argv = [str(script), str(target)]
        try:
            runpy.run_path(str(script), run_name="__main__")
        finally:
            sys.argv = argv
            plt.close("all")
        paths.append(target)
    return paths


def render_science(out: Path) -> list[Path]:
    """The 3D science examples (examples/science) as PNG, HTML and POV-Ray scenes."""
    import importlib.util

    paths = []
    for script in sorted((Path(__file__).parent / "science").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"science_{script.stem}", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        built = module.build_canvas()
        canvas = built[0] if isinstance(built, tuple) else built
        paths += [canvas.save(out / f"{script.stem}.png"),
                  canvas.save(out / f"{script.stem}.html")]
        if script.stem == "peptide":  # ray traced at any size: povray +Ipeptide.pov +W3000
            paths.append(canvas.save(out / f"{script.stem}.pov"))
    return paths


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
    (out / "gallery").mkdir(parents=True, exist_ok=True)
    (out / "science").mkdir(parents=True, exist_ok=True)
    canvas = build_canvas()
    paths = [canvas.save(out / "demo.png"), canvas.save(out / "demo.html")]
    hi = build_canvas(pixel_ratio=2)
    paths.append(hi.save(out / "demo@2x.png"))
    paths += render_gallery(out / "gallery")
    paths += render_bigdata(out / "bigdata")
    paths += render_science(out / "science")
    for p in paths:
        print(p.resolve())


if __name__ == "__main__":
    main()
