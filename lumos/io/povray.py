"""POV-Ray scenes of 3D views: the same camera, light, background and objects as the GL
picture, so that ``povray`` renders it at any resolution (ray traced: exact spheres and
cylinders, smooth meshes).

>>> canvas.save("scene.pov")                 # the first 3D view
>>> write_povray(canvas, "scene.pov", view=canvas.views[1])
$ povray +Iscene.pov +Oscene.png +W3200 +H2400 +A

What is written comes from each visual's ``primitives()``: spheres, cylinders and
triangle meshes (``lumos.primitives``) in world coordinates. Visuals without a 3D form
(volumes, lines, text) are left out with a warning naming them. The camera is the
view's (perspective or orthographic, the same field of view and aspect); the light is
the visual's lighting (a head light turns into a light fixed where the camera's is),
shadowless as in GL; the finish is the Phong material of ``lumos.visuals.lighting``.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np

from ..gpu.camera_math import camera_parts
from ..primitives import Cylinders, Mesh3D, Spheres
from ..scene.writers import register_writer
from ..visuals.lighting import HEAD_LIGHT, Lighting
from .atomic import atomic_write


def _vec(v) -> str:
    return "<{:.9g},{:.9g},{:.9g}>".format(*(float(x) for x in v))


def _rgbt(c) -> str:
    r, g, b, a = (float(x) for x in c)
    return f"rgbt <{r:.5g},{g:.5g},{b:.5g},{1 - a:.5g}>"


def _camera(camera: dict, aspect: float) -> tuple[str, np.ndarray, np.ndarray]:
    """POV-Ray camera block, the eye's world position and its rotation (world->eye)."""
    _, eye, center = camera_parts(camera, aspect)
    rot = eye[:3, :3]  # world -> eye rotation; eye sits at +d along its z
    d = -eye[2, 3]
    right, up, back = rot[0], rot[1], rot[2]
    location = center + back * d
    fov = float(camera.get("fov", 45.0))
    # (right, up, forward) is a left-handed triple in lumos's right-handed world: what
    # POV-Ray's default camera is, so nothing is mirrored
    if fov > 0:
        direction = -back * (0.5 / math.tan(math.radians(fov) / 2))
        block = (f"camera {{\n  perspective\n  location {_vec(location)}\n"
                 f"  direction {_vec(direction)}\n  right {_vec(right * aspect)}\n"
                 f"  up {_vec(up)}\n}}\n")
    else:
        block = (f"camera {{\n  orthographic\n  location {_vec(location)}\n"
                 f"  direction {_vec(-back)}\n  right {_vec(right * d * aspect)}\n"
                 f"  up {_vec(up * d)}\n}}\n")
    return block, location, rot


def _finish(lighting: Lighting) -> str:
    return (f"finish {{ ambient {lighting.ambient:g} diffuse {lighting.diffuse:g} "
            f"specular {lighting.specular:g} roughness {1 / lighting.shininess:.6g} }}")


def _light(lighting: Lighting, location: np.ndarray, rot: np.ndarray, center,
           radius: float) -> str:
    d = np.array(HEAD_LIGHT if lighting.direction is None else lighting.direction, float)
    if lighting.direction is None or not lighting.world:
        d = rot.T @ d  # eye space -> world
    d = d / np.linalg.norm(d)
    pos = np.asarray(center) + d * radius * 100
    return (f"light_source {{ {_vec(pos)} color rgb 1 parallel point_at {_vec(center)} "
            "shadowless }\n")


def _spheres(p: Spheres, finish: str) -> list[str]:
    colors = np.broadcast_to(p.colors, (len(p.centers), 4))
    return [f"sphere {{ {_vec(c)}, {r:.9g} texture {{ pigment {{ color {_rgbt(col)} }} "
            f"{finish} }} }}" for c, r, col in zip(p.centers, p.radii, colors, strict=True)
            if r > 0]


