"""Agg's image filters as matplotlib resamples with them (``interpolation=``), as GLSL
for the image shader: each filter's kernel, its radius in texels at unit scale, and the
loop that weighs the texels under it, the kernel widened by the scale when the image is
shrunk (matplotlib's ``resample=True``), the image mirrored beyond its edges (Agg's
reflect wrap), colors averaged premultiplied."""

from __future__ import annotations

#: name: (radius in texels, GLSL body of ``float kernel(float x)`` for 0 <= x)
KERNELS = {
    "bilinear": (1.0, "return 1.0 - x;"),
    "hanning": (1.0, "return 0.5 + 0.5 * cos(PI * x);"),
    "hamming": (1.0, "return 0.54 + 0.46 * cos(PI * x);"),
    "hermite": (1.0, "return (2.0 * x - 3.0) * x * x + 1.0;"),
    "quadric": (1.5, """if (x < 0.5) return 0.75 - x * x;
    if (x < 1.5) { float t = x - 1.5; return 0.5 * t * t; }
    return 0.0;"""),
    "bicubic": (2.0, """// the cubic B-spline
    if (x < 1.0) return (4.0 - 6.0 * x * x + 3.0 * x * x * x) / 6.0;
    float t = 2.0 - x;
    return t * t * t / 6.0;"""),
    "catrom": (2.0, """if (x < 1.0) return 0.5 * (2.0 + x * x * (-5.0 + x * 3.0));
    if (x < 2.0) return 0.5 * (4.0 + x * (-8.0 + x * (5.0 - x)));
    return 0.0;"""),
    "mitchell": (2.0, """// Mitchell-Netravali, B = C = 1/3
    const float b = 1.0 / 3.0, c = 1.0 / 3.0;
    if (x < 1.0) return ((12.0 - 9.0 * b - 6.0 * c) * x * x * x
                         + (-18.0 + 12.0 * b + 6.0 * c) * x * x + (6.0 - 2.0 * b)) / 6.0;
    if (x < 2.0) return ((-b - 6.0 * c) * x * x * x + (6.0 * b + 30.0 * c) * x * x
                         + (-12.0 * b - 48.0 * c) * x + (8.0 * b + 24.0 * c)) / 6.0;
    return 0.0;"""),
    "spline16": (2.0, """if (x < 1.0) return ((x - 9.0 / 5.0) * x - 1.0 / 5.0) * x + 1.0;
    float t = x - 1.0;
    return ((-1.0 / 3.0 * t + 4.0 / 5.0) * t - 7.0 / 15.0) * t;"""),
    "spline36": (3.0, """if (x < 1.0)
        return ((13.0 / 11.0 * x - 453.0 / 209.0) * x - 3.0 / 209.0) * x + 1.0;
    if (x < 2.0) {
        float t = x - 1.0;
        return ((-6.0 / 11.0 * t + 270.0 / 209.0) * t - 156.0 / 209.0) * t;
    }
    float t = x - 2.0;
    return ((1.0 / 11.0 * t - 45.0 / 209.0) * t + 26.0 / 209.0) * t;"""),
    "gaussian": (2.0, "return exp(-2.0 * x * x) * sqrt(2.0 / PI);"),
    "kaiser": (1.0, """// I0(a sqrt(1 - x^2)) / I0(a), a = 6.33
    const float a = 6.33;
    return bessel_i0(a * sqrt(max(1.0 - x * x, 0.0))) / bessel_i0(a);"""),
    "bessel": (3.2383, "return x < 1e-6 ? PI / 4.0 : bessel_j1(PI * x) / (2.0 * x);"),
    "sinc": (None, "return sinc(x);"),
    "lanczos": (None, "return x > u_radius ? 0.0 : sinc(x) * sinc(x / u_radius);"),
    "blackman": (None, """if (x > u_radius) return 0.0;
    return sinc(x) * (0.42 + 0.5 * cos(PI * x / u_radius)
                          + 0.08 * cos(2.0 * PI * x / u_radius));"""),
}

#: the names ``Image.interpolation`` takes besides 'nearest' and 'bilinear': 'auto' is
#: matplotlib's default (hanning where the image is shrunk or enlarged less than 3 times
#: and not 1 or 2 times, nearest elsewhere)
FILTERS = ("auto", *(k for k in KERNELS if k != "bilinear"))


def radius(name: str, filterrad: float) -> float:
    """The filter's radius in texels at unit scale: ``filterrad`` (at least 2, as Agg)
    for sinc, lanczos and blackman."""
    r = KERNELS["hanning" if name == "auto" else name][0]
    return max(2.0, float(filterrad)) if r is None else r


