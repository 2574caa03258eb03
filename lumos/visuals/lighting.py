"""How 3D visuals are lit: one directional light and a Phong material, in GLSL and Python.

Surfaces, isosurfaces, volumes (``method="iso"``) and molecules share this model:

    rgb = base * (ambient + diffuse * max(n.l, 0)) + specular * max(n.h, 0)^shininess

with ``n`` the unit normal on the side seen (open surfaces are lit on both sides),
``l`` the light direction and ``h`` the half vector between ``l`` and the eye. The light
is a head light fixed to the camera (the default, a little above and to the left of the
eye, as lumos's Mesh) or fixed in the data (``Lighting(direction=(x, y, z))`` or
matplotlib's ``LightSource(azdeg, altdeg)``), and then it turns with the data when the
view rotates — in the browser too, since the eye-space direction is computed from
``u_modelview`` in the shader.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .base import check_number

HEAD_LIGHT = (-0.3, 0.5, 1.0)  # eye space: up-left of the eye, toward the scene

# Declares the uniforms it reads (u_modelview is the executors' built-in).
GLSL = """
uniform vec3 u_light;       // direction toward the light: eye space, or world space
uniform float u_light_world;  // 1: u_light is in world (data) space
uniform vec4 u_material;    // ambient, diffuse, specular, shininess
uniform mat4 u_modelview;

vec3 light_direction() {
    vec3 l = u_light_world > 0.5 ? (u_modelview * vec4(u_light, 0.0)).xyz : u_light;
    return normalize(l);
}

// base lit by the light; n: unit normal in eye space on the side seen (callers turn
// it with gl_FrontFacing or toward the eye), eye: eye-space position of the point
vec3 shade(vec3 base, vec3 n, vec3 eye, bool perspective) {
    vec3 v = perspective ? normalize(-eye) : vec3(0.0, 0.0, 1.0);
    vec3 l = light_direction();
    float diffuse = max(dot(n, l), 0.0);
    float specular = pow(max(dot(n, normalize(l + v)), 0.0), u_material.w);
    return base * (u_material.x + u_material.y * diffuse) + u_material.z * specular;
}
"""


@dataclass
class Lighting:
    """A directional light and a material.

    ``direction`` (x, y, z) points toward the light; None is the head light. ``world``
    says whether it is fixed in the data (True) or to the camera (False, the default
    with the head light).

    >>> Lighting()                                   # head light
    >>> Lighting(direction=(1, 1, 2), world=True)    # fixed in the data
    >>> Lighting.from_lightsource(LightSource(azdeg=315, altdeg=45))
    """

    direction: tuple[float, float, float] | None = None
    world: bool = False
    ambient: float = 0.3
    diffuse: float = 0.7
    specular: float = 0.25
    shininess: float = 40.0

    def __post_init__(self) -> None:
        if self.direction is not None:
            try:
                d = tuple(float(v) for v in self.direction)
            except (TypeError, ValueError):
                raise TypeError(f"direction: got {self.direction!r}, expected (x, y, z) "
                                "numbers or None") from None
            if len(d) != 3 or not all(math.isfinite(v) for v in d) or not any(d):
                raise ValueError(f"direction: got {self.direction!r}, expected 3 finite "
                                 "numbers, not all zero")
            self.direction = d
        for name in ("ambient", "diffuse", "specular"):
            setattr(self, name, check_number(getattr(self, name), name, 0.0))
        self.shininess = check_number(self.shininess, "shininess", 0.0, exclusive=True)

    @classmethod
    def from_lightsource(cls, lightsource, **material) -> Lighting:
        """A light fixed in the data from matplotlib's ``LightSource`` (or anything with
        ``azdeg``/``altdeg``: azimuth clockwise from north, altitude above the x-y
        plane, in degrees), as mplot3d's ``plot_surface(lightsource=...)`` reads it."""
        try:
            az, alt = float(lightsource.azdeg), float(lightsource.altdeg)
        except (AttributeError, TypeError, ValueError):
            raise TypeError(f"lightsource: got {lightsource!r}, expected an object with "
                            "azdeg and altdeg (matplotlib.colors.LightSource)") from None
        a, e = math.radians(90.0 - az), math.radians(alt)
        return cls(direction=(math.cos(a) * math.cos(e), math.sin(a) * math.cos(e),
                              math.sin(e)), world=True, **material)

    def shade(self, base: np.ndarray, normals: np.ndarray, eye: np.ndarray,
              modelview: np.ndarray, perspective: bool) -> np.ndarray:
        """The GLSL ``shade`` in numpy: ``base`` (N, 3) colors lit with eye-space unit
        ``normals`` (N, 3) at eye-space points ``eye`` (N, 3); ``modelview`` turns a
        light fixed in the data into eye space."""
        d = np.array(HEAD_LIGHT if self.direction is None else self.direction, float)
        if self.direction is not None and self.world:
            d = modelview[:3, :3] @ d
        light = d / np.linalg.norm(d)
        if perspective:
            with np.errstate(all="ignore"):
                v = -eye / np.linalg.norm(eye, axis=1, keepdims=True)
        else:
            v = np.broadcast_to([0.0, 0.0, 1.0], eye.shape)
        h = light + v
        with np.errstate(all="ignore"):
            h = h / np.linalg.norm(h, axis=1, keepdims=True)
        diffuse = np.maximum(normals @ light, 0.0)
        specular = np.maximum(np.nan_to_num((normals * h).sum(axis=1)), 0.0) ** self.shininess
        return np.clip(base * (self.ambient + self.diffuse * diffuse)[:, None]
                       + (self.specular * specular)[:, None], 0.0, 1.0)

    def uniforms(self) -> dict:
        d = HEAD_LIGHT if self.direction is None else self.direction
        world = self.direction is not None and self.world
        return {"u_light": np.array(d, float), "u_light_world": 1.0 if world else 0.0,
                "u_material": np.array([self.ambient, self.diffuse, self.specular,
                                        self.shininess])}


def as_lighting(value, lightsource=None) -> Lighting:
    """A Lighting from ``lighting`` (None, a Lighting or a dict of its fields) and
    an optional matplotlib ``lightsource``."""
    if lightsource is not None:
        extra = {} if value is None else _fields(value)
        extra.pop("direction", None)
        extra.pop("world", None)
        return Lighting.from_lightsource(lightsource, **extra)
    if value is None:
        return Lighting()
    return Lighting(**_fields(value))


def _fields(value) -> dict:
    if isinstance(value, Lighting):
        return dict(value.__dict__)
    if isinstance(value, dict):
        unknown = set(value) - set(Lighting.__dataclass_fields__)
        if unknown:
            raise TypeError(f"lighting: unknown keys {sorted(unknown)}, expected some of "
                            f"{sorted(Lighting.__dataclass_fields__)}")
        return dict(value)
    raise TypeError(f"lighting: got {type(value).__name__}, expected a Lighting, a dict or "
                    "None")