def _cylinders(p: Cylinders, finish: str) -> list[str]:
    colors = np.broadcast_to(p.colors, (len(p.starts), 4))
    return [f"cylinder {{ {_vec(a)}, {_vec(b)}, {r:.9g} open texture {{ pigment {{ color "
            f"{_rgbt(col)} }} {finish} }} }}"
            for a, b, r, col in zip(p.starts, p.ends, p.radii, colors, strict=True)
            if r > 0 and np.linalg.norm(b - a) > 0]


def _mesh(p: Mesh3D, finish: str) -> list[str]:
    n = len(p.vertices)
    colors = np.broadcast_to(p.colors, (n, 4))
    out = ["mesh2 {", f"  vertex_vectors {{ {n},"]
    out += ["    " + ",".join(_vec(v) for v in p.vertices[k: k + 4])
            + ("," if k + 4 < n else "") for k in range(0, n, 4)]
    out.append("  }")
    if p.normals is not None:
        out.append(f"  normal_vectors {{ {n},")
        out += ["    " + ",".join(_vec(v) for v in p.normals[k: k + 4])
                + ("," if k + 4 < n else "") for k in range(0, n, 4)]
        out.append("  }")
    out.append(f"  texture_list {{ {n},")
    out += [f"    texture {{ pigment {{ color {_rgbt(c)} }} {finish} }}" for c in colors]
    out.append("  }")
    m = len(p.faces)
    out.append(f"  face_indices {{ {m},")
    out += [f"    <{a},{b},{c}>,{a},{b},{c}" + ("," if k + 1 < m else "")
            for k, (a, b, c) in enumerate(p.faces)]
    out.append("  }")
    out.append("}")
    return out


def povray_text(canvas, view=None) -> str:
    """The POV-Ray scene of one 3D view of ``canvas`` (default: the first)."""
    views = [v for v in canvas.views if v.camera.kind != "panzoom"]
    if view is None:
        if not views:
            raise ValueError("canvas: no 3D view to write as a POV-Ray scene")
        view = views[0]
    elif view not in views:
        raise ValueError("view: got a view that is not a 3D view of this canvas")
    canvas.layout()
    _, _, w, h = view.rect
    camera = view.camera.to_dict((w, h))
    block, location, rot = _camera(camera, w / h)
    bg = view.bgcolor if view.bgcolor is not None else canvas.bgcolor
    lines = ["// written by lumos (lumos.io.povray)", "#version 3.7;",
             # colors as GL uses them: sRGB values, lit without linearizing
             "global_settings { assumed_gamma 2.2 ambient_light rgb 1 }",
             f"background {{ color {_rgbt(bg)} }}", block]
    bounds = view.bounds()
    center = np.asarray(camera.get("center", (0, 0, 0)), float)
    radius = float(np.linalg.norm(bounds[1] - bounds[0])) if bounds is not None else 1.0
    lights: set[str] = set()
    skipped: list[str] = []
    for visual in view.walk():
        if not visual.visible:
            continue
        make = getattr(visual, "primitives", None)
        prims = [p for p in (make() if make is not None else [])
                 if isinstance(p, (Spheres, Cylinders, Mesh3D))]
        if not prims:
            skipped.append(type(visual).__name__)
            continue
        lighting = getattr(visual, "lighting", None) or Lighting()
        lights.add(_light(lighting, location, rot, center, radius))
        finish = _finish(lighting)
        for p in prims:
            if isinstance(p, Spheres):
                lines += _spheres(p, finish)
            elif isinstance(p, Cylinders):
                lines += _cylinders(p, finish)
            else:
                lines += _mesh(p, finish)
    if skipped:
        warnings.warn(f"POV-Ray: no 3D form for {', '.join(sorted(set(skipped)))}: left out",
                      stacklevel=3)
    return "\n".join(lines[:5] + sorted(lights) + lines[5:]) + "\n"


def write_povray(canvas, path, view=None) -> Path:
    """Write the POV-Ray scene of one 3D view of ``canvas`` to ``path`` (atomically)."""
    text = povray_text(canvas, view)
    with atomic_write(path, "w") as f:
        f.write(text)
    return Path(path)


def _save_canvas(canvas, path, dpi: float | None = None) -> Path:
    return write_povray(canvas, path)


register_writer(".pov", _save_canvas)