_FUNCTIONS = """
uniform float u_radius;  // the kernel's radius in texels at unit scale
uniform float u_widen;   // 1: the kernel widens where the image shrinks (resample=True)
const float PI = 3.14159265358979;

float sinc(float x) {
    return x < 1e-6 ? 1.0 : sin(PI * x) / (PI * x);
}

float bessel_i0(float x) {  // the power series, to float precision for x <= 6.33
    float term = 1.0, sum = 1.0, q = x * x / 4.0;
    for (int k = 1; k < 30; k++) {
        term *= q / float(k * k);
        sum += term;
    }
    return sum;
}

float bessel_j1(float x) {  // polynomial fits (Abramowitz and Stegun 9.4.4, 9.4.6)
    if (x < 3.0) {
        float y = x * x / 9.0;
        return x * (0.5 + y * (-0.56249985 + y * (0.21093573 + y * (-0.03954289
                + y * (0.00443319 + y * (-0.00031761 + y * 0.00001109))))));
    }
    float y = 3.0 / x;
    float f = 0.79788456 + y * (0.00000156 + y * (0.01659667 + y * (0.00017105
              + y * (-0.00249511 + y * (0.00113653 - y * 0.00020033)))));
    float t = x - 2.35619449 + y * (0.12499612 + y * (0.00005650 + y * (-0.00637879
              + y * (0.00074348 + y * (0.00079824 - y * 0.00029166)))));
    return f * cos(t) / sqrt(x);
}

float kernel(float x) {
    %s
}

int mirror(int i, int n) {  // Agg's reflect wrap: -1 -> 0, n -> n - 1 (once: GLSL's
    // %% of a negative number is undefined)
    i = i < 0 ? -1 - i : i;
    i = i >= n ? 2 * n - 1 - i : i;
    return clamp(i, 0, n - 1);
}

#ifdef COLORED
uniform sampler2D u_colored;

// The taps along one axis of the kernel centred on ``t`` (texels i0..i1 every ``stride``,
// mirrored into 0..n-1, the kernel widened ``sc`` times) as linear fetches: centres
// ``pos`` weighed ``w``, two neighbouring taps of one sign one fetch between them (exact
// taps where the sign changes: lanczos, sinc); their count
int taps(float t, int i0, int i1, int stride, float sc, int n, out float pos[MAX_TAPS + 1],
         out float w[MAX_TAPS + 1]) {
    int m = 0;
    for (int i = i0; i <= i1 && m < MAX_TAPS; i += 2 * stride) {
        int j = i + stride;
        float a = kernel(abs(float(i) + 0.5 - t) / sc);
        float b = j <= i1 ? kernel(abs(float(j) + 0.5 - t) / sc) : 0.0;
        int ia = mirror(i, n), step = mirror(j, n) - ia;
        if (abs(step) <= 1 && a * b >= 0.0) {
            w[m] = a + b;
            pos[m] = float(ia) + 0.5 + (w[m] != 0.0 ? float(step) * b / w[m] : 0.0);
        } else {
            pos[m] = float(ia) + 0.5;
            w[m] = a;
            m++;
            pos[m] = float(ia + step) + 0.5;
            w[m] = b;
        }
        m++;
    }
    return m;
}
#endif

vec4 premultiplied(vec4 c) {
    return vec4(c.rgb * c.a, c.a);
}

// The texels under the kernel centred on ``texel`` (``d``: texels per output pixel along
// each image axis), weighed, averaged as values or as premultiplied colors
vec4 filtered(vec2 texel, ivec2 size, vec2 d) {
    // a degenerate placement (NaN or huge scales) weighs a bounded footprint: the loops
    // stay short and their integer bounds cannot overflow
    d = d.x < 1e6 && d.y < 1e6 ? d : vec2(1e6);
#if defined(RGBA_TEXTURE) || defined(STAGE_RGBA)
    bool by_color = true;
#elif defined(STAGE_DATA)
    bool by_color = false;
#else
    bool by_color = d.x > 1.0 / 3.0 || d.y > 1.0 / 3.0;  // enlarged less than 3 times
#endif
    // the kernel widens as the image shrinks (matplotlib's resample=True)
    vec2 sc = u_widen > 0.5 ? max(d, vec2(1.0)) : vec2(1.0);
    // Agg weighs the texels within the radius rounded up (its weight table's
    // diameter), widened by the scale
    vec2 reach = ceil(u_radius) * sc;
    ivec2 i0 = ivec2(ceil(texel - 0.5 - reach)), i1 = ivec2(floor(texel - 0.5 + reach));
    ivec2 stride = (i1 - i0) / MAX_TAPS + 1;
    vec4 color = vec4(0.0);
    float value = 0.0, total = 0.0;
    bool bad = false;
#ifdef COLORED
    if (by_color) {
        // the texels' colors, premultiplied, colormapped once per change of data,
        // limits or colormap (u_colored, filtered linearly): no colormap per tap, and
        // neighbouring taps of one sign one linear fetch
        float px[MAX_TAPS + 1], wx[MAX_TAPS + 1], py[MAX_TAPS + 1], wy[MAX_TAPS + 1];
        int mx = taps(texel.x, i0.x, i1.x, stride.x, sc.x, size.x, px, wx);
        int my = taps(texel.y, i0.y, i1.y, stride.y, sc.y, size.y, py, wy);
        float sx = 0.0, sy = 0.0;
        for (int k = 0; k < mx; k++) sx += wx[k];
        for (int l = 0; l < my; l++) {
            sy += wy[l];
            if (wy[l] == 0.0) continue;
            vec4 row = vec4(0.0);
            for (int k = 0; k < mx; k++) {
                row += wx[k] * textureLod(u_colored, vec2(px[k], py[l]) / vec2(size), 0.0);
            }
            color += wy[l] * row;
        }
        total = sx * sy;
    } else
#endif
    {
    // the column weights, once per pixel (not once per texel), in this branch only:
    // made before it, every pixel of the color stage paid for them too
    float wx[MAX_TAPS + 1];
    int ix[MAX_TAPS + 1];
    int n = 0;
    for (int i = i0.x; i <= i1.x && n <= MAX_TAPS; i += stride.x) {
        wx[n] = kernel(abs(float(i) + 0.5 - texel.x) / sc.x);
        ix[n] = mirror(i, size.x);
        n++;
    }
    for (int j = i0.y; j <= i1.y; j += stride.y) {
        float wy = kernel(abs(float(j) + 0.5 - texel.y) / sc.y);
        if (wy == 0.0) continue;
        int row = mirror(j, size.y);
        for (int k = 0; k < n; k++) {
            float w = wy * wx[k];
            vec4 t = texelFetch(u_data, ivec2(ix[k], row), 0);
#ifdef RGBA_TEXTURE
            color += w * premultiplied(t);
#else
            if (by_color) {
                color += w * premultiplied(colormap(t.r));
            } else if (t.r < -1.0e37) {
                bad = bad || w != 0.0;  // matplotlib: NaN under the kernel is bad
            } else {
                value += w * t.r;
            }
#endif
            total += w;
        }
    }
    }
    total = total != 0.0 ? total : 1.0;
    if (by_color) {
        vec4 c = clamp(color / total, 0.0, 1.0);
        c.rgb = min(c.rgb, vec3(c.a));
        return c.a > 0.0 ? vec4(c.rgb / c.a, c.a) : vec4(0.0);
    }
    return bad ? u_bad : colormap(value / total);
}

// texels per output pixel along each image axis (Agg's scale of the inverse affine)
vec2 texel_scale(vec2 texel) {
    vec2 dx = dFdx(texel), dy = dFdy(texel);
    return vec2(length(vec2(dx.x, dy.x)), length(vec2(dx.y, dy.y)));
}
"""

