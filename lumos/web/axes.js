/* lumos axes in the page: ticks, tick labels, axis labels and grid lines recomputed
 * from an axes' record (lumos/plot/page_axes.py) whenever its camera moves.
 *
 * The `axes` follower evaluates the record as Python does (lumos/plot/axisdraw.py's
 * TickLayout and draw_axis; Axes._update_grid), with the ticker twin (ticker.js), and
 * writes the result into the draws Python made for it: one Line per tick width, one
 * Text for every label (laid out by mathtext.js from the glyphs its sheet holds: plain
 * text and math, as lumos/visuals/glyphs.py and mathtext.py lay them out),
 * and the grid Lines in the axes' view (one per axis and major/minor).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const T = () => lumos.ticker;
  const { measure, layout, lineOf, splitLine } = lumos.textLayout;  // mathtext.js

  // -- scales (lumos/plot/scale.py, lumos/transforms/nonlinear.py) ----------------------
  function scaleOf(spec) {
    if (spec.kind === "log") {
      const b = spec.base;
      const fn = b === 10 ? Math.log10 : b === 2 ? Math.log2 : b === Math.E ? Math.log
        : (v) => Math.log(v) / Math.log(b);
      // non-positive values: clipped 1000 decades down (matplotlib's default), or masked
      const low = spec.clip ? (v) => (v <= 0 ? -1000 : NaN) : () => NaN;
      return { forward: (v) => (v > 0 ? fn(v) : low(v)), inverse: (v) => b ** v };
    }
    if (spec.kind === "symlog") {
      const t = spec.linthresh, b = spec.base, k = spec.linscale / (1 - 1 / b);
      const lnB = Math.log(b);
      return {
        forward: (v) => (Math.abs(v) > t ? Math.sign(v) * t * (k + Math.log(Math.abs(v) / t) / lnB)
          : v * k),
        inverse: (v) => (Math.abs(v) > t * k ? Math.sign(v) * t * b ** (Math.abs(v) / t - k)
          : v / k),
      };
    }
    if (spec.kind === "affine") {  // a secondary axis: a x + b of its parent's values
      const p = scaleOf(spec.parent), { a, b } = spec;
      return { forward: (v) => p.forward((v - b) / a), inverse: (s) => a * p.inverse(s) + b };
    }
    return { forward: (v) => v, inverse: (v) => v };
  }

  // -- writing into the draws -------------------------------------------------------------
  /** The glyphs of a face in an axes' record (its labels' Text visual of that face). */
  function tableOf(rec, face) {
    if (!face || face === "sans") return rec.text;
    const table = (rec.faces || {})[face];
    if (!table) throw new Error(`text: the page lacks the face ${face}`);
    return table;
  }

  const CORNERS = [0, 1, 2, 0, 2, 3];

  /** Labels [{text, x, y, size, color, ha, va, rotation}] into a Text draw. */
  function writeText(r, draw, table, labels) {
    const origin = draw.origin || [0, 0, 0];
    const anchor = [], offset = [], uv = [], cells = [], color = [], scale = [];
    for (const L of labels) {
      if (!L.text || !L.text.trim() || !Number.isFinite(L.x) || !Number.isFinite(L.y)) continue;
      for (const [q, cell, quv] of layout(table, L.text, L.size, L.ha, L.va, L.rotation)) {
        for (const k of CORNERS) {
          anchor.push(L.x - origin[0], L.y - origin[1], 0 - origin[2]);
          offset.push(q[k][0], q[k][1]);
          uv.push(quv[k][0], quv[k][1]);
          cells.push(...cell);
          color.push(...L.color);
          scale.push(table.sdf_scale * L.size);
        }
      }
    }
    const put = (name, arr, dtype) => {
      const bytes = dtype === "u1" ? Uint8Array.from(arr) : new Uint8Array(Float32Array.from(arr).buffer);
      lumos.shadow(r, draw.attributes[name].buffer, bytes, dtype);
    };
    put("a_anchor", anchor, "f4");
    put("a_offset", offset, "f4");
    put("a_uv", uv, "f4");
    put("a_cell", cells, "f4");
    put("a_color", color, "u1");
    put("a_scale", scale, "f4");
    draw.count = scale.length;
  }

  /** Segments [[x0, y0], [x1, y1]] (one color each) into a Line draw, NaN between. */
  function writeSegments(r, draw, segments, colors) {
    const pts = [], rgba = [];
    segments.forEach((seg, i) => {
      if (i) {
        pts.push(NaN, NaN, NaN);
        rgba.push(...colors[i]);
      }
      for (const p of seg) {
        pts.push(p[0], p[1], 0);
        rgba.push(...colors[i]);
      }
    });
    if (!segments.length) {  // two break points: the draw stays, drawing nothing
      pts.push(NaN, NaN, NaN, NaN, NaN, NaN);
      rgba.push(0, 0, 0, 0, 0, 0, 0, 0);
    }
    const p = Float64Array.from(pts);
    lumos.writeLine(r, draw, p, Uint8Array.from(rgba), lineOrigin(p));
  }

  function lineOrigin(pts) {
    const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
    for (let i = 0; i < pts.length; i += 3) {
      if (!(Number.isFinite(pts[i]) && Number.isFinite(pts[i + 1]))) continue;
      for (let k = 0; k < 2; k++) {
        lo[k] = Math.min(lo[k], pts[i + k]);
        hi[k] = Math.max(hi[k], pts[i + k]);
      }
    }
    return [0, 1].map((k) => (Number.isFinite(lo[k]) ? lo[k] / 2 + hi[k] / 2 : 0)).concat([0]);
  }

  /** The RGBA bytes of the first point of a Line draw (its color as exported). */
  function lineColor(r, draw) {
    const id = draw.attributes.a_c0.buffer.replace(/~f$/, "");
    const b = lumos.bufferBytes(r, id);
    return b.length >= 4 ? [b[0], b[1], b[2], b[3]] : [0, 0, 0, 255];
  }

  // -- rectilinear axes (axisdraw.py) ----------------------------------------------------
  /** The ticks of one axis for the data interval [lo, hi]: ticker.js, or the export's
   * ticks when Python's tickers cannot run here (they move with the data). */
  function axisTicks(a, lo, hi) {
    if (a.ticks) return T().axisTicks(a.ticks, lo, hi);
    const st = a.static;
    const inView = (v) => v >= Math.min(lo, hi) && v <= Math.max(lo, hi);
    const major = [], labels = [], index = [];
    st.major.forEach((v, i) => {
      if (inView(v)) {
        major.push(v);
        labels.push(st.labels[i]);
        index.push(st.index ? st.index[i] : i);  // polar exports none (no restyling)
      }
    });
    return { major, labels, index, minor: st.minor.filter(inView), offset: st.offset };
  }

  /** Where a text goes so that it sits at (x, y) as matplotlib puts it: the anchor
   * (ha, baseline) it is drawn from (lumos/plot/text.py place; rotation_mode 'anchor'
   * aligns the unrotated text, 'default' the rotated box). */
  function place(table, text, x, y, size, ha, va, rotation, mode) {
    const rad = rotation * Math.PI / 180, c = Math.cos(rad), s = Math.sin(rad);
    const [w, h, d] = measure(table, text, size);
    if (mode === "anchor" || ((rotation % 360) + 360) % 360 === 0) {
      if (va === "baseline") return [x, y];
      const yb = { top: -(h - d), bottom: d, center: d - h / 2, center_baseline: -(h - d) / 2 }[va];
      return [x - s * yb, y + c * yb];
    }
    const a = { left: 0, center: 0.5, right: 1 }[ha];
    const xs = [], ys = [];
    for (const px of [-a * w, (1 - a) * w]) {
      for (const py of [-d, h - d]) {
        xs.push(c * px - s * py);
        ys.push(s * px + c * py);
      }
    }
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const ox = { left: x0, center: (x0 + x1) / 2, right: x1 }[ha];
    const oy = va === "baseline" ? y0 + d : va === "center_baseline" ? y1 - (h - d) / 2
      : { bottom: y0, top: y1, center: (y0 + y1) / 2 }[va];
    return [x - ox, y - oy];
  }

  /** Figure pixels across the box of a side's spine: fixed, or (a spine at a data
   * value of the other axis) where that value is in the view (Spine.base). */
  function baseOf(spec, horizontal, box, rect) {
    if (spec.px !== undefined) return spec.px;
    const [bx, by, bw, bh] = box;
    // an x axis' spine sits at a y value, and the other way round
    const [lo, len, s0, sw] = horizontal ? [by, bh, rect[1], rect[3]] : [bx, bw, rect[0], rect[2]];
    const p = lo + (scaleOf(spec.scale || { kind: "linear" }).forward(spec.data) - s0) / sw * len;
    return Number.isFinite(p) ? p : lo;
  }

  /** A figure pixel coordinate snapped as snapping.py's snap_pixel: to the nearest pixel
   * edge plus `offset`; a y (`isY`) counted from the canvas' top, as Agg counts rows. */
  function snapPixel(v, [offset, height], isY) {
    if (!Number.isFinite(v)) return v;
    return isY ? height - (Math.floor(height - v + 0.5) + offset) : Math.floor(v + 0.5) + offset;
  }

  /** A tick mark at `p` along its axis from `a` to `b` across it, its spine at `base`,
   * as snapping.py's snap_tick: the marker's origin on the spine on a whole pixel, its
   * ends rounded relative to it when `snap[2]` (path.snap); `snap` null: as they are. */
  function snapTick(p, base, a, b, snap, horizontal) {
    if (snap && Number.isFinite(p) && Number.isFinite(base)) {  // null: as they are
      const whole = snap[2];
      if (horizontal) {
        const origin = snapPixel(base, snap, true);
        [a, b] = [a, b].map((e) => origin - (whole ? Math.floor(base - e + 0.5) : base - e));
        p = snapPixel(p, snap, false);
      } else {
        const origin = snapPixel(base, snap, false);
        [a, b] = [a, b].map((e) => origin + (whole ? Math.floor(e - base + 0.5) : e - base));
        p = snapPixel(p, snap, true);
      }
    }
    return horizontal ? [[p, a], [p, b]] : [[a, p], [b, p]];
  }

  function rectilinear(r, rec, cam) {
    const segments = new Map(), labels = [], grids = {}, fills = [];
    const rect = cam.rect.map(Number);
    for (const sp of rec.spines || []) {  // spines that move (draw_spines, Spine.extent)
      const along = sp.name === "bottom" || sp.name === "top";
      let base = baseOf(sp.base, along, rec.box, rect);
      let [lo, hi] = sp.extent;
      if (sp.bounds) {  // between data values of its own axis (None: the view's end)
        const [bx, by, bw, bh] = rec.box;
        const scale = scaleOf(sp.scale || { kind: "linear" });
        const [p0, len, s0, sw] = along ? [bx, bw, rect[0], rect[2]] : [by, bh, rect[1], rect[3]];
        const v0 = scale.inverse(s0), v1 = scale.inverse(s0 + sw);
        const b = [sp.bounds[0] ?? Math.min(v0, v1), sp.bounds[1] ?? Math.max(v0, v1)]
          .map((v) => p0 + (scale.forward(v) - s0) / sw * len);
        [lo, hi] = b.every(Number.isFinite) ? [Math.min(...b), Math.max(...b)] : [p0, p0 + len];
      }
      if (sp.snap) {  // Spine.ends: on the pixel grid, as Agg snaps it (rows from the top)
        base = snapPixel(base, sp.snap, along);
        [lo, hi] = [lo, hi].map((v) => snapPixel(v, sp.snap, !along));
      }
      // a projecting cap: the butt-capped tick line half the width beyond each end
      // (Spine.stroke)
      if (sp.projecting) [lo, hi] = [Math.min(lo, hi) - sp.width / 2, Math.max(lo, hi) + sp.width / 2];
      let group = segments.get(sp.width);
      if (!group) segments.set(sp.width, group = []);
      group.push([along ? [[lo, base], [hi, base]] : [[base, lo], [base, hi]], sp.color]);
    }
    rec.axes.forEach((a) => {
      if (!a.visible) return;
      const horizontal = a.name === "x";
      const s0 = horizontal ? rect[0] : rect[1], sw = horizontal ? rect[2] : rect[3];
      const scale = scaleOf(a.scale || { kind: "linear" });
      const l0 = scale.inverse(s0), l1 = scale.inverse(s0 + sw);
      const lo = Math.min(l0, l1), hi = Math.max(l0, l1);
      const t = axisTicks(a, lo, hi);
      // minor labels (Axis.minor_ticks): the minor formatter over the minor ticks
      t.minorLabels = a.minor_formatter && a.ticks && t.minor.length
        ? T().formatter(a.minor_formatter, T().locator(a.ticks.minor)).formatTicks(t.minor, lo, hi)
        : [];
      const bases = a.sides.map((spec) => baseOf(spec, horizontal, rec.box, rect));
      drawAxis(rec, a, t, scale, s0, sw, bases, segments, labels, fills);
      // the grids of this axis (one Line each for major and minor: part
      // "grid:<axis>:<which>", Axes._update_grid), in the axes' view (scale space)
      const o0 = horizontal ? rect[1] : rect[0], ow = horizontal ? rect[3] : rect[2];
      const c0 = Math.min(o0, o0 + ow), c1 = Math.max(o0, o0 + ow);
      for (const which of ["major", "minor"]) {
        const grid = grids[`${a.name}:${which}`] = [];
        if (!a.grid[which]) continue;
        for (const v of t[which].map(scale.forward)) {
          if (!Number.isFinite(v)) continue;
          grid.push(horizontal ? [[v, c0], [v, c1]] : [[c0, v], [c1, v]]);
        }
      }
    });
    const approx = lumos.dataTexts.texts(rec, rect, segments, labels, fills);  // texts.js
    return { segments, labels, grids, fills, approx };
  }

  /** draw_axis of lumos/plot/axisdraw.py, with TickLayout: ticks and major labels on
   * either side (each side at its spine: `bases`), rotated as matplotlib rotates them;
   * the offset text and the axis label beyond what the ticks of their side reach. */
  function drawAxis(rec, a, t, scale, s0, sw, bases, segments, labels, fills) {
    const [bx, by, bw, bh] = rec.box;
    const horizontal = a.name === "x";
    const along = (v) => {
      const u = (scale.forward(v) - s0) / sw;
      return horizontal ? bx + u * bw : by + u * bh;
    };
    const lo = horizontal ? bx : by, hi = horizontal ? bx + bw : by + bh;
    const tol = 1e-6 * (hi - lo);
    const text = (s, x, y, size, color, ha, va, rotation = 0, mode = null, face = "sans") => {
      if (!s) return;
      const [tx, ty] = place(tableOf(rec, face), s, x, y, size, ha, va, rotation, mode);
      labels.push({ text: s, x: tx, y: ty, size, color, ha, va: "baseline", rotation, face });
    };
    // axisdraw._outward: the part of an upright label beyond its anchor (of its height
    // for x, its width for y)
    const outward = (l, side) => {
      if (l.rot % 360 !== 0) return 1;
      let part;
      if (horizontal) {
        if (!l.va) return 1;
        part = { top: 1, center: 0.5, center_baseline: 0.5 }[l.va] ?? 0;
      } else {
        if (!l.ha) return 1;
        part = { left: 0, center: 0.5, right: 1 }[l.ha];
      }
      return side === 1 ? part : 1 - part;
    };
    const reach = [0, 0];
    for (const side of [1, 2]) {
      const base = bases[side - 1], sign = side === 1 ? -1 : 1;
      for (const [st, values, strings, index] of [[a.major, t.major, t.labels, t.index],
        [a.minor, t.minor, t.minorLabels, null]]) {
        const pos = values.map(along);
        const outside = st.tick[side - 1] && values.length ? st.len * st.direction : 0;
        let setReach = outside;
        if (st.label[side - 1] && strings.length) {  // TickSet's labels, _draw_labels
          const overrides = (st.overrides || [[], []])[side - 1];
          const shown = [];
          pos.forEach((p, i) => {
            // a label restyled alone, by its tick's index among the locator's
            const o = overrides[index ? index[i] : i] || {};
            if (o.visible === false || !strings[i] || !Number.isFinite(p)) return;
            const L = { text: o.text !== undefined ? String(o.text) : strings[i], p,
              size: o.size ?? st.size, color: o.color ?? st.label_color,
              rot: o.rotation ?? st.rotation, mode: o.mode !== undefined ? o.mode : st.mode,
              ha: o.ha ?? st.ha, va: o.va ?? st.va, face: o.face ?? st.face };
            const rad = L.rot * Math.PI / 180, cr = Math.abs(Math.cos(rad)), sr = Math.abs(Math.sin(rad));
            const [w, h] = measure(tableOf(rec, L.face), L.text, L.size);
            L.w = w * cr + h * sr;
            L.h = w * sr + h * cr;
            shown.push(L);
          });
          if (shown.length) {
            // TickSet.label_gap: past the tick length, the ticks shown or not
            const gap = st.len * st.direction + st.pad;
            setReach = Math.max(outside, gap + Math.max(...shown.map((l) => (horizontal ? l.h
              : l.w) * outward(l, side))));
            // every label, overlapping or not, as matplotlib draws them
            shown.forEach((L) => {
              let { ha, va, mode } = L;
              ha = ha || (horizontal ? "center" : (side === 1 ? "right" : "left"));
              va = va || (horizontal ? (side === 1 ? "top" : "bottom") : "center_baseline");
              const angle = ((L.rot % 360) + 360) % 360;  // _point_at_tick
              if (mode === "xtick") [ha, mode] = [T().haForAngle(angle, va), null];
              else if (mode === "ytick") [va, mode] = [T().vaForAngle(angle, ha), null];
              const [tx, ty] = horizontal ? [L.p, base + sign * gap] : [base + sign * gap, L.p];
              text(L.text, tx, ty, L.size, L.color, ha, va, L.rot, mode, L.face);
            });
          }
        }
        reach[side - 1] = Math.max(reach[side - 1], setReach);
        // ticks of no length or width draw nothing (matplotlib's tick_params(size=0))
        if (!st.tick[side - 1] || !(st.len > 0) || !(st.width > 0)) continue;
        const A = base + sign * st.len * st.direction, B = A - sign * st.len;
        let group = segments.get(st.width);
        if (!group) segments.set(st.width, group = []);
        for (const p of pos) {
          if (!(Number.isFinite(p) && p >= lo - tol && p <= hi + tol)) continue;
          group.push([snapTick(p, base, A, B, st.snap, horizontal), st.color]);
        }
      }
    }
    const off = a.offset;  // _draw_offset (Axis.offset_visible)
    if (off.visible && t.offset && t.labels.length && (a.major.label[0] || a.major.label[1])) {
      const side = off.side, sign = side === 1 ? -1 : 1;
      if (horizontal) {
        text(t.offset, bx + bw, bases[side - 1] + sign * (reach[side - 1] + 2), off.size,
          off.color, "right", side === 1 ? "top" : "bottom");
      } else {
        text(t.offset, bx + (side === 2 ? bw : 0), by + bh + 2, off.size, off.color,
          side === 2 ? "right" : "left", "bottom");
      }
    }
    if (a.label) {  // _draw_label: at loc beyond the ticks of its side, or at its coords
      const L = a.label, side = L.side, sign = side === 1 ? -1 : 1;
      // a label aligned with other axes' (Figure.align_ylabels) stays where Python put it
      const at = bases[side - 1] + sign * (L.at == null ? reach[side - 1] + L.pad : L.at);
      const [c0, c1] = L.coords || [null, null];
      // the script's alignment wins (axisdraw.py's _label_place)
      const [x, y, va] = horizontal
        ? [bx + (c0 === null ? L.frac : c0) * bw, c1 === null ? at : by + c1 * bh,
          L.va ?? (c1 !== null ? "center" : side === 1 ? "top" : "baseline")]
        : [c0 === null ? at : bx + c0 * bw, by + (c1 === null ? L.frac : c1) * bh,
          L.va ?? (side === 1 ? "bottom" : "top")];
      if (L.box) {  // bbox=: Python's shape, offset from where the label is aligned
        const move = (pts) => pts.map(([dx, dy]) => [x + dx, y + dy]);
        for (const tri of L.box.fill) fills.push([move(tri), L.box.face]);
        if (L.box.edge) {
          let group = segments.get(L.box.width);
          if (!group) segments.set(L.box.width, group = []);
          group.push([move(L.box.edge), L.box.edge_color]);
        }
      }
      text(L.text, x, y, L.size, L.color, L.ha, va, L.rotation, L.mode, L.face);
    }
  }

  // -- polar axes (lumos/plot/polar.py) -----------------------------------------------------
  const TWO_PI = 2 * Math.PI;
  const ARC_STEP = Math.PI / 180;
  const fullCircle = (t0, t1) => Math.abs(Math.abs(t1 - t0) - TWO_PI) < 1.74e-14;
  const wrap = (a) => a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI);

  function linspace(a, b, n) {
    const step = (b - a) / (n - 1);
    const out = [];
    for (let i = 0; i < n; i++) out.push(i * step + a);
    out[n - 1] = b;
    return out;
  }

  /** PolarAxes.draw_frame (labels) and _grid_segments for the camera: the controller
   * scales the view about the pole (a new rmax) and moves the r labels (rlabel). */
  function polar(r, rec, cam) {
    const table = rec.text;
    const [bx, by, bw, bh] = rec.box;
    const rect = cam.rect.map(Number);
    const k = Math.abs(rect[2]) / Math.abs(rec.rect[2]);  // zoom since the export
    const rscale = scaleOf(rec.r.scale || { kind: "linear" });
    // PolarAxes.camera_changed: the outer radius follows the zoom
    const rmax = rscale.inverse(rec.origin + rec.sign * rec.outer * k);
    const rlo = Math.min(rec.bottom, rmax), rhi = Math.max(rec.bottom, rmax);
    const [t0, t1] = rec.thetalim;
    const full = fullCircle(t0, t1);
    const proj = (theta, s) => {  // PolarProjection: scale space -> projected space
      const a = rec.direction * theta + rec.offset;
      const rad = (s - rec.origin) * rec.sign;
      return rad >= 0 ? [rad * Math.cos(a), rad * Math.sin(a)] : [NaN, NaN];
    };
    const view = ([x, y]) => [bx + (x - rect[0]) / rect[2] * bw, by + (y - rect[1]) / rect[3] * bh];
    const ticksOf = (part, lo, hi) => (part.ticks ? T().axisTicks(part.ticks, lo, hi)
      : axisTicks(part, lo, hi));
    const th = ticksOf(rec.theta, t0, t1), rt = ticksOf(rec.r, rlo, rhi);
    const labels = [], grid = [];
    const text = (s, x, y, size, color, ha, va, rotation = 0) => {
      if (s) labels.push({ text: s, x, y, size, color, ha, va, rotation });
    };
    // theta labels (_theta_labels), centred outside the outer circle
    const thetaLabels = [];
    if (rec.theta.visible) {
      const pole = view([0, 0]);
      const edge = view([rec.outer * k, 0]);
      const radius = Math.hypot(edge[0] - pole[0], edge[1] - pole[1]);
      const seen = new Set();
      th.major.forEach((v, i) => {
        if (!th.labels[i]) return; // set_xticklabels([]): no label, no room taken
        const a = rec.direction * v + rec.offset;
        const key = Math.round(wrap(a) * 1e9) / 1e9;
        if (full && seen.has(key)) return;
        seen.add(key);
        const u = [Math.cos(a), Math.sin(a)];
        const [w, h] = measure(table, th.labels[i], rec.theta.size);
        const d = radius + rec.theta.label_pad;
        thetaLabels.push([th.labels[i], pole[0] + u[0] * d, pole[1] + u[1] * d, w, h]);
      });
    }
    for (const [s, x, y] of thetaLabels) {
      text(s, x, y, rec.theta.size, rec.theta.color, "center", "center");
    }
    // r labels (_draw_r_labels) along the r-label angle (the camera's `rlabel`)
    if (rec.r.visible) {
      const theta = full ? (Number(cam.rlabel) - rec.offset) * rec.direction
        : (rec.direction > 0 ? t0 : t1);
      const a = rec.direction * theta + rec.offset;
      const normal = [rec.direction * Math.sin(a), -rec.direction * Math.cos(a)];
      rt.major.forEach((v, i) => {
        const [x, y] = view(proj(theta, rscale.forward(v)));
        const s = rt.labels[i];
        if (!(Number.isFinite(x) && Number.isFinite(y)) || !s) return;
        if (full) text(s, x, y, rec.r.size, rec.r.color, "left", "bottom");
        else {
          const [w, h] = measure(table, s, rec.r.size);
          const off = rec.r.pad + Math.abs(normal[0]) * w / 2 + Math.abs(normal[1]) * h / 2;
          text(s, x + normal[0] * off, y + normal[1] * off, rec.r.size, rec.r.color, "center",
            "center");
        }
      });
    }
    if (rec.theta.label) {
      const L = rec.theta.label;
      const below = Math.max(0, ...thetaLabels.map(([, , y, , h]) => by - (y - h / 2)));
      text(L.text, bx + bw / 2, by - below - L.pad, L.size, L.color, "center", "top");
    }
    if (rec.r.label) {
      const L = rec.r.label;
      const beside = Math.max(0, ...thetaLabels.map(([, x, , w]) => bx - (x - w / 2)));
      text(L.text, bx - beside - L.pad, by + bh / 2, L.size, L.color, "center", "bottom", 90.0);
    }
    // the grid (_grid_segments): spokes at the theta ticks, arcs at the r ticks
    const sLo = rscale.forward(rlo), sHi = rscale.forward(rhi);
    if (rec.theta.grid) {
      for (const t of th.major) {
        const seg = [proj(t, sLo), proj(t, sHi)];
        if (seg.every((p) => p.every(Number.isFinite))) grid.push(seg);
      }
    }
    if (rec.r.grid) {
      const n = Math.max(2, Math.ceil((t1 - t0) / ARC_STEP) + 1);
      const thetas = linspace(t0, t1, n);
      for (const s of rt.major.map(rscale.forward)) {
        if (!Number.isFinite(s) || !(Math.min(sLo, sHi) < s && s <= Math.max(sLo, sHi))) continue;
        const arc = thetas.map((t) => proj(t, s));
        if (arc.every((p) => p.every(Number.isFinite))) grid.push(arc);
      }
    }
    return { segments: new Map(), labels, grid, model: [k, 0, 0, 0, 0, k, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
      statics: [rec.theta, rec.r].filter((p) => p.static) };
  }

  const KINDS = { rectilinear, polar };

  lumos.followers.axes = {
    state(r, g) {
      const rec = r.desc.records[g.follow.record];
      return rec ? JSON.stringify(r.desc.views[rec.view].camera) : "";
    },
    run(r, g) {
      const rec = r.desc.records[g.follow.record];
      if (!rec) return false;
      const statics = rec.kind === "polar" ? [["θ", rec.theta], ["r", rec.r]]
        .filter(([, p]) => p.static).map(([name, p]) => ({ name, static: p.static }))
        : rec.axes.filter((a) => a.visible && a.static);
      // a notebook asks the kernel for what its tickers alone know
      if (r.kernel && statics.length) return false;
      const cam = r.desc.views[rec.view].camera;
      const out = KINDS[rec.kind](r, rec, cam);
      for (const d of g.draws) {
        const part = d.follow.part;
        if (part === "text" || part.startsWith("text:")) {
          const face = part === "text" ? "sans" : part.slice(5);
          writeText(r, d, tableOf(rec, face), out.labels.filter((L) => (L.face || "sans") === face));
        } else if (part === "grid" || part.startsWith("grid:")) {
          const grid = part === "grid" ? out.grid : (out.grids[part.slice(5)] || []);
          const c = lineColor(r, d);
          writeSegments(r, d, grid, grid.map(() => c));
        } else if (part === "patch") {
          d.model = out.model;  // the wedge grows with r's zoom about the pole
        } else if (part.startsWith("ticks:")) {
          const group = out.segments.get(Number(part.slice(6))) || [];
          writeSegments(r, d, group.map((s) => s[0]), group.map((s) => s[1]));
        } else if (part === "fill") {
          lumos.writeFills(r, d, out.fills || []);
        }
      }
      if (!r.kernel) {
        r.notice(`arrows-${g.follow.record}`, out.approx ? "arrows with heads, brackets, " +
          "connection arms or patches between two data points: turned and scaled with " +
          "the zoom (only Python draws their shape anew for it)" : null);
      }
      if (!r.kernel && (rec.frozen_texts || []).length) {
        r.notice(`texts-${g.follow.record}`, `${rec.frozen_texts.join(", ")}: shown as ` +
          "exported (only Python redraws them for a new view)");
      }
      for (const a of statics) {
        r.notice(`static-${g.follow.record}-${a.name}`, `${a.name} ticks: Python's ` +
          `${a.static.why}, shown as exported (they move with the data)`);
      }
      return true;
    },
  };

  lumos.axes = { measure, layout, place, scaleOf, rectilinear, splitLine, lineOf };
})(typeof window !== "undefined" ? window : globalThis);
