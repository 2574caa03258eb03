/* lumos texts anchored to data in the page (lumos/plot/page_texts.py): the `texts` of a
 * rectilinear axes' record (docs/frame.md, "Followers: axes"), moved with the axes'
 * camera, hidden as clip_on / annotation_clip hide them, their line arrows drawn anew.
 * axes.js calls `texts` for each rectilinear record and writes the result into the
 * axes' draws with its ticks and labels.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;

  /** Where the segment from a point inside a box to one outside leaves it. */
  function clipToBox(inside, outside, [x0, y0, x1, y1]) {
    const d = [outside[0] - inside[0], outside[1] - inside[1]];
    let t = 1.0;
    [[0, x0, x1], [1, y0, y1]].forEach(([k, lo, hi]) => {
      if (d[k] > 0) t = Math.min(t, (hi - inside[k]) / d[k]);
      else if (d[k] < 0) t = Math.min(t, (lo - inside[k]) / d[k]);
    });
    t = Math.max(t, 0);
    return [inside[0] + t * d[0], inside[1] + t * d[1]];
  }

  /** An annotation's arrow (Annotation._draw_arrow, _draw_styled_arrow with line
   * heads) from the text's box at `at` to the point `end`, as polylines. */
  function arrowLines(A, at, end) {
    const [x0, y0, x1, y1] = [A.box[0] + at[0], A.box[1] + at[1], A.box[2] + at[0], A.box[3] + at[1]];
    const center = [(x0 + x1) / 2, (y0 + y1) / 2];
    let start = A.text ? clipToBox(center, end, [x0 - A.pad, y0 - A.pad, x1 + A.pad, y1 + A.pad])
      : center;
    let tip = end;
    const n = Math.hypot(tip[0] - start[0], tip[1] - start[1]);
    if (!(n <= A.shrink[0] + A.shrink[1] || n === 0)) {  // _shrink
      const u = [(tip[0] - start[0]) / n, (tip[1] - start[1]) / n];
      start = [start[0] + u[0] * A.shrink[0], start[1] + u[1] * A.shrink[0]];
      tip = [tip[0] - u[0] * A.shrink[1], tip[1] - u[1] * A.shrink[1]];
    }
    let path = [start, tip];
    if (A.rad !== 0) {  // _connection: arc3's quadratic curve
      const mid = [(start[0] + tip[0]) / 2, (start[1] + tip[1]) / 2];
      const ctrl = [mid[0] + A.rad * (tip[1] - start[1]), mid[1] - A.rad * (tip[0] - start[0])];
      path = [];
      for (let i = 0; i < 32; i++) {
        const t = i / 31, a = (1 - t) ** 2, b = 2 * (1 - t) * t, c = t ** 2;
        path.push([a * start[0] + b * ctrl[0] + c * tip[0], a * start[1] + b * ctrl[1] + c * tip[1]]);
      }
    }
    const out = [];
    [[A.heads[0], path[0], path[1]], [A.heads[1], path[path.length - 1], path[path.length - 2]]]
      .forEach(([on, p, prev]) => {
        if (!on) return;
        const d = [p[0] - prev[0], p[1] - prev[1]], m = Math.hypot(d[0], d[1]);
        if (m === 0) return;
        const u = [d[0] / m, d[1] / m], nrm = [-u[1], u[0]];
        const base = [p[0] - u[0] * A.head[0], p[1] - u[1] * A.head[0]];
        out.push([[base[0] + nrm[0] * A.head[1], base[1] + nrm[1] * A.head[1]], p,
          [base[0] - nrm[0] * A.head[1], base[1] - nrm[1] * A.head[1]]]);
      });
    out.push(path);
    return out;
  }

  /** Texts anchored to data, moved with the view (Text / Annotation.draw_overlay):
   * hidden when their clip point leaves the box, their arrows drawn anew. */
  function texts(rec, rect, segments, labels) {
    const [bx, by, bw, bh] = rec.box;
    const px = (p) => [bx + (p[0] - rect[0]) / rect[2] * bw, by + (p[1] - rect[1]) / rect[3] * bh];
    const inside = ([x, y]) => Number.isFinite(x) && Number.isFinite(y) &&
      bx - 1e-6 <= x && x <= bx + bw + 1e-6 && by - 1e-6 <= y && y <= by + bh + 1e-6;
    for (const T of rec.texts || []) {
      if (T.clip && !inside(px(T.clip))) continue;
      const at = T.at ? px(T.at) : T.px;
      if (!(Number.isFinite(at[0]) && Number.isFinite(at[1]))) continue;
      for (const e of T.texts) {
        labels.push({ text: e.text, x: at[0] + e.dx, y: at[1] + e.dy, size: e.size, color: e.color,
          ha: e.ha, va: e.va, rotation: e.rotation, face: e.face });
      }
      const A = T.arrow;
      if (!A) continue;
      const end = px(A.xy);
      if (!(Number.isFinite(end[0]) && Number.isFinite(end[1]))) continue;
      let group = segments.get(A.width);
      if (!group) segments.set(A.width, group = []);
      for (const line of arrowLines(A, at, end)) group.push([line, A.color]);
    }
  }

  lumos.dataTexts = { texts, arrowLines, clipToBox };
})(typeof window !== "undefined" ? window : globalThis);
