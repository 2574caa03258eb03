/* lumos texts anchored to data in the page (lumos/plot/page_texts.py): the `texts` of a
 * rectilinear axes' record (docs/frame.md, "Followers: axes"), moved with the axes'
 * camera, hidden as clip_on / annotation_clip hide them, their line arrows drawn anew,
 * the other arrows' shapes (Python's lines and polygons) moved with their ends.
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

  /** An annotation's arrow (Annotation._draw_arrow, arrowstyles.draw_arrow with line
   * or triangle heads) from the text's box at `at` to the point `end`, as polylines;
   * filled heads go into `fills` ([points, color]). */
  function arrowLines(A, at, end, fills) {
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
      .forEach(([kind, p, prev]) => {
        if (!kind) return;
        const d = [p[0] - prev[0], p[1] - prev[1]], m = Math.hypot(d[0], d[1]);
        if (m === 0 || Math.hypot(A.head[0], A.head[1]) === 0) return;
        const u = [d[0] / m, d[1] / m], nrm = [-u[1], u[0]];
        const base = [p[0] - u[0] * A.head[0], p[1] - u[1] * A.head[0]];
        const head = [[base[0] + nrm[0] * A.head[1], base[1] + nrm[1] * A.head[1]], p,
          [base[0] - nrm[0] * A.head[1], base[1] - nrm[1] * A.head[1]]];
        if (kind === "|>") {
          fills.push([head, A.face]);
          head.push(head[0]);
        }
        out.push(head);
      });
    out.push(path);
    return out;
  }

  /** The map of an arrow's shape (pixels relative to its anchor at export) for its
   * anchor now at `at` and its end `end` pixels from it: the shape moved (Python's picture
   * while the end keeps its offset and patches in data their size, `A.rect`), else
   * turned and scaled to join the ends ({map, exact}). */
  function shapeMap(A, rect, end) {
    const [ex, ey] = A.end, n0 = ex * ex + ey * ey;
    const moved = Math.hypot(end[0] - ex, end[1] - ey) <= 0.01 &&
      !(A.rect && (Math.abs(rect[2] / A.rect[0] - 1) > 1e-9 || Math.abs(rect[3] / A.rect[1] - 1) > 1e-9));
    if (moved || n0 === 0) return { exact: moved, map: (p) => p };
    // the similarity taking the export's offset (ex, ey) to (end): a complex factor
    const c = (end[0] * ex + end[1] * ey) / n0, s = (end[1] * ex - end[0] * ey) / n0;
    return { exact: false, map: ([x, y]) => [c * x - s * y, s * x + c * y] };
  }

  /** Texts anchored to data, moved with the view (Text / Annotation.draw_overlay):
   * hidden when their clip point leaves the box, their arrows drawn anew or their
   * shapes moved (`fills`: the filled polygons, [points, color]). Whether a shape was
   * turned or scaled (not Python's picture). */
  function texts(rec, rect, segments, labels, fills) {
    let approx = false;
    const [bx, by, bw, bh] = rec.box;
    // a data point (scale space) in figure pixels; `fractions`: axes fractions along
    // x and/or y (a blended transform's text)
    const px = (p, fractions) => [
      bx + (fractions && fractions[0] ? p[0] : (p[0] - rect[0]) / rect[2]) * bw,
      by + (fractions && fractions[1] ? p[1] : (p[1] - rect[1]) / rect[3]) * bh];
    const inside = ([x, y]) => Number.isFinite(x) && Number.isFinite(y) &&
      bx - 1e-6 <= x && x <= bx + bw + 1e-6 && by - 1e-6 <= y && y <= by + bh + 1e-6;
    for (const T of rec.texts || []) {
      if (T.clip && !inside(px(T.clip, T.fractions))) continue;
      const at = T.at ? px(T.at, T.fractions) : T.px;
      if (!(Number.isFinite(at[0]) && Number.isFinite(at[1]))) continue;
      for (const e of T.texts) {
        labels.push({ text: e.text, x: at[0] + e.dx, y: at[1] + e.dy, size: e.size, color: e.color,
          ha: e.ha, va: e.va, rotation: e.rotation, face: e.face });
      }
      const A = T.arrow;
      if (!A) continue;
      const end = px(A.xy);
      if (!(Number.isFinite(end[0]) && Number.isFinite(end[1]))) continue;
      const groupOf = (width) => {
        let group = segments.get(width);
        if (!group) segments.set(width, group = []);
        return group;
      };
      if (!A.shape) {
        const group = groupOf(A.width);
        for (const line of arrowLines(A, at, end, fills)) group.push([line, A.color]);
        continue;
      }
      const { map, exact } = shapeMap(A, rect, [end[0] - at[0], end[1] - at[1]]);
      approx = approx || !exact;
      const place = (pts) => pts.map((p) => {
        const [x, y] = map(p);
        return [at[0] + x, at[1] + y];
      });
      for (const [pts, color, width] of A.shape.lines) groupOf(width).push([place(pts), color]);
      for (const [pts, color] of A.shape.fills) fills.push([place(pts), color]);
    }
    return approx;
  }

  lumos.dataTexts = { texts, arrowLines, clipToBox };
})(typeof window !== "undefined" ? window : globalThis);
