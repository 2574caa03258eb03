/* lumos cameras in the page: float64 matrices and camera parts that mirror
 * lumos/gpu/camera_math.py, and the camera controllers of lumos/app/controllers.py.
 *
 * The first file of the page runtime (lumos.io.html.RUNTIME_FILES): it makes the shared
 * `lumos` object the later files attach to.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos = {};

  // -- float64 4x4 matrices, column-major (m[col * 4 + row]) like the frame JSON ------
  function identity() {
    const m = new Float64Array(16);
    m[0] = m[5] = m[10] = m[15] = 1;
    return m;
  }

  function mul(a, b) {
    const c = new Float64Array(16);
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 4; i++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += a[k * 4 + i] * b[j * 4 + k];
        c[j * 4 + i] = s;
      }
    }
    return c;
  }

  function translate(t) {
    const m = identity();
    m[12] = t[0]; m[13] = t[1]; m[14] = t[2];
    return m;
  }

  function scale(s) {
    const m = identity();
    m[0] = s[0]; m[5] = s[1]; m[10] = s[2];
    return m;
  }

  const radians = (deg) => (deg * Math.PI) / 180;

  function rotateX(deg) {
    const c = Math.cos(radians(deg)), s = Math.sin(radians(deg));
    const m = identity();
    m[5] = c; m[9] = -s; m[6] = s; m[10] = c;
    return m;
  }

  function rotateZ(deg) {
    const c = Math.cos(radians(deg)), s = Math.sin(radians(deg));
    const m = identity();
    m[0] = c; m[4] = -s; m[1] = s; m[5] = c;
    return m;
  }

  function quaternionMatrix(q) {
    let [w, x, y, z] = q.map(Number);
    const n = Math.sqrt(w * w + x * x + y * y + z * z) || 1;
    w /= n; x /= n; y /= n; z /= n;
    const rows = [
      [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
      [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
      [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ];
    const m = identity();
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m[c * 4 + r] = rows[r][c];
    return m;
  }

  function perspective(fovDeg, aspect, near, far) {
    const f = 1 / Math.tan(radians(fovDeg) / 2);
    const m = new Float64Array(16);
    m[0] = f / aspect; m[5] = f;
    m[10] = (far + near) / (near - far);
    m[14] = (2 * far * near) / (near - far);
    m[11] = -1;
    return m;
  }

  function orthographic(halfW, halfH, near, far) {
    const m = identity();
    m[0] = 1 / halfW; m[5] = 1 / halfH;
    m[10] = -2 / (far - near);
    m[14] = -(far + near) / (far - near);
    return m;
  }

  /** Rotation part of a 3D camera (world to view), as camera_math.camera_parts. */
  function cameraRotation(camera) {
    if (camera.type === "turntable") {
      const rot = mul(rotateX(Number(camera.elevation) - 90), rotateZ(-Number(camera.azimuth)));
      // roll turns the picture counter-clockwise about the line of sight
      return mul(rotateZ(Number(camera.roll || 0)), rot);
    }
    if (camera.type === "arcball") return quaternionMatrix(camera.quaternion);
    throw new Error(`camera type: got ${JSON.stringify(camera.type)}, expected 'panzoom', ` +
      "'turntable' or 'arcball'");
  }

  /** [P, eye, center] exactly like camera_math.camera_parts. */
  function cameraParts(camera, aspect) {
    if (camera.type === "panzoom") {
      let [x0, y0, w, h] = camera.rect.map(Number);
      if (w === 0) w = 1;
      if (h === 0) h = 1;
      return [identity(), scale([2 / w, 2 / h, 0]), [x0 + w / 2, y0 + h / 2, 0]];
    }
    const rot = cameraRotation(camera);
    const center = camera.center.map(Number);
    const d = Math.max(Number(camera.distance), 1e-30);
    const fov = camera.fov === undefined ? 45 : Number(camera.fov);
    const eye = mul(translate([0, 0, -d]), rot);
    const proj = fov > 0
      ? perspective(fov, aspect, d / 100, d * 100)
      : orthographic((d / 2) * aspect, d / 2, -d * 100, d * 100);
    if (camera.shift) {
      // a lens shift: the centre of the projection moves by (sx, sy) in NDC units
      const lens = identity();
      lens[12] = Number(camera.shift[0]); lens[13] = Number(camera.shift[1]);
      return [mul(lens, proj), eye, center];
    }
    return [proj, eye, center];
  }

  /** Inverse transpose of the upper 3x3 (column-major 9 floats); identity if singular,
   * as numpy.linalg.inv raising LinAlgError in the Python executor. */
  function normalMatrix(m) {
    const a = m[0], b = m[4], c = m[8];
    const d = m[1], e = m[5], f = m[9];
    const g = m[2], h = m[6], i = m[10];
    const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
    const det = a * A + b * B + c * C;
    if (det === 0 || !Number.isFinite(det)) return new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    // inverse = adj / det; its transpose is the cofactor matrix / det.
    const cof = [
      [A, B, C],
      [-(b * i - c * h), a * i - c * g, -(a * h - b * g)],
      [b * f - c * e, -(a * f - c * d), a * e - b * d],
    ];
    const out = new Float64Array(9);
    for (let r = 0; r < 3; r++) for (let col = 0; col < 3; col++) out[col * 3 + r] = cof[r][col] / det;
    return out;
  }

  /** {mvp, modelview, normal} for one draw, as camera_math.draw_matrices: the
   * translations are combined before the rotation so large origins cancel in float64. */
  function drawMatrices(camera, aspect, origin, model) {
    const [proj, eye, center] = cameraParts(camera, aspect);
    let local = translate([-center[0], -center[1], -center[2]]);
    local = mul(local, model ? Float64Array.from(model) : identity());
    local = mul(local, translate(origin || [0, 0, 0]));
    const modelview = mul(eye, local);
    return { mvp: mul(proj, modelview), modelview, normal: normalMatrix(modelview), proj };
  }

  /** As camera_math.view_lens: the matrix moving clip positions of a camera shown in
   * the `exact` rect into the viewport `rect` (both [x, y, w, h] from the top left);
   * null when there is nothing to move. */
  function viewLens(rect, exact) {
    if (!exact) return null;
    const [x, y, w, h] = rect, [ex, ey, ew, eh] = exact;
    if ((x === ex && y === ey && w === ew && h === eh) || w <= 0 || h <= 0) return null;
    const m = identity();
    m[0] = ew / w; m[5] = eh / h;
    m[12] = m[0] - 1 + 2 * (ex - x) / w;
    m[13] = m[5] - 1 + 2 * ((y + h) - (ey + eh)) / h;
    return m;
  }

  // -- camera controllers: pure functions (camera, event data, view rect) -> camera ---
  // Event data is in physical pixels relative to the canvas' top-left corner, like
  // view rects. Each returns a new camera object; the caller stores it.

  const clone = (o) => JSON.parse(JSON.stringify(o));
  const WHEEL_FACTOR = 1.1; // per notch

  /** Pan: the data point under the cursor follows it. */
  function panzoomDrag(camera, ev, rect) {
    const [x0, y0, w, h] = camera.rect;
    const out = clone(camera);
    out.rect = [x0 - (ev.dx / rect[2]) * w, y0 + (ev.dy / rect[3]) * h, w, h];
    return out;
  }

  /** Zoom both axes about the cursor; notches > 0 zooms out. */
  function panzoomWheel(camera, ev, rect) {
    const [x0, y0, w, h] = camera.rect;
    const u = (ev.x - rect[0]) / rect[2], v = 1 - (ev.y - rect[1]) / rect[3];
    const s = Math.pow(WHEEL_FACTOR, ev.notches);
    const out = clone(camera);
    const cx = x0 + u * w, cy = y0 + v * h;
    out.rect = [cx - u * w * s, cy - v * h * s, w * s, h * s];
    return out;
  }

  /** Turntable rotation: dragging across the smaller side of the view turns 180 deg. */
  function turntableDrag(camera, ev, rect) {
    const k = 180 / Math.min(rect[2], rect[3]);
    const out = clone(camera);
    out.azimuth = Number(camera.azimuth) - ev.dx * k;
    out.elevation = Math.min(90, Math.max(-90, Number(camera.elevation) + ev.dy * k));
    return out;
  }

  /** Distance zoom for turntable and arcball cameras. */
  function orbitWheel(camera, ev) {
    const out = clone(camera);
    out.distance = Number(camera.distance) * Math.pow(WHEEL_FACTOR, ev.notches);
    return out;
  }

  /** Move the center in the view plane so the content at the center depth follows
   * the cursor. */
  function orbitPan(camera, ev, rect) {
    const rot = cameraRotation(camera);
    const d = Number(camera.distance);
    const fov = camera.fov === undefined ? 45 : Number(camera.fov);
    const visible = fov > 0 ? 2 * d * Math.tan(radians(fov) / 2) : d;
    const perPixel = visible / rect[3];
    // Rows 0 and 1 of the rotation are the view's right and up axes in world space.
    const right = [rot[0], rot[4], rot[8]], up = [rot[1], rot[5], rot[9]];
    const out = clone(camera);
    out.center = camera.center.map(
      (c, i) => Number(c) - ev.dx * perPixel * right[i] + ev.dy * perPixel * up[i]);
    return out;
  }

  function qmul(a, b) {
    const [aw, ax, ay, az] = a, [bw, bx, by, bz] = b;
    return [
      aw * bw - ax * bx - ay * by - az * bz,
      aw * bx + ax * bw + ay * bz - az * by,
      aw * by - ax * bz + ay * bw + az * bx,
      aw * bz + ax * by - ay * bx + az * bw,
    ];
  }

  /** A point of the view mapped onto the trackball (unit sphere, hyperbolic outside). */
  function trackballPoint(x, y, rect) {
    const r = Math.min(rect[2], rect[3]) / 2;
    const px = (x - rect[0] - rect[2] / 2) / r, py = -(y - rect[1] - rect[3] / 2) / r;
    const d2 = px * px + py * py;
    const pz = d2 <= 0.5 ? Math.sqrt(1 - d2) : 0.5 / Math.sqrt(d2);
    const n = Math.hypot(px, py, pz);
    return [px / n, py / n, pz / n];
  }

  /** Arcball rotation: the point under the cursor on the trackball follows it. */
  function arcballDrag(camera, ev, rect) {
    const p1 = trackballPoint(ev.x - ev.dx, ev.y - ev.dy, rect);
    const p2 = trackballPoint(ev.x, ev.y, rect);
    const axis = [p1[1] * p2[2] - p1[2] * p2[1], p1[2] * p2[0] - p1[0] * p2[2],
      p1[0] * p2[1] - p1[1] * p2[0]];
    const sinA = Math.hypot(axis[0], axis[1], axis[2]);
    const out = clone(camera);
    if (sinA < 1e-12) return out;
    const angle = Math.atan2(sinA, p1[0] * p2[0] + p1[1] * p2[1] + p1[2] * p2[2]);
    const s = Math.sin(angle / 2) / sinA;
    // The drag rotates in view space, i.e. after the camera's world-to-view rotation.
    let q = qmul([Math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s],
      camera.quaternion.map(Number));
    const n = Math.hypot(q[0], q[1], q[2], q[3]);
    q = q.map((v) => v / n);
    out.quaternion = q;
    return out;
  }

  // -- added with lumos/app/controllers.py (its Python twin; keep the two equal) -------
  const ZOOM_DRAG_PIXELS = 20;  // right-drag pixels that zoom as much as one wheel notch
  const BOX_MIN_PIXELS = 3;     // a box thinner than this leaves that axis alone
  const FLY_STEP = 0.1;         // fly move unit, as a fraction of the camera distance

  /** Scale the shown rectangle by (sx, sy) keeping fraction (u, v) of it in place. */
  function zoomAbout(camera, u, v, sx, sy) {
    const [x0, y0, w, h] = camera.rect;
    const cx = x0 + u * w, cy = y0 + v * h;
    const out = clone(camera);
    out.rect = [cx - u * w * sx, cy - v * h * sy, w * sx, h * sy];
    return out;
  }

  /** Zoom the x axis only (Ctrl + wheel). */
  function panzoomWheelX(camera, ev, rect) {
    const u = (ev.x - rect[0]) / rect[2], v = 1 - (ev.y - rect[1]) / rect[3];
    return zoomAbout(camera, u, v, Math.pow(WHEEL_FACTOR, ev.notches), 1);
  }

  /** Zoom the y axis only (Shift + wheel). */
  function panzoomWheelY(camera, ev, rect) {
    const u = (ev.x - rect[0]) / rect[2], v = 1 - (ev.y - rect[1]) / rect[3];
    return zoomAbout(camera, u, v, 1, Math.pow(WHEEL_FACTOR, ev.notches));
  }

  /** Right-drag zoom about the press point (x0, y0): right zooms x in, up zooms y in. */
  function panzoomZoom(camera, ev, rect) {
    const u = (ev.x0 - rect[0]) / rect[2], v = 1 - (ev.y0 - rect[1]) / rect[3];
    return zoomAbout(camera, u, v, Math.pow(WHEEL_FACTOR, -ev.dx / ZOOM_DRAG_PIXELS),
      Math.pow(WHEEL_FACTOR, ev.dy / ZOOM_DRAG_PIXELS));
  }

  /** Show the rectangle dragged from (x0, y0) to (x, y); a side thinner than
   * BOX_MIN_PIXELS keeps that axis' range (a flat box zooms x only). */
  function panzoomBox(camera, ev, rect) {
    const [x0, y0, w, h] = camera.rect;
    const out = clone(camera);
    const r = [x0, y0, w, h];
    if (Math.abs(ev.x - ev.x0) >= BOX_MIN_PIXELS) {
      const a = (Math.min(ev.x, ev.x0) - rect[0]) / rect[2];
      const b = (Math.max(ev.x, ev.x0) - rect[0]) / rect[2];
      r[0] = x0 + a * w; r[2] = (b - a) * w;
    }
    if (Math.abs(ev.y - ev.y0) >= BOX_MIN_PIXELS) {
      const a = 1 - (Math.max(ev.y, ev.y0) - rect[1]) / rect[3];
      const b = 1 - (Math.min(ev.y, ev.y0) - rect[1]) / rect[3];
      r[1] = y0 + a * h; r[3] = (b - a) * h;
    }
    out.rect = r;
    return out;
  }

  /** Eye minus centre of a turntable camera (z up, azimuth 0 looks along +y). */
  function eyeOffset(az, el, d) {
    const a = radians(az), e = radians(el);
    return [d * Math.cos(e) * Math.sin(a), -d * Math.cos(e) * Math.cos(a), d * Math.sin(e)];
  }

  /** Fly: turn the head; the eye stays and the centre swings around it. Dragging
   * across the smaller side of the view turns by the field of view. */
  function flyDrag(camera, ev, rect) {
    const fov = camera.fov === undefined || camera.fov === null ? 45 : Number(camera.fov);
    const k = (fov > 0 ? fov : 45) / Math.min(rect[2], rect[3]);
    const az = Number(camera.azimuth), el = Number(camera.elevation);
    const d = Number(camera.distance);
    const off = eyeOffset(az, el, d);
    const eye = camera.center.map((c, i) => Number(c) + off[i]);
    const az2 = az - ev.dx * k;
    const el2 = Math.min(89, Math.max(-89, el + ev.dy * k));
    const off2 = eyeOffset(az2, el2, d);
    const out = clone(camera);
    out.azimuth = az2;
    out.elevation = el2;
    out.center = eye.map((p, i) => p - off2[i]);
    return out;
  }

  /** Fly: walk ``forward``, ``right`` and ``up`` (z) in steps of FLY_STEP * distance. */
  function flyMove(camera, ev) {
    const a = radians(Number(camera.azimuth)), e = radians(Number(camera.elevation));
    const forward = [-Math.cos(e) * Math.sin(a), Math.cos(e) * Math.cos(a), -Math.sin(e)];
    const right = [Math.cos(a), Math.sin(a), 0];
    const step = FLY_STEP * Number(camera.distance);
    const f = Number(ev.forward || 0), r = Number(ev.right || 0), u = Number(ev.up || 0);
    const out = clone(camera);
    out.center = camera.center.map((c, i) =>
      Number(c) + step * (f * forward[i] + r * right[i] + (i === 2 ? u : 0)));
    return out;
  }

  /** Fly: the wheel walks forward (notches < 0) or back. */
  function flyWheel(camera, ev) {
    return flyMove(camera, { forward: -ev.notches });
  }

  // Polar axes: a panzoom camera with `rlabel` (the screen angle of the r labels).
  /** Physical pixel of the pole: the origin of the polar view's projected space. */
  function polePixel(camera, rect) {
    const [x0, y0, w, h] = camera.rect;
    return [rect[0] - (x0 / w) * rect[2], rect[1] + (1 + y0 / h) * rect[3]];
  }

  function scaleAboutPole(camera, s) {
    const out = clone(camera);
    out.rect = camera.rect.map((v) => Number(v) * s);
    return out;
  }

  /** An angle in [-pi, pi) (the same formula as the Python twin). */
  function wrapAngle(a) {
    return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  }

  /** Polar: the r labels follow the cursor round the pole when the drag is on them. */
  function polarDrag(camera, ev, rect) {
    const [px, py] = polePixel(camera, rect);
    const before = Math.atan2(py - (ev.y - ev.dy), ev.x - ev.dx - px);
    const now = Math.atan2(py - ev.y, ev.x - px);
    const rlabel = Number(camera.rlabel);
    const out = clone(camera);
    if (Math.abs(wrapAngle(before - rlabel)) <= Math.PI / 45) {
      out.rlabel = rlabel + wrapAngle(now - before);
    }
    return out;
  }

  /** Polar right-drag: away from the pole zooms in, towards it zooms out. */
  function polarZoom(camera, ev, rect) {
    const [px, py] = polePixel(camera, rect);
    const before = Math.hypot(ev.x - ev.dx - px, ev.y - ev.dy - py);
    const now = Math.hypot(ev.x - px, ev.y - py);
    if (before <= 0 || now <= 0) return clone(camera);
    return scaleAboutPole(camera, before / now);
  }

  /** Polar wheel: scale about the pole; notches > 0 zoom out. */
  function polarWheel(camera, ev) {
    return scaleAboutPole(camera, Math.pow(WHEEL_FACTOR, ev.notches));
  }

  // 3D axes (lumos/app/controllers.py "mplot3d"): a turntable camera with `box`, the
  // axes box as fractions of the view's width and height, moved as matplotlib's do.
  function boxPixels(camera, rect) {
    const box = camera.box || [1, 1];
    return [Math.max(rect[2] * Number(box[0]), 1), Math.max(rect[3] * Number(box[1]), 1)];
  }

  /** Scale what the view shows by s (< 1 zooms in) about the projection centre. */
  function zoomBy(camera, s) {
    const out = clone(camera);
    const fov = camera.fov === undefined || camera.fov === null ? 45 : Number(camera.fov);
    if (fov > 0) out.fov = 2 * (180 / Math.PI) * Math.atan(Math.tan(radians(fov) / 2) * s);
    else out.distance = Number(camera.distance) * s;
    return out;
  }

  /** mplot3d rotation: 180 degrees per box size, in the rolled screen's directions. */
  function mplot3dDrag(camera, ev, rect) {
    const [bw, bh] = boxPixels(camera, rect);
    const r = radians(Number(camera.roll || 0));
    const u = ev.dx / bw, v = ev.dy / bh;
    const out = clone(camera);
    out.azimuth = Number(camera.azimuth) + 180 * (v * Math.sin(r) - u * Math.cos(r));
    out.elevation = Math.min(90, Math.max(-90, Number(camera.elevation)
      + 180 * (v * Math.cos(r) + u * Math.sin(r))));
    return out;
  }

  /** mplot3d right-drag: scale by box height / (box height + dy); down zooms in. */
  function mplot3dZoom(camera, ev, rect) {
    const bh = boxPixels(camera, rect)[1];
    if (bh + ev.dy <= 0) return clone(camera);
    return zoomBy(camera, bh / (bh + ev.dy));
  }

  /** mplot3d wheel: zoom about the projection centre; notches > 0 zoom out. */
  function mplot3dWheel(camera, ev) {
    return zoomBy(camera, Math.pow(WHEEL_FACTOR, ev.notches));
  }

  const controllers = {
    panzoom: { drag: panzoomDrag, wheel: panzoomWheel, wheel_x: panzoomWheelX,
      wheel_y: panzoomWheelY, zoom: panzoomZoom, box: panzoomBox },
    turntable: { drag: turntableDrag, wheel: orbitWheel, pan: orbitPan },
    arcball: { drag: arcballDrag, wheel: orbitWheel, pan: orbitPan },
    fly: { drag: flyDrag, wheel: flyWheel, move: flyMove, pan: orbitPan },
    polar: { drag: polarDrag, zoom: polarZoom, wheel: polarWheel },
    mplot3d: { drag: mplot3dDrag, pan: orbitPan, zoom: mplot3dZoom, wheel: mplot3dWheel },
  };

  // mul, scale and clone: for the executor (runtime.js), the bindings (controls.js) and
  // the followers (follow.js)
  Object.assign(lumos, { drawMatrices, cameraParts, normalMatrix, controllers, trackballPoint,
    mul, scale, clone, viewLens });
})(typeof window !== "undefined" ? window : globalThis);
