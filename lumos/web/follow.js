/* lumos followers: what a pan or zoom changes, recomputed in the page from the camera.
 *
 * A draw may carry `follow` (docs/frame.md, "Followers"): a kind and its parameters.
 * Before each frame the runtime runs the follower of every group of draws whose
 * inputs (the camera of its view, its data) moved since it last ran; the first frame
 * is Python's, already right for the export camera. Followers write their output
 * into page-side copies of the draws' buffers ("<id>~f"), so a kernel's partial
 * updates of the original buffers (notebook) never mix with them; any kernel update
 * makes the followers run again.
 *
 * Kinds here: `minmax` (the level of detail of long lines: lumos/visuals/follow.py),
 * `stream` (the window of a stream's rings), `dash_scan` (the passes that measure a
 * dashed line: resized with the line), `axline` (axhline/axvline), `view_pixels` (a
 * count of the view's pixels, on a canvas with more than the frame's), `axes_fraction`
 * (geometry placed in axes fractions: transAxes patches, axvspan), `pixel_anchor`
 * (strokes of paths in pixels about data points), `frozen` (what
 * only Python rebuilds: a notice). lumos/web/axes.js adds `axes`.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const followers = lumos.followers = {};
  const SCAN_WIDTH = 1024;  // lumos/visuals/line_shaders.py SCAN_WIDTH
  const FLOAT32_MAX = 3.4028234663852886e38;

  const baseId = (id) => id.replace(/~f$/, "");

  /** Groups of draws that follow together: those naming one record (an axes), else
   * each draw alone. */
  function followGroups(desc) {
    const out = new Map();
    desc.draws.forEach((d, i) => {
      const f = d.follow;
      if (!f || !followers[f.kind]) return;
      const key = f.record !== undefined ? `${f.kind}:${f.record}` : `${f.kind}#${i}`;
      let g = out.get(key);
      if (!g) out.set(key, g = { kind: f.kind, follow: f, draws: [], key });
      g.draws.push(d);
    });
    return out;
  }

  /** Run the followers whose inputs moved; true when one wrote something.
   * how.init: only note the inputs (the frame is right as it is); how.force: run all. */
  lumos.runFollowers = function (r, how = {}) {
    const desc = r.desc;
    if (!desc) return false;
    if (!r._followed) r._followed = new Map();
    let wrote = false;
    for (const [key, g] of followGroups(desc)) {
      const f = followers[g.kind];
      const state = f.state(r, g);
      const last = r._followed.get(key);
      if (how.init || (last === undefined && !how.force)) {
        // what the frame was made for: a follower of the canvas (view_pixels) runs when
        // the page draws at another ratio than the frame's
        r._followed.set(key, f.exported ? f.exported(r, g) : state);
        continue;
      }
      if (last === state && !how.force) continue;
      r._followed.set(key, state);
      try {
        if (f.run(r, g) !== false) wrote = true;
        r.notice(`failed-${key}`, null);
      } catch (err) {
        // what a follower cannot do leaves its draws as they were, and says so
        console.error(err);
        r.notice(`failed-${key}`, `could not follow the view (${g.kind}): ${err.message}`);
      }
    }
    return wrote;
  };

  /** After a kernel update: every follower runs again at the next frame. */
  lumos.dirtyFollowers = function (r) {
    if (!r._followed) return;
    for (const k of r._followed.keys()) r._followed.set(k, "dirty");
  };

  /** The bytes of a buffer of the frame (its data, wherever it lives). */
  function bufferBytes(r, id) {
    const entry = r.desc.buffers[id];
    if (!entry) throw new Error(`follow: the frame lacks buffer ${id}`);
    return lumos.blobBytes(entry.data, r.blob);
  }

  /** A typed array over a data buffer (copied when its bytes are not aligned). */
  function typed(r, id, type) {
    const C = { f8: Float64Array, f4: Float32Array, u4: Uint32Array, u2: Uint16Array,
      u1: Uint8Array }[type];
    let b = bufferBytes(r, id);
    if (b.byteOffset % C.BYTES_PER_ELEMENT) b = b.slice();
    return new C(b.buffer, b.byteOffset, b.byteLength / C.BYTES_PER_ELEMENT);
  }

  /** Replace buffer `id` of the draws by a page-side copy holding `bytes`. */
  function shadow(r, id, bytes, dtype) {
    const base = baseId(id), sid = `${base}~f`;
    const prev = r.desc.buffers[sid];
    r.desc.buffers[sid] = { version: prev ? prev.version + 1 : 1, dtype,
      nbytes: bytes.byteLength, data: bytes };
    for (const d of r.desc.draws) {
      for (const a of Object.values(d.attributes)) if (baseId(a.buffer) === base) a.buffer = sid;
    }
    return sid;
  }

  /** Write the points of a Line draw (lumos/visuals/line.py): `pts` absolute float64
   * x, y, z per point (NaN: a break), `colors` RGBA bytes per point, as float32 offsets
   * from `origin`; the line's dash scan, if any, follows the new count. */
  function writeLine(r, draw, pts, colors, origin) {
    const n = pts.length / 3;
    const rows = new Float32Array((n + 2) * 4);
    for (let i = 0; i < n; i++) {
      const x = pts[3 * i] - origin[0], y = pts[3 * i + 1] - origin[1];
      const z = pts[3 * i + 2] - origin[2];
      if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) continue;
      // a point float32 cannot place breaks the line (as line.py does)
      if (Math.abs(x) > FLOAT32_MAX || Math.abs(y) > FLOAT32_MAX || Math.abs(z) > FLOAT32_MAX) {
        continue;
      }
      const o = (i + 1) * 4;
      rows[o] = x; rows[o + 1] = y; rows[o + 2] = z; rows[o + 3] = 1;
    }
    const pos = baseId(draw.attributes.a_p0.buffer);
    shadow(r, pos, new Uint8Array(rows.buffer), "f4");
    shadow(r, draw.attributes.a_c0.buffer, colors, "u1");
    const rowsH = Math.max(1, Math.ceil(n / SCAN_WIDTH));
    for (const d of r.desc.draws) {
      const reads = Object.values(d.attributes).some((a) => baseId(a.buffer) === pos);
      if (d.follow && d.follow.kind === "dash_scan" && d.follow.line === pos) {
        if (d.target !== null && d.target !== undefined) {
          const t = r.desc.targets[d.target];
          t.size = [t.size[0], rowsH];
        }
        if (reads) {
          d.count = n;
          d.origin = origin.slice();
        }
      } else if (reads) {
        d.instances = Math.max(n - 1, 0);
        d.origin = origin.slice();
      }
    }
  }

  /** Write filled polygons ([[x, y], ...] fanned from their first point, RGBA bytes
   * each) into a Mesh draw (lumos/visuals/mesh.py) in place of its triangles; none: one
   * transparent triangle, so the draw stays. */
  function writeFills(r, draw, polygons) {
    const pts = [], rgba = [], index = [];
    for (const [poly, color] of polygons) {
      const k = pts.length / 3;
      for (const p of poly) {
        pts.push(p[0], p[1], 0);
        rgba.push(...color);
      }
      for (let j = 1; j + 1 < poly.length; j++) index.push(k, k + j, k + j + 1);
    }
    if (!index.length) {
      pts.push(0, 0, 0, 0, 0, 0, 0, 0, 0);
      rgba.push(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      index.push(0, 1, 2);
    }
    const origin = centre(pts);
    const local = new Float32Array(pts.length);
    for (let i = 0; i < pts.length; i++) local[i] = Number.isFinite(pts[i]) ? pts[i] - origin[i % 3] : 0;
    const bytes = (a) => new Uint8Array(a.buffer);
    shadow(r, draw.attributes.a_pos.buffer, bytes(local), "f4");
    shadow(r, draw.attributes.a_normal.buffer, bytes(new Float32Array(pts.length)), "f4");
    shadow(r, draw.attributes.a_color.buffer, Uint8Array.from(rgba), "u1");
    draw.indices = shadow(r, draw.indices, bytes(Uint32Array.from(index)), "u4");
    draw.count = index.length;
    draw.origin = origin;
  }

  /** The float64 origin of points (x, y, z triples): the centre of their finite
   * bounds (visuals/base.py origin_for). */
  function centre(pts) {
    const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < pts.length; i += 3) {
      if (!(Number.isFinite(pts[i]) && Number.isFinite(pts[i + 1]) &&
            Number.isFinite(pts[i + 2]))) continue;
      for (let k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k], pts[i + k]);
        hi[k] = Math.max(hi[k], pts[i + k]);
      }
    }
    return lo.map((v, k) => (Number.isFinite(v) ? v / 2 + hi[k] / 2 : 0));
  }

  // -- minmax: the level of detail of long lines --------------------------------------
  /** A shipped line as accessors: x(i), y(i), and its pyramid levels. */
  function decodeLine(r, draw, spec) {
    const data = draw.data || {};
    const xs = spec.x;
    let xAt;
    if (xs.buffer !== undefined) {
      const arr = typed(r, data[xs.buffer], xs.type);
      xAt = (i) => arr[i];
    } else {
      const even = (i) => (i === xs.n - 1 ? xs.last : i * xs.step + xs.start);
      if (spec.index) {
        const idx = typed(r, data[spec.index.buffer], spec.index.type);
        xAt = (i) => even(idx[i]);
      } else {
        xAt = even;
      }
    }
    const ys = typed(r, data[spec.y.buffer], spec.y.type);
    const y0 = spec.y.origin;
    const levels = [];
    if (spec.pyramid) {
      const p = spec.pyramid;
      const bytes = bufferBytes(r, data[p.buffer]);
      const at = (off, type, count) => {
        const C = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array }[type];
        const b = bytes.slice(off, off + count * C.BYTES_PER_ELEMENT);
        return new C(b.buffer, 0, count);
      };
      p.levels.forEach((L) => {
        levels.push({ bins: L.bins, lo: at(L.lo, L.type, L.bins), hi: at(L.hi, L.type, L.bins),
          gap: L.gap === null ? null : at(L.gap, "u1", L.bins) });
      });
    }
    return { n: spec.n, x: xAt, y: (i) => y0 + ys[i], levels,
      hasNan: !!(spec.pyramid && spec.pyramid.has_nan), envelope: spec.envelope };
  }

  function bisect(line, v, right) {
    let lo = 0, hi = line.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const x = line.x(mid);
      // bisect_left: the first x >= v; bisect_right: the first x > v
      if (right ? v < x : v <= x) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  /** Rows to draw for the x range [x0, x1] on `columns` pixel columns: exactly
   * MinMaxPyramid.query (lumos/visuals/lod.py); -1 marks a break. */
  function query(line, x0, x1, columns) {
    const n = line.n;
    const i0 = Math.max(bisect(line, x0, false) - 1, 0);
    const i1 = Math.min(bisect(line, x1, true) + 1, n);
    const count = i1 - i0;
    columns = Math.max(Math.trunc(columns), 1);
    const out = [];
    if (count <= 4 * columns || !line.levels.length) {
      for (let i = i0; i < i1; i++) out.push(i);
      return { index: out, raw: true };
    }
    let level = Math.floor(Math.log2(count / columns)) - 3;
    level = Math.min(Math.max(level, 0), line.levels.length - 1);
    const L = line.levels[level];
    const b = 2 ** (level + 3);
    const j0 = Math.floor(i0 / b), j1 = Math.min(Math.ceil(i1 / b), L.bins);
    for (let i = i0; i < Math.min(j0 * b, i1); i++) out.push(i);
    for (let j = j0; j < j1; j++) {
      const a = j * b + L.lo[j], c = j * b + L.hi[j];
      const first = Math.min(a, c), second = Math.max(a, c);
      out.push(first, second);
      if (line.hasNan) out.push(L.gap[j] ? -1 : second);
    }
    out.push(...tail(line, Math.max(j1 * b, i0), i1));
    return { index: out, raw: false };
  }

  /** Rows of the points a..c past the last whole bin, as MinMaxPyramid._tail: their
   * lowest, highest (first of equals) and last point in order when there are more than
   * 4; the raw points when fewer, or when one is NaN/inf. */
  function tail(line, a, c) {
    const raw = [];
    for (let i = a; i < c; i++) raw.push(i);
    if (c - a <= 4) return raw;
    let lo = a, hi = a;
    for (let i = a; i < c; i++) {
      const v = line.y(i);
      if (!Number.isFinite(v)) return raw;
      if (v < line.y(lo)) lo = i;
      if (v > line.y(hi)) hi = i;
    }
    return [...new Set([lo, hi, c - 1])].sort((p, q) => p - q);
  }

  function cameraOf(r, draw) {
    return r.desc.views[draw.view].camera;
  }

  function versions(r, draw) {
    return Object.values(draw.data || {}).map((id) => {
      const e = r.desc.buffers[id];
      return e ? e.version : -1;
    }).join(",");
  }

  /** A follower of its first draw's pan/zoom camera (other cameras are not followed):
   *  `body(r, g, draw, draw.follow, camera)` redraws; `extra(r, draw)` adds to its state. */
  function panzoomFollower(body, extra) {
    return {
      state: (r, g) => JSON.stringify(cameraOf(r, g.draws[0])) +
        (extra ? extra(r, g.draws[0]) : ""),
      run(r, g) {
        const d = g.draws[0], cam = cameraOf(r, d);
        return cam.type === "panzoom" && body(r, g, d, d.follow, cam);
      },
    };
  }

  followers.minmax = panzoomFollower((r, g, draw, f, cam) => {
    const [x0, , w] = cam.rect.map(Number);
    const lo = Math.min(x0, x0 + w), hi = Math.max(x0, x0 + w);
    const cache = r._lines || (r._lines = new Map());
    const key = versions(r, draw) + Object.values(draw.data || {}).join(",");
    let lines = cache.get(key);
    if (!lines) {
      lines = f.lines.map((spec) => decodeLine(r, draw, spec));
      cache.set(key, lines);
    }
    const pts = [], rgba = [];
    let coarse = false;
    lines.forEach((line, k) => {
      if (k) {  // the NaN row between two lines
        pts.push(NaN, NaN, NaN);
        rgba.push(...f.lines[k].color);
      }
      const q = query(line, lo, hi, f.columns);
      if (line.envelope && q.raw) coarse = true;
      const c = f.lines[k].color;
      for (const i of q.index) {
        if (i < 0) pts.push(NaN, NaN, NaN);
        else pts.push(line.x(i), line.y(i), 0);
        rgba.push(c[0], c[1], c[2], c[3]);
      }
    });
    const p = Float64Array.from(pts);
    writeLine(r, draw, p, Uint8Array.from(rgba), centre(p));
    r.notice("envelope", coarse
      ? `A line of more than ${f.page_points.toLocaleString("en")} points: this page ` +
        "holds its min/max envelope, and this zoom shows that envelope (Python draws " +
        "every point)" : null);
    return true;
  }, versions);

  // -- stream: which samples of the rings a view shows --------------------------------
  followers.stream = panzoomFollower((r, g, d, f, cam) => {
    const w = lumos.streamWindow(f, cam.rect.map(Number), f.columns);
    // an instance a channel: samples a quad a segment, blocks a strip (stream.py)
    d.program = d.data[w.level ? "blocks" : "samples"];
    d.mode = w.level ? "triangle_strip" : "triangles";
    d.instances = f.channels;
    d.count = w.count;
    d.uniforms.u_step = w.step;
    Object.assign(d.int_uniforms, { u_ring: w.ring, u_row_shift: w.row_shift, u_first: w.first,
      u_entries: w.entries });
    d.textures.u_data = w.texture;
    d.origin = [w.origin_x, 0, 0];
    return true;
  });

  // -- axline: axhline / axvline, across the view whatever the camera ------------------
  followers.axline = panzoomFollower((r, g, d, f, cam) => {
    // the span is in axes fraction: where it lies in the view's rectangle now
    const [x0, y0, w, h] = cam.rect.map(Number);
    const [f0, f1] = f.span;
    const p = Float64Array.from(f.orientation === "horizontal"
      ? [x0 + f0 * w, f.value, 0, x0 + f1 * w, f.value, 0]
      : [f.value, y0 + f0 * h, 0, f.value, y0 + f1 * h, 0]);
    writeLine(r, d, p, Uint8Array.from([...f.color, ...f.color]), centre(p));
    return true;
  });

  /** Each draw's model becomes `m` applied after the model it was exported with. */
  function beforeModels(draws, m) {
    for (const t of draws) {
      if (t.exportedModel === undefined) t.exportedModel = t.model || null;
      t.model = Array.from(t.exportedModel ? lumos.mul(m, t.exportedModel) : m);
    }
  }

  // -- pixel_anchor: the strokes of paths in pixels about data points -------------------
  // (lumos/visuals/path.py, units="pixels": barbs, arrow heads, hatched markers). Python
  // places each point at anchor + offset / (pixels per data unit) for its view; the
  // same for the camera of now. The fills need no follower: their shader adds the
  // offsets after the data transform.
  followers.pixel_anchor = panzoomFollower((r, g, d, f, cam) => {
    const [, , w, h] = cam.rect.map(Number);
    const ppu = [f.size[0] / (w || 1), f.size[1] / (h || 1)];
    const a = typed(r, d.data.anchors, "f8"), o = typed(r, d.data.offsets, "f4");
    const n = o.length / 2, p = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      p[3 * i] = a[2 * i] + o[2 * i] / ppu[0];
      p[3 * i + 1] = a[2 * i + 1] + o[2 * i + 1] / ppu[1];
    }
    writeLine(r, d, p, typed(r, d.data.colors, "u1").slice(), centre(p));
    return true;
  }, versions);

  // -- axes_fraction: geometry placed in axes fractions along x and/or y -----------------
  // Python placed the vertices in the view's data rectangle `rect` (a patch with
  // transform=ax.transAxes, an axvspan's height); in a view over the whole canvas that
  // draws unclipped artists, in the camera's `axes_rect`. The same fractions of the new
  // rectangle are an affine map of the placed points: the draw's model (before the
  // exported one), and that of the passes that measure its dashes.
  followers.axes_fraction = panzoomFollower((r, g, d, f, cam) => {
    const now = (cam.axes_rect || cam.rect).map(Number);
    const m = new Float64Array(16);
    m[10] = m[15] = 1;
    for (let k = 0; k < 2; k++) {
      const s = f.axes[k] && f.rect[2 + k] ? now[2 + k] / f.rect[2 + k] : 1;
      m[5 * k] = s;
      m[12 + k] = f.axes[k] ? now[k] - f.rect[k] * s : 0;
    }
    const pos = d.attributes.a_p0 && baseId(d.attributes.a_p0.buffer);
    const scans = pos === undefined ? [] : r.desc.draws.filter((s) => s.follow &&
      s.follow.kind === "dash_scan" && s.follow.line === pos &&
      Object.values(s.attributes).some((a) => baseId(a.buffer) === pos));
    beforeModels([d, ...scans], m);
    return true;
  });

  // -- view_pixels: one point per pixel of the view (density's histogram pass) ----------
  // The canvas may hold more pixels than the frame (Renderer.setDisplayRatio): the
  // draw's count follows the view's size in canvas pixels, as density.py computes it.
  const viewPixels = (rect) => (Math.ceil(rect[2]) + 2) * (Math.ceil(rect[3]) + 2);
  followers.view_pixels = {
    exported: (r, g) => String(viewPixels(r.desc.views[g.draws[0].view].rect)),
    state: (r, g) => String(viewPixels(r.canvasRect(r.desc.views[g.draws[0].view].rect))),
    run(r, g) {
      g.draws[0].count = Number(this.state(r, g));
      return true;
    },
  };

  // -- frozen: geometry only Python rebuilds for a view (it says so once moved) --------
  followers.frozen = {
    // a record names the view whose camera it watches (an axes' decorations are drawn
    // in the figure's overlay view)
    state: (r, g) => JSON.stringify(g.follow.record === undefined ? cameraOf(r, g.draws[0])
      : r.desc.views[r.desc.records[g.follow.record].view].camera),
    run(r, g) {
      if (r.kernel) return false;  // a notebook's kernel redraws it
      r.notice(`frozen-${g.follow.what}`, `${g.follow.what}: shown as exported (only ` +
        "Python redraws them for a new view)");
      const s = g.follow.shift;  // a secondary axis at a data value: moved across with it
      if (!s) return false;
      const k = s.vertical ? 1 : 0, at = lumos.axes.scaleOf(s.scale).forward(s.data);
      const pixel = (rect) => (at - rect[k]) / rect[2 + k] * s.len;
      const view = r.desc.views[r.desc.records[g.follow.record].view];
      const shift = pixel(view.camera.rect.map(Number)) - pixel(s.rect);
      if (!Number.isFinite(shift)) return false;
      const m = lumos.scale([1, 1, 1]);
      m[12 + k] = shift;
      beforeModels(g.draws, m);
      return true;
    },
  };

  /** What Stream.window (lumos/visuals/stream.py) computes from the view's rect. */
  lumos.streamWindow = function (f, rect, columns) {
    const [x0, , w] = rect;
    const lo = Math.min(x0, x0 + w), hi = Math.max(x0, x0 + w);
    const empty = { level: 0, count: 0, step: f.dt, ring: f.rings[0].slots,
      row_shift: Math.log2(f.rings[0].m), first: 0, entries: 0, texture: f.rings[0].texture,
      origin_x: f.t0 };
    const a0 = Math.max(Math.floor((lo - f.t0) / f.dt) - 1, f.oldest);
    const a1 = Math.min(Math.ceil((hi - f.t0) / f.dt) + 2, f.head);
    if (f.head - f.oldest < 2 || a1 - a0 < 2) return empty;
    const perColumn = Math.abs(w) / f.dt / Math.max(columns, 1);
    let level = 0;
    const top = f.levels.length ? f.levels[f.levels.length - 1] : 0;
    if (perColumn > f.raw_per_column && f.levels.length) {
      level = Math.min(Math.max(Math.floor(Math.log2(perColumn)), f.levels[0]), top);
    }
    const ring = f.rings[level ? f.levels.indexOf(level) + 1 : 0];
    let e0, e1, originX;
    if (level) {  // (no 32-bit shifts: sample counts outgrow them)
      const block = 2 ** level;
      e0 = Math.floor(a0 / block);
      e1 = Math.floor((a1 - 1) / block) + 1;
      originX = f.t0 + (e0 * block + (block - 1) / 2) * f.dt;
    } else {
      e0 = a0; e1 = a1;
      originX = f.t0 + a0 * f.dt;
    }
    return { level, count: level ? 2 * (e1 - e0) : 6 * Math.max(e1 - e0 - 1, 0),
      step: (2 ** level) * f.dt, ring: ring.slots, row_shift: Math.log2(ring.m),
      first: e0 % ring.slots,
      entries: e1 - e0, texture: ring.texture, origin_x: originX };
  };

  Object.assign(lumos, { writeLine, writeFills, shadow, typed, bufferBytes, query, decodeLine });
})(typeof window !== "undefined" ? window : globalThis);
