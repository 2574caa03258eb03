"""Ray-cast sphere and cylinder impostors: atoms and bonds with exact silhouettes and
depth, drawn the same by both executors.

A sphere is one instanced quad facing the eye, just large enough to hold the sphere's
silhouette under perspective (the tangent cone meets the quad's plane in a circle of
radius ``r d / sqrt(d² - r²)``); a cylinder is one instanced box around it. The
fragment shader intersects the pixel's ray with the exact shape, lights the hit point,
darkens an outline band at the silhouette and writes ``gl_FragDepth``, so impostors
intersect each other and meshes correctly. Silhouettes are antialiased: the fragment's
coverage (how far the ray passes outside the shape, in pixels) goes out as alpha, which
alpha to coverage and blending turn into partial pixels in any draw order
(``docs/frame.md``, render state).

Centres are read from a float texture (``u_positions``, RGBA: x, y, z and 1 for a
finite point, 0 to skip it) by instance number, and colors from a byte texture, so a
trajectory frame uploads only positions and bonds (pairs of atom numbers) never change.
"""

from __future__ import annotations

import numpy as np

from ..gpu.resources import Texture
from ..shaders import ShaderTemplate
from .lighting import GLSL as LIGHTING_GLSL

TEXTURE_WIDTH = 1024  # texels a row of the position and color textures

_COMMON = """
uniform mat4 u_modelview;
uniform mat4 u_projection;
uniform vec4 u_viewport;
uniform sampler2D u_positions;
uniform sampler2D u_colors;
uniform int u_width;
const vec4 DISCARDED = vec4(2.0, 2.0, 2.0, 1.0);

ivec2 texel_of(uint i) {
    return ivec2(int(i % uint(u_width)), int(i / uint(u_width)));
}

// eye-space length of one physical pixel at eye depth z
float pixel_size(float z, bool perspective) {
    return (perspective ? 2.0 * max(-z, 1e-30) : 2.0) / (u_projection[1][1] * u_viewport.w);
}
"""

_FRAGMENT_COMMON = LIGHTING_GLSL + """
uniform mat4 u_projection;
uniform vec4 u_outline_color;
uniform float u_outline;      // outline width, logical pixels
uniform float u_pixel_ratio;
out vec4 f_color;

// color, coverage and depth of a hit (n: unit normal; edge: pixels outside the
// silhouette, negative inside)
void finish(vec4 base, vec3 hit, vec3 n, float edge, bool perspective) {
    float coverage = clamp(0.5 - edge, 0.0, 1.0);
    vec3 rgb = shade(base.rgb, n, hit, perspective);
    float band = clamp(edge + u_outline * u_pixel_ratio + 0.5, 0.0, 1.0);
    rgb = mix(rgb, u_outline_color.rgb, band * u_outline_color.a * step(0.001, u_outline));
    // alpha to coverage and blending each apply alpha: sqrt makes their product coverage
    f_color = vec4(rgb, sqrt(coverage) * base.a);
    vec4 clip = u_projection * vec4(hit, 1.0);
    gl_FragDepth = clamp(0.5 * clip.z / clip.w + 0.5, 0.0, 1.0);
}
"""

SPHERES = ShaderTemplate(
    vertex=_COMMON + """
uniform float u_scale;
in float a_radius;
out vec3 v_point;
flat out vec3 v_center;
flat out float v_radius;
flat out vec4 v_color;
flat out float v_px;

void main() {
    ivec2 tc = texel_of(uint(gl_InstanceID));
    vec4 c = texelFetch(u_positions, tc, 0);
    float r = a_radius * u_scale * length(u_modelview[0].xyz);
    vec3 ce = (u_modelview * vec4(c.xyz, 1.0)).xyz;
    bool perspective = u_projection[3][3] < 0.5;
    float d = length(ce);
    if (c.w < 0.5 || r <= 0.0 || (perspective && d <= r * 1.0001)) {
        gl_Position = DISCARDED;  // missing, or the eye is inside the sphere
        return;
    }
    float px = pixel_size(ce.z, perspective);
    vec3 w = perspective ? ce / d : vec3(0.0, 0.0, -1.0);
    vec3 u = normalize(cross(abs(w.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0), w));
    vec3 v = cross(w, u);
    float half_size = (perspective ? r * d / sqrt(d * d - r * r) : r) + 2.0 * px;
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;
    vec3 p = ce + (corner.x * u + corner.y * v) * half_size;
    gl_Position = u_projection * vec4(p, 1.0);
    v_point = p;
    v_center = ce;
    v_radius = r;
    v_color = texelFetch(u_colors, tc, 0);
    v_px = px;
}
""",
    fragment=_FRAGMENT_COMMON + """
in vec3 v_point;
flat in vec3 v_center;
flat in float v_radius;
flat in vec4 v_color;
flat in float v_px;

void main() {
    bool perspective = u_projection[3][3] < 0.5;
    vec3 ro = perspective ? vec3(0.0) : vec3(v_point.xy, 0.0);
    vec3 rd = perspective ? normalize(v_point) : vec3(0.0, 0.0, -1.0);
    vec3 oc = ro - v_center;
    float b = dot(oc, rd);
    float q = max(dot(oc, oc) - b * b, 0.0);  // squared distance of the ray to the centre
    float edge = (sqrt(q) - v_radius) / v_px;
    if (edge >= 0.5) discard;
    float h = v_radius * v_radius - q;
    vec3 hit = ro + (-b - sqrt(max(h, 0.0))) * rd;
    vec3 n = normalize(hit - v_center);
    finish(v_color, hit, n, edge, perspective);
}
""",
)

