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

# Agg's pixel snapping (path.snap, lumos/plot/snapping.py): a position in a view
# (window pixels from its viewport's corner, where the figure puts it exactly: the
# camera is shown at the view's exact rect, DrawContext.viewport; the viewport's edges
# are whole pixels) rounded to the nearest pixel edge, plus half a pixel (`off`) for a
# stroke an odd number of pixels wide; rows count from the top, so a y rounds as
# ceil(y - 0.5). Needs no uniform.
SNAP_LOCAL = """
vec2 snapped_local(vec2 l, float off) {
    return vec2(floor(l.x + 0.5) + off, ceil(l.y - 0.5) - off);
}
"""

# The same for window positions and clip positions, after SCREEN.
SNAP = SNAP_LOCAL + """
// half a pixel for a stroke `width` logical pixels wide that is an odd number of pixels
float snap_offset(float width) {
    return 0.5 * mod(floor(width * u_pixel_ratio + 0.5), 2.0);
}

vec2 snapped(vec2 s, float off) {
    return snapped_local(s - u_viewport.xy, off) + u_viewport.xy;
}

// a clip position (a 2D view's) with its window position snapped
vec4 snapped_clip(vec4 c, float width) {
    vec2 s = snapped(clip_to_window(c), snap_offset(width));
    return vec4(((s - u_viewport.xy) / u_viewport.zw * 2.0 - 1.0) * c.w, c.zw);
}
"""