#: taps along an axis at most: a wider footprint (an image shrunk more than ~16 times
#: under hanning) skips texels evenly
MAX_TAPS = 32

_MAIN = """
    vec2 d = texel_scale(texel);
    bvec2 unit = lessThan(abs(d - 1.0), vec2(1e-3));
#ifdef AUTO
    // matplotlib's 'auto': nearest where enlarged 3 times or more, or 1 or 2 times
    vec2 up = 1.0 / max(d, vec2(1e-30));
    bvec2 plain = bvec2(up.x > 3.0 || abs(up.x - 1.0) < 1e-3 || abs(up.x - 2.0) < 2e-3,
                        up.y > 3.0 || abs(up.y - 1.0) < 1e-3 || abs(up.y - 2.0) < 2e-3);
#else
    bvec2 plain = unit;  // Agg draws an unscaled image nearest
#endif
    if (all(plain)) {
        ivec2 ij = clamp(ivec2(floor(texel)), ivec2(0), size - 1);
#ifdef RGBA_TEXTURE
        f_color = texelFetch(u_data, ij, 0);
#else
        f_color = colormap(texelFetch(u_data, ij, 0).r);
#endif
    } else {
        f_color = filtered(texel, size, d);
    }
"""

#: 'bilinear' as lumos drew it where the image is not shrunk (``%s``: that main), Agg's
#: tent widened by the scale where it is (matplotlib's ``resample=True``)
WIDENED_BILINEAR = """
    vec2 d = texel_scale(texel);
    if (u_widen > 0.5 && (d.x > 1.0 + 1e-3 || d.y > 1.0 + 1e-3)) {
        f_color = filtered(texel, size, d);
    } else {
%s    }
"""


def fragment_parts(name: str, stage: str, rgba: bool,
                   colored: bool = False) -> tuple[str, str]:
    """(functions, main) of the fragment shader of filter ``name`` ('auto' or one of
    KERNELS) at interpolation ``stage`` ('data', 'rgba', 'auto') for an RGBA texture
    or a scalar one; ``colored``: a scalar one's colors filtered from ``u_colored``
    (its texels colormapped, premultiplied, sampled linearly) at the color stage."""
    body = KERNELS["hanning" if name == "auto" else name][1]
    defines = (f"#define MAX_TAPS {MAX_TAPS}\n"
               + ("#define AUTO\n" if name == "auto" else "")
               + ("#define COLORED\n" if colored else "")
               + ("#define RGBA_TEXTURE\n" if rgba else f"#define STAGE_{stage.upper()}\n"))
    functions = _FUNCTIONS % body
    return defines + functions, _MAIN


__all__ = ["FILTERS", "KERNELS", "MAX_TAPS", "fragment_parts", "radius"]