# The 36 corners (x + 2y + 4z of the unit box) of its 12 triangles, counter-clockwise
# seen from outside in a right-handed frame: back faces can be culled.
_BOX = [4, 6, 2, 4, 2, 0, 1, 3, 7, 1, 7, 5, 0, 1, 5, 0, 5, 4, 6, 7, 3, 6, 3, 2,
        2, 3, 1, 2, 1, 0, 4, 5, 7, 4, 7, 6]

CYLINDERS = ShaderTemplate(
    vertex=_COMMON + f"""
const int BOX[36] = int[36]({", ".join(map(str, _BOX))});
uniform float u_radius;
in uvec2 a_pair;
out vec3 v_point;
flat out vec3 v_a;
flat out vec3 v_b;
flat out vec4 v_color_a;
flat out vec4 v_color_b;
flat out float v_radius;
flat out float v_px;

void main() {{
    vec4 a = texelFetch(u_positions, texel_of(a_pair.x), 0);
    vec4 b = texelFetch(u_positions, texel_of(a_pair.y), 0);
    vec3 ea = (u_modelview * vec4(a.xyz, 1.0)).xyz;
    vec3 eb = (u_modelview * vec4(b.xyz, 1.0)).xyz;
    float len = length(eb - ea);
    float r = u_radius * length(u_modelview[0].xyz);
    if (a.w < 0.5 || b.w < 0.5 || len <= 0.0 || r <= 0.0) {{
        gl_Position = DISCARDED;
        return;
    }}
    bool perspective = u_projection[3][3] < 0.5;
    float px = max(pixel_size(ea.z, perspective), pixel_size(eb.z, perspective));
    vec3 w = (eb - ea) / len;
    vec3 u = normalize(cross(abs(w.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0), w));
    vec3 v = cross(w, u);  // (u, v, w) right-handed: the box's faces keep their winding
    int k = BOX[gl_VertexID];
    vec3 side = vec3(float(k & 1), float((k >> 1) & 1), float(k >> 2)) * 2.0 - 1.0;
    float R = r + 2.0 * px;
    vec3 p = ea + (eb - ea) * (side.z * 0.5 + 0.5) + side.x * R * u + side.y * R * v;
    gl_Position = u_projection * vec4(p, 1.0);
    v_point = p;
    v_a = ea;
    v_b = eb;
    v_color_a = texelFetch(u_colors, texel_of(a_pair.x), 0);
    v_color_b = texelFetch(u_colors, texel_of(a_pair.y), 0);
    v_radius = r;
    v_px = px;
}}
""",
    fragment=_FRAGMENT_COMMON + """
in vec3 v_point;
flat in vec3 v_a;
flat in vec3 v_b;
flat in vec4 v_color_a;
flat in vec4 v_color_b;
flat in float v_radius;
flat in float v_px;

void main() {
    bool perspective = u_projection[3][3] < 0.5;
    vec3 ro = perspective ? vec3(0.0) : vec3(v_point.xy, 0.0);
    vec3 rd = perspective ? normalize(v_point) : vec3(0.0, 0.0, -1.0);
    float len = length(v_b - v_a);
    vec3 w = (v_b - v_a) / len;
    vec3 ao = ro - v_a;
    vec3 dp = rd - dot(rd, w) * w;
    vec3 op = ao - dot(ao, w) * w;
    float a2 = dot(dp, dp);
    if (a2 < 1e-10) discard;  // looking down the axis: the atoms cover it
    float b2 = dot(dp, op);
    float q = max(dot(op, op) - b2 * b2 / a2, 0.0);  // squared ray-axis distance
    float edge = (sqrt(q) - v_radius) / v_px;
    if (edge >= 0.5) discard;
    float h = max(b2 * b2 - a2 * (dot(op, op) - v_radius * v_radius), 0.0);
    vec3 hit = ro + ((-b2 - sqrt(h)) / a2) * rd;
    float s = dot(hit - v_a, w);
    if (s < 0.0 || s > len) discard;  // open ends: the atoms cap them
    vec3 n = normalize(hit - v_a - s * w);
    finish(s < 0.5 * len ? v_color_a : v_color_b, hit, n, edge, perspective);
}
""",
)


def point_texture(local: np.ndarray, valid: np.ndarray, texture: Texture | None = None):
    """The RGBA float texture of points (x, y, z, valid) the impostors read, refilled in
    place when it has the same size (only changed rows are then uploaded)."""
    n = len(local)
    width = max(min(n, TEXTURE_WIDTH), 1)
    rows = max(-(-n // width), 1)
    data = np.zeros((rows * width, 4), np.float32)
    data[:n, :3] = np.where(valid[:, None], local, 0.0)
    data[:n, 3] = valid
    data = data.reshape(rows, width, 4)
    if texture is not None and texture.data.shape == data.shape:
        texture.set_data(data)
        return texture
    return Texture(data, filter="nearest")


def color_texture(rgba_bytes: np.ndarray) -> Texture:
    """The RGBA byte texture of per-point colors, laid out like ``point_texture``."""
    n = len(rgba_bytes)
    width = max(min(n, TEXTURE_WIDTH), 1)
    rows = max(-(-n // width), 1)
    data = np.zeros((rows * width, 4), np.uint8)
    data[:n] = rgba_bytes
    return Texture(data.reshape(rows, width, 4), filter="nearest")
