"""GLSL pieces shared by several visuals (common subset of GLSL 3.30 / ES 3.00)."""

# Window-pixel helpers: u_viewport is [x, y, w, h] in GL window pixels.
SCREEN = """
uniform mat4 u_mvp;
uniform vec4 u_viewport;
uniform float u_pixel_ratio;

vec2 clip_to_window(vec4 c) {
    return (c.xy / c.w * 0.5 + 0.5) * u_viewport.zw + u_viewport.xy;
}

vec4 window_to_clip(vec2 p, float ndc_z) {
    return vec4((p - u_viewport.xy) / u_viewport.zw * 2.0 - 1.0, ndc_z, 1.0);
}

// Off-screen position for primitives that must not draw (NaN data, behind camera).
const vec4 DISCARDED = vec4(2.0, 2.0, 2.0, 1.0);
"""
