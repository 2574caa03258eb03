/* lumos WebGL2 executor: runs the frame description of docs/frame.md in a browser.
 *
 * Mirrors lumos/gpu/executor.py (draw order, state, uniforms) and
 * lumos/gpu/camera_math.py (float64 camera matrices) so both executors put every
 * vertex on the same pixel. Plain JavaScript, no build step, no dependencies.
 *
 *   const r = new lumos.Renderer(canvas);
 *   r.setFrame(desc, blob);   // desc: Frame.to_json() dict; blob: ArrayBuffer | view
 *   r.update(msg, blob);      // partial: {buffers: {id: {version, offset, data}}, ...}
 *   r.draw();                 // or r.requestDraw() to draw on the next animation frame
 *
 * A standalone page (lumos.io.html) calls lumos.mountStandalone().
 */
(function (global) {
  "use strict";

  const HEADER =
    "#version 300 es\nprecision highp float;\nprecision highp int;\nprecision highp sampler3D;\n";

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

  // -- helpers --------------------------------------------------------------------
  function decodeBase64(text) {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function asBytes(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (typeof data === "string") return decodeBase64(data);
    throw new TypeError("blob: expected an ArrayBuffer, a typed array, a DataView or base64 text");
  }

  /** The bytes a BLOB reference ({offset, nbytes}) or inline data stands for. */
  function blobBytes(ref, blob) {
    if (ref && typeof ref === "object" && !ArrayBuffer.isView(ref) && !(ref instanceof ArrayBuffer)
        && "nbytes" in ref) {
      return blob.subarray(ref.offset, ref.offset + ref.nbytes);
    }
    return asBytes(ref);
  }

  /** Texel bytes as the typed array texImage wants for the texture's dtype. */
  function texelView(obj, bytes) {
    if (obj.dtype === "u1") return bytes;
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    if (obj.dtype === "f2") {
      return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
    }
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  }

  function numberedSource(src) {
    return src.split("\n").map((line, i) => `${String(i + 1).padStart(4)}  ${line}`).join("\n");
  }

  const MODES = { triangles: 4, triangle_strip: 5, lines: 1, line_strip: 3, points: 0 };
  const TEX_FORMATS = {
    // components -> names of the gl enums [internal format for u1, for f4, format, for f2]
    1: ["R8", "R32F", "RED", "R16F"], 2: ["RG8", "RG32F", "RG", "RG16F"],
    3: ["RGB8", "RGB32F", "RGB", "RGB16F"], 4: ["RGBA8", "RGBA32F", "RGBA", "RGBA16F"],
  };

  /** The target id a texture binding names: "rt5" (its color) or "rt5.depth". */
  const targetOf = (id) => id.replace(/\.depth$/, "");

  // -- the executor ----------------------------------------------------------------
  class Renderer {
    /** Draws frames into ``canvas`` with WebGL2; ``options.interactive`` (default
     * true) attaches the mouse camera controllers; ``options.antialias`` (default true)
     * multisamples, as frames with ``samples > 1`` ask (fixed when the context is made). */
    constructor(canvas, options = {}) {
      this.canvas = canvas;
      const gl = canvas.getContext("webgl2", {
        preserveDrawingBuffer: true, antialias: options.antialias !== false,
        premultipliedAlpha: false,
        alpha: true, depth: true, stencil: false,
      });
      if (!gl) throw new Error("lumos: this browser has no WebGL2");
      this.gl = gl;
      this.floatLinear = !!gl.getExtension("OES_texture_float_linear");
      // Render targets (docs/frame.md): float color buffers need EXT_color_buffer_float;
      // blending into 32-bit floats needs EXT_float_blend, else rgba32f falls back to
      // rgba16f (blendable with EXT_color_buffer_float alone).
      this.colorBufferFloat = !!gl.getExtension("EXT_color_buffer_float");
      this.floatBlend = !!gl.getExtension("EXT_float_blend");
      // Queried, not assumed (volumes are split into bricks below these).
      this.maxTextureSize = gl.getParameter(gl.MAX_TEXTURE_SIZE);
      this.max3DTextureSize = gl.getParameter(gl.MAX_3D_TEXTURE_SIZE);
      this.desc = null;
      this.blob = new Uint8Array(0);
      this.programs = new Map();  // id -> {program, uniforms: Map(name -> {loc, type})}
      this.buffers = new Map();   // "id" (vertex) or "id#i" (index) -> {gl, version, nbytes}
      this.textures = new Map();  // id -> {gl, version, target, shape, components, dtype}
      this.vaos = new Map();      // key -> {vao, buffers: Set of buffer keys}
      this.targets = new Map();   // id -> {gl, fbo, target, size, format, filter, dtype}
      this.initialCameras = {};
      this.frameCount = 0;
      this.uploadedBytes = 0;
      this.onerror = null;
      this._pending = false;
      if (options.interactive !== false) this._attachControls();
    }

    // -- frames and updates ----------------------------------------------------------
    /** Take a whole frame; upload the resources whose version moved and free the ones
     * the frame no longer names. */
    setFrame(desc, blob) {
      if (blob === undefined && typeof desc.blob === "string") blob = desc.blob;
      this.blob = blob === undefined ? new Uint8Array(0) : asBytes(blob);
      this.desc = desc;
      this._resize();
      this._rememberCameras();
      this._syncPrograms();
      this._syncResources();
      // the frame is right for its cameras: followers run once one moves (follow.js)
      this._followed = new Map();
      if (lumos.runFollowers) lumos.runFollowers(this, { init: true });
      return this;
    }

    /** Apply a partial update. ``msg`` may hold:
     *  buffers:  {id: {version, offset, data}} or {id: {version, ranges: [{offset, data}]}}
     *            (byte ranges); an entry without offset/ranges replaces the buffer
     *            ({version, dtype, nbytes, data}, as in a frame).
     *  textures: {id: {version, row, data}} or {id: {version, ranges: [{row, data}]}}
     *            (rows, or slices of a 3D texture, along the first axis); an entry
     *            without row/ranges replaces the texture.
     *  draw_changes: {index: draw} replaces those draws only.
     *  any other frame key (views, draws, programs, size, clear_color, pixel_ratio)
     *  replaces the current one.
     * ``data`` is a BLOB reference into ``blob`` or the bytes themselves. */
    update(msg, blob) {
      if (!this.desc) throw new Error("update: this renderer has no frame yet (setFrame first)");
      const bytes = blob === undefined ? new Uint8Array(0) : asBytes(blob);
      const desc = this.desc;
      for (const [key, value] of Object.entries(msg)) {
        if (key !== "buffers" && key !== "textures" && key !== "draw_changes") desc[key] = value;
      }
      for (const [i, d] of Object.entries(msg.draw_changes || {})) desc.draws[Number(i)] = d;
      this._rememberCameras();
      for (const [id, entry] of Object.entries(msg.buffers || {})) {
        const ranges = entry.ranges || ("offset" in entry ? [entry] : null);
        if (ranges === null) {
          desc.buffers[id] = Object.assign({}, entry, { data: blobBytes(entry.data, bytes).slice() });
          continue;
        }
        const known = desc.buffers[id];
        if (!known) throw new Error(`update: unknown buffer ${id}`);
        if (entry.version <= known.version) continue;  // stale message
        const cpu = this._ownBytes(known);
        for (const r of ranges) {
          const data = blobBytes(r.data, bytes);
          cpu.set(data, r.offset);
          for (const role of ["", "#i"]) {
            const obj = this.buffers.get(id + role);
            if (!obj) continue;
            const target = role ? this.gl.ELEMENT_ARRAY_BUFFER : this.gl.ARRAY_BUFFER;
            if (role) this.gl.bindVertexArray(null);
            this.gl.bindBuffer(target, obj.gl);
            this.gl.bufferSubData(target, r.offset, data);
            this.uploadedBytes += data.byteLength;
            obj.version = entry.version;
          }
        }
        known.version = entry.version;
        known.data = cpu;
      }
      for (const [id, entry] of Object.entries(msg.textures || {})) {
        const ranges = entry.ranges || ("row" in entry ? [entry] : null);
        if (ranges === null) {
          desc.textures[id] = Object.assign({}, entry, { data: blobBytes(entry.data, bytes).slice() });
          continue;
        }
        const known = desc.textures[id];
        if (!known) throw new Error(`update: unknown texture ${id}`);
        if (entry.version <= known.version) continue;
        const cpu = this._ownBytes(known);
        const rowBytes = cpu.byteLength / known.shape[0];
        const obj = this.textures.get(id);
        for (const r of ranges) {
          const data = blobBytes(r.data, bytes);
          cpu.set(data, r.row * rowBytes);
          if (obj) this._texRows(obj, r.row, data.byteLength / rowBytes, data);
        }
        if (obj) obj.version = entry.version;
        known.version = entry.version;
        known.data = cpu;
      }
      this._resize();
      this._syncPrograms();
      this._syncResources();
      if (lumos.dirtyFollowers) lumos.dirtyFollowers(this);
      this.requestDraw();
      return this;
    }

    /** A private copy of a resource's bytes, so later range updates have a base (a
     * frame's entries point into its blob; update() stores copies). */
    _ownBytes(entry) {
      if (!(entry.data instanceof Uint8Array)) entry.data = blobBytes(entry.data, this.blob).slice();
      return entry.data;
    }

    _resize() {
      const [w, h] = this.desc.size;
      const ratio = this.desc.pixel_ratio || 1;
      if (this.canvas.width !== w) this.canvas.width = w;
      if (this.canvas.height !== h) this.canvas.height = h;
      this.canvas.style.width = `${w / ratio}px`;
      this.canvas.style.height = `${h / ratio}px`;
    }

    /** The camera a double-click restores: the first one each view id had. */
    _rememberCameras() {
      for (const [id, view] of Object.entries(this.desc.views)) {
        if (!this.initialCameras[id]) this.initialCameras[id] = clone(view.camera);
      }
    }

    /** Restore the camera of one view (or of all) to its first one, in place. */
    resetCameras(viewId) {
      for (const [id, view] of Object.entries(this.desc.views)) {
        if ((viewId === undefined || id === viewId) && this.initialCameras[id]) {
          const cam = view.camera;
          for (const k of Object.keys(cam)) delete cam[k];
          Object.assign(cam, clone(this.initialCameras[id]));
        }
      }
      this.requestDraw();
    }

    _syncPrograms() {
      const gl = this.gl;
      for (const [id, obj] of this.programs) {
        if (!(id in this.desc.programs)) {
          gl.deleteProgram(obj.program);
          this.programs.delete(id);
          this._dropVaos((v) => v.program === id);
        }
      }
      for (const [id, p] of Object.entries(this.desc.programs)) {
        if (!this.programs.has(id)) this.programs.set(id, this._compile(id, p));
      }
    }

    _compile(id, p) {
      const gl = this.gl;
      const shader = (type, src, label) => {
        const s = gl.createShader(type);
        const full = HEADER + src;
        gl.shaderSource(s, full);
        gl.compileShader(s);
        if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) {
          const log = gl.getShaderInfoLog(s);
          console.error(`lumos: ${label} shader of program ${id} failed to compile:\n${log}\n` +
            numberedSource(full));
          gl.deleteShader(s);
          throw new Error(`shader compilation failed for program ${id} (${label}): ${log}`);
        }
        return s;
      };
      const vs = shader(gl.VERTEX_SHADER, p.vertex, "vertex");
      const fs = shader(gl.FRAGMENT_SHADER, p.fragment, "fragment");
      const program = gl.createProgram();
      gl.attachShader(program, vs);
      gl.attachShader(program, fs);
      gl.linkProgram(program);
      gl.deleteShader(vs);
      gl.deleteShader(fs);
      if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
        const log = gl.getProgramInfoLog(program);
        console.error(`lumos: program ${id} failed to link:\n${log}\n--- vertex\n` +
          numberedSource(HEADER + p.vertex) + "\n--- fragment\n" + numberedSource(HEADER + p.fragment));
        throw new Error(`shader compilation failed for program ${id} (link): ${log}`);
      }
      const uniforms = new Map();
      const n = gl.getProgramParameter(program, gl.ACTIVE_UNIFORMS);
      for (let i = 0; i < n; i++) {
        const info = gl.getActiveUniform(program, i);
        const name = info.name.replace(/\[0\]$/, "");
        const loc = gl.getUniformLocation(program, name);
        if (loc !== null) uniforms.set(name, { loc, type: info.type });
      }
      return { program, uniforms };
    }

    /** Upload what moved; free what the frame no longer names. */
    _syncResources() {
      const gl = this.gl;
      const desc = this.desc;
      const roles = new Set();
      for (const d of desc.draws) {
        for (const a of Object.values(d.attributes)) roles.add(a.buffer);
        if (d.indices !== null && d.indices !== undefined) roles.add(d.indices + "#i");
      }
      for (const [key, obj] of this.buffers) {
        if (!roles.has(key) || !(key.replace(/#i$/, "") in desc.buffers)) {
          gl.deleteBuffer(obj.gl);
          this.buffers.delete(key);
          this._dropVaos((v) => v.buffers.has(key));
        }
      }
      for (const key of roles) {
        const id = key.replace(/#i$/, "");
        const entry = desc.buffers[id];
        if (!entry) throw new Error(`frame: draw names buffer ${id}, which the frame lacks`);
        const obj = this.buffers.get(key);
        if (obj && obj.version === entry.version) continue;
        const bytes = blobBytes(entry.data, this.blob);
        const index = key.endsWith("#i");
        const target = index ? gl.ELEMENT_ARRAY_BUFFER : gl.ARRAY_BUFFER;
        // ELEMENT_ARRAY_BUFFER is VAO state: bind it with no VAO bound.
        gl.bindVertexArray(null);
        if (obj && obj.nbytes === bytes.byteLength && bytes.byteLength > 0) {
          gl.bindBuffer(target, obj.gl);
          gl.bufferSubData(target, 0, bytes);
          obj.version = entry.version;
        } else {
          if (obj) {
            gl.deleteBuffer(obj.gl);
            this._dropVaos((v) => v.buffers.has(key));
          }
          const glbuf = gl.createBuffer();
          gl.bindBuffer(target, glbuf);
          // A zero-sized buffer stands in for empty data, as in the Python executor.
          gl.bufferData(target, bytes.byteLength ? bytes : new Uint8Array(4), gl.DYNAMIC_DRAW);
          this.buffers.set(key, { gl: glbuf, version: entry.version, nbytes: bytes.byteLength });
        }
        this.uploadedBytes += bytes.byteLength;
      }
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);

      for (const [id, obj] of this.textures) {
        if (!(id in desc.textures)) {
          gl.deleteTexture(obj.gl);
          this.textures.delete(id);
        }
      }
      for (const [id, entry] of Object.entries(desc.textures)) {
        const obj = this.textures.get(id);
        if (obj && obj.version === entry.version) continue;
        this._uploadTexture(id, entry, obj);
      }
    }

    _uploadTexture(id, entry, obj) {
      const gl = this.gl;
      const bytes = blobBytes(entry.data, this.blob);
      const shape = entry.shape.map(Number);
      const same = obj && obj.components === entry.components && obj.dtype === entry.dtype &&
        obj.shape.length === shape.length && obj.shape.every((v, i) => v === shape[i]);
      if (same) {
        this._texRows(obj, 0, shape[0], bytes);
        obj.version = entry.version;
        obj.filter = entry.filter;
        this._setFilter(obj);
        return;
      }
      if (obj) gl.deleteTexture(obj.gl);
      const dim3 = shape.length === 3;
      const limit = dim3 ? this.max3DTextureSize : this.maxTextureSize;
      if (Math.max(...shape) > limit) {
        throw new Error(`texture ${id}: got shape [${shape}], beyond this browser's largest ` +
          `${shape.length}D texture (${limit} texels a side)`);
      }
      const target = dim3 ? gl.TEXTURE_3D : gl.TEXTURE_2D;
      const [u1, f4, fmt, f2] = TEX_FORMATS[entry.components];
      const tex = gl.createTexture();
      const created = { gl: tex, version: entry.version, target, shape, filter: entry.filter,
        components: entry.components, dtype: entry.dtype, format: gl[fmt],
        type: { f4: gl.FLOAT, f2: gl.HALF_FLOAT, u1: gl.UNSIGNED_BYTE }[entry.dtype] };
      gl.bindTexture(target, tex);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      const pixels = texelView(created, bytes);
      const internal = gl[{ f4, f2, u1 }[entry.dtype]];
      if (dim3) {
        gl.texImage3D(target, 0, internal, shape[2], shape[1], shape[0], 0, created.format,
          created.type, pixels);
      } else {
        gl.texImage2D(target, 0, internal, shape[1], shape[0], 0, created.format, created.type,
          pixels);
      }
      gl.texParameteri(target, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(target, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      if (dim3) gl.texParameteri(target, gl.TEXTURE_WRAP_R, gl.CLAMP_TO_EDGE);
      this._setFilter(created);
      this.textures.set(id, created);
      this.uploadedBytes += bytes.byteLength;
    }

    _setFilter(obj) {
      const gl = this.gl;
      // Float textures are only filterable with OES_texture_float_linear.
      const linear = obj.filter === "linear" && (obj.dtype !== "f4" || this.floatLinear);
      const f = linear ? gl.LINEAR : gl.NEAREST;
      gl.bindTexture(obj.target, obj.gl);
      gl.texParameteri(obj.target, gl.TEXTURE_MIN_FILTER, f);
      gl.texParameteri(obj.target, gl.TEXTURE_MAG_FILTER, f);
    }

    /** Write ``n`` rows (2D) or slices (3D) starting at ``row``. */
    _texRows(obj, row, n, bytes) {
      const gl = this.gl;
      const pixels = texelView(obj, bytes);
      gl.bindTexture(obj.target, obj.gl);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      if (obj.target === gl.TEXTURE_3D) {
        gl.texSubImage3D(obj.target, 0, 0, 0, row, obj.shape[2], obj.shape[1], n, obj.format,
          obj.type, pixels);
      } else {
        gl.texSubImage2D(obj.target, 0, 0, row, obj.shape[1], n, obj.format, obj.type, pixels);
      }
      this.uploadedBytes += bytes.byteLength;
    }

    _dropVaos(pred) {
      for (const [key, v] of this.vaos) {
        if (pred(v)) {
          this.gl.deleteVertexArray(v.vao);
          this.vaos.delete(key);
        }
      }
    }

    _vao(d, prog) {
      const gl = this.gl;
      const key = JSON.stringify([d.program, d.attributes, d.indices]);
      let v = this.vaos.get(key);
      if (v) return v.vao;
      const vao = gl.createVertexArray();
      const used = new Set();
      gl.bindVertexArray(vao);
      for (const [name, a] of Object.entries(d.attributes)) {
        const loc = gl.getAttribLocation(prog.program, name);
        if (loc < 0) continue;  // the compiler removed an unused input
        used.add(a.buffer);
        gl.bindBuffer(gl.ARRAY_BUFFER, this.buffers.get(a.buffer).gl);
        gl.enableVertexAttribArray(loc);
        if (a.type === "u4") {
          gl.vertexAttribIPointer(loc, a.size, gl.UNSIGNED_INT, a.stride, a.offset);
        } else if (a.type === "u1") {
          // Bytes read as floats 0..255, not normalized (docs/frame.md).
          gl.vertexAttribPointer(loc, a.size, gl.UNSIGNED_BYTE, false, a.stride, a.offset);
        } else if (a.type === "f4") {
          gl.vertexAttribPointer(loc, a.size, gl.FLOAT, false, a.stride, a.offset);
        } else {
          throw new Error(`attribute ${name}: got type ${JSON.stringify(a.type)}, expected ` +
            "'f4', 'u1' or 'u4'");
        }
        gl.vertexAttribDivisor(loc, a.divisor || 0);
      }
      if (d.indices !== null && d.indices !== undefined) {
        used.add(d.indices + "#i");
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.buffers.get(d.indices + "#i").gl);
      }
      gl.bindVertexArray(null);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      v = { vao, buffers: used, program: d.program };
      this.vaos.set(key, v);
      return vao;
    }

    _setUniform(prog, name, value) {
      const u = prog.uniforms.get(name);
      if (!u) return;
      const gl = this.gl;
      const data = new Float32Array(typeof value === "number" ? [value] : value);
      switch (u.type) {
        case gl.FLOAT: gl.uniform1fv(u.loc, data); break;
        case gl.FLOAT_VEC2: gl.uniform2fv(u.loc, data); break;
        case gl.FLOAT_VEC3: gl.uniform3fv(u.loc, data); break;
        case gl.FLOAT_VEC4: gl.uniform4fv(u.loc, data); break;
        case gl.FLOAT_MAT2: gl.uniformMatrix2fv(u.loc, false, data); break;
        case gl.FLOAT_MAT3: gl.uniformMatrix3fv(u.loc, false, data); break;
        case gl.FLOAT_MAT4: gl.uniformMatrix4fv(u.loc, false, data); break;
        default: this._setUniformByLength(u.loc, data);
      }
    }

    _setUniformByLength(loc, data) {
      const gl = this.gl;
      switch (data.length) {
        case 1: gl.uniform1f(loc, data[0]); break;
        case 2: gl.uniform2fv(loc, data); break;
        case 3: gl.uniform3fv(loc, data); break;
        case 4: gl.uniform4fv(loc, data); break;
        case 9: gl.uniformMatrix3fv(loc, false, data); break;
        case 16: gl.uniformMatrix4fv(loc, false, data); break;
        default: throw new Error(`uniform: got ${data.length} floats, expected 1-4, 9 or 16`);
      }
    }

    // -- drawing --------------------------------------------------------------------
    /** Draw on the next animation frame (once, however often it is asked). */
    requestDraw() {
      if (this._pending) return;
      this._pending = true;
      global.requestAnimationFrame(() => {
        this._pending = false;
        try {
          this.draw();
        } catch (err) {
          console.error(err);
          if (this.onerror) this.onerror(err);
        }
      });
    }

    /** Execute the draws in order, exactly like ModernGLExecutor.render; first, the
     * followers whose camera moved recompute their draws (follow.js). */
    draw() {
      const gl = this.gl;
      const desc = this.desc;
      const [w, h] = desc.size;
      if (lumos.runFollowers && lumos.runFollowers(this)) this._syncResources();
      this._syncTargets();
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.disable(gl.SCISSOR_TEST);
      gl.viewport(0, 0, w, h);
      gl.depthMask(true);
      gl.colorMask(true, true, true, true);
      gl.clearDepth(1);
      gl.clearColor(...desc.clear_color);
      gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
      const views = desc.views;
      gl.enable(gl.SCISSOR_TEST);
      // Views draw in order, each background cleared just before the view's own draws
      // (as the executor): a later view (an inset axes) covers what those before drew.
      const unclear = Object.keys(views);
      const clearThrough = (id) => {
        while (unclear.length) {
          const k = unclear.shift(), view = views[k];
          if (view.bgcolor !== null && view.bgcolor !== undefined) {
            const [x, y, vw, vh] = view.rect;
            gl.bindFramebuffer(gl.FRAMEBUFFER, null);
            gl.depthMask(true);  // a draw may have left it off
            gl.scissor(x, h - y - vh, vw, vh);
            gl.clearColor(...view.bgcolor);
            gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
          }
          if (k === id) return;
        }
      };
      const samples = Math.max(gl.getParameter(gl.SAMPLES), 1);  // render targets: 1
      gl.blendEquation(gl.FUNC_ADD);
      gl.depthFunc(gl.LESS);
      gl.cullFace(gl.BACK);
      for (const d of desc.draws) {
        if (d.count <= 0 || d.instances === 0) continue;
        if (unclear.includes(d.view)) clearThrough(d.view);
        const view = views[d.view];
        const [x, y, vw, vh] = view.rect;
        if (vw <= 0 || vh <= 0) continue;
        // Into a render target: the whole target is the viewport; else the view's rect.
        let rect = [x, h - y - vh, vw, vh];
        if (d.target !== null && d.target !== undefined) {
          const t = this.targets.get(d.target);
          if (Object.values(d.textures).some((id) => targetOf(id) === d.target)) {
            throw new Error(`draw: render target ${d.target} is both drawn into and sampled ` +
              "by one draw");
          }
          gl.bindFramebuffer(gl.FRAMEBUFFER, t.fbo);
          rect = [0, 0, t.size[0], t.size[1]];
        } else {
          gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        }
        gl.scissor(...rect);
        const prog = this.programs.get(d.program);
        gl.useProgram(prog.program);
        const m = drawMatrices(view.camera, vw / vh, d.origin, d.model);
        let mvp = m.mvp;
        if (d.margin) {
          // as executor.grow_viewport: a grown viewport, the same window positions
          const g = d.margin;
          const grown = [rect[0] - g, rect[1] - g, rect[2] + 2 * g, rect[3] + 2 * g];
          mvp = mul(scale([rect[2] / grown[2], rect[3] / grown[3], 1]), mvp);
          rect = grown;
        }
        gl.viewport(...rect);
        const builtin = {
          u_mvp: mvp, u_modelview: m.modelview, u_normal_matrix: m.normal, u_projection: m.proj,
          // GL convention (lower-left corner), comparable with gl_FragCoord.
          u_viewport: rect, u_pixel_ratio: [desc.pixel_ratio],
          u_samples: [d.target !== null && d.target !== undefined ? 1 : samples],
        };
        for (const [name, value] of Object.entries(builtin)) this._setUniform(prog, name, value);
        for (const [name, value] of Object.entries(d.uniforms)) this._setUniform(prog, name, value);
        for (const [name, value] of Object.entries(d.int_uniforms)) {
          const u = prog.uniforms.get(name);
          if (u) gl.uniform1i(u.loc, value);
        }
        let unit = 0;
        for (const [name, id] of Object.entries(d.textures)) {
          let tex = this.textures.get(id) || this.targets.get(id);
          if (!tex && id.endsWith(".depth") && this.targets.has(targetOf(id))) {
            tex = this.targets.get(targetOf(id)).depth;
          }
          if (!tex) throw new Error(`draw: texture ${id} is neither a texture nor a target`);
          gl.activeTexture(gl.TEXTURE0 + unit);
          gl.bindTexture(tex.target, tex.gl);
          const u = prog.uniforms.get(name);
          if (u) gl.uniform1i(u.loc, unit);
          unit++;
        }
        const s = d.state;
        (s.depth_test ? gl.enable : gl.disable).call(gl, gl.DEPTH_TEST);
        if (s.blend) {
          gl.enable(gl.BLEND);
          if (s.blend === "add") gl.blendFunc(gl.ONE, gl.ONE);
          else gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
        } else {
          gl.disable(gl.BLEND);
        }
        (s.cull ? gl.enable : gl.disable).call(gl, gl.CULL_FACE);
        if (s.cull) gl.cullFace(s.cull === "front" ? gl.FRONT : gl.BACK);
        if (s.polygon_offset) {
          gl.enable(gl.POLYGON_OFFSET_FILL);
          gl.polygonOffset(s.polygon_offset[0], s.polygon_offset[1]);
        } else {
          gl.disable(gl.POLYGON_OFFSET_FILL);
        }
        (s.alpha_to_coverage ? gl.enable : gl.disable).call(gl, gl.SAMPLE_ALPHA_TO_COVERAGE);
        gl.depthMask(!!s.depth_write);
        gl.bindVertexArray(this._vao(d, prog));
        const mode = MODES[d.mode];
        const instances = d.instances || 1;
        if (d.indices !== null && d.indices !== undefined) {
          gl.drawElementsInstanced(mode, d.count, gl.UNSIGNED_INT, d.first * 4, instances);
        } else {
          gl.drawArraysInstanced(mode, d.first, d.count, instances);
        }
        gl.bindVertexArray(null);
      }
      clearThrough(null);  // views after the last draw (an empty inset axes) cover too
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.disable(gl.SCISSOR_TEST);
      gl.disable(gl.POLYGON_OFFSET_FILL);
      gl.disable(gl.SAMPLE_ALPHA_TO_COVERAGE);
      gl.depthMask(true);
      this.frameCount++;
    }

    // -- render targets -----------------------------------------------------------------
    /** Each target of the frame with its pixel size, as executor.target_sizes: a "view"
     * size is the size of the view of the first draw that names the target. */
    _targetSizes() {
      const desc = this.desc;
      const found = new Map();
      for (const d of desc.draws) {
        const named = Object.values(d.textures).map(targetOf)
          .filter((id) => id in (desc.targets || {}));
        if (d.target !== null && d.target !== undefined) named.unshift(d.target);
        for (const id of named) {
          if (found.has(id)) continue;
          const spec = desc.targets[id];
          if (!spec) throw new Error(`frame: draw names target ${id}, which the frame lacks`);
          let size = spec.size;
          if (size === "view") {
            const r = desc.views[d.view].rect;
            size = [Math.max(r[2], 1), Math.max(r[3], 1)];
          }
          found.set(id, size.map(Number));
        }
      }
      return found;
    }

    /** The format a target really gets here: rgba32f without float blending falls back
     * to rgba16f; without float color buffers everything is rgba8. */
    targetFormat(format) {
      if (format === "rgba8" || !this.colorBufferFloat) return "rgba8";
      if (format === "rgba32f" && !this.floatBlend) return "rgba16f";
      return format;
    }

    /** Make, re-make (size, format or filter changed), free and clear the frame's render
     * targets; called at the start of every draw(). */
    _syncTargets() {
      const gl = this.gl;
      const sizes = this._targetSizes();
      const release = (t) => {
        gl.deleteFramebuffer(t.fbo);
        gl.deleteTexture(t.gl);
        if (t.depth) gl.deleteTexture(t.depth.gl);
      };
      for (const [id, t] of this.targets) {
        if (!sizes.has(id)) {
          release(t);
          this.targets.delete(id);
        }
      }
      gl.disable(gl.SCISSOR_TEST);
      for (const [id, size] of sizes) {
        const spec = this.desc.targets[id];
        const format = this.targetFormat(spec.format);
        let t = this.targets.get(id);
        const depth = !!spec.depth;
        const same = t && t.size[0] === size[0] && t.size[1] === size[1] &&
          t.format === format && t.filter === spec.filter && !!t.depth === depth;
        if (!same) {
          if (t) release(t);
          const internal = { rgba32f: gl.RGBA32F, rgba16f: gl.RGBA16F, rgba8: gl.RGBA8 }[format];
          const tex = gl.createTexture();
          gl.bindTexture(gl.TEXTURE_2D, tex);
          gl.texStorage2D(gl.TEXTURE_2D, 1, internal, size[0], size[1]);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
          const fbo = gl.createFramebuffer();
          gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
          gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
          let depthTex = null;
          if (depth) {
            // 24-bit depth, as the Python executor's; sampled as a value, nearest only
            depthTex = { gl: gl.createTexture(), target: gl.TEXTURE_2D };
            gl.bindTexture(gl.TEXTURE_2D, depthTex.gl);
            gl.texStorage2D(gl.TEXTURE_2D, 1, gl.DEPTH_COMPONENT24, size[0], size[1]);
            for (const [k, v] of [[gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE],
              [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE], [gl.TEXTURE_MIN_FILTER, gl.NEAREST],
              [gl.TEXTURE_MAG_FILTER, gl.NEAREST]]) gl.texParameteri(gl.TEXTURE_2D, k, v);
            gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.DEPTH_ATTACHMENT, gl.TEXTURE_2D,
              depthTex.gl, 0);
          }
          const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
          if (status !== gl.FRAMEBUFFER_COMPLETE) {
            throw new Error(`render target ${id}: ${format} framebuffer incomplete (${status})`);
          }
          t = { gl: tex, fbo, target: gl.TEXTURE_2D, size, format, filter: spec.filter,
            dtype: format === "rgba8" ? "u1" : "f4", fresh: true, depth: depthTex };
          // Half floats filter linearly everywhere; 32-bit floats need the extension.
          if (format === "rgba16f") t.dtype = "f2";
          this._setFilter(t);
          this.targets.set(id, t);
        }
        if (spec.clear !== null && spec.clear !== undefined || t.fresh) {
          gl.bindFramebuffer(gl.FRAMEBUFFER, t.fbo);
          gl.viewport(0, 0, size[0], size[1]);
          gl.clearColor(...(spec.clear || [0, 0, 0, 0]));
          gl.depthMask(true);
          gl.clearDepth(1);
          gl.clear(gl.COLOR_BUFFER_BIT | (t.depth ? gl.DEPTH_BUFFER_BIT : 0));
          t.fresh = false;
        }
      }
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    }

    /** A render target's pixels as RGBA float32, first row at the top (for tests). */
    readTarget(id) {
      const gl = this.gl;
      const t = this.targets.get(id);
      if (!t) throw new Error(`readTarget: no render target ${id}`);
      const [w, h] = t.size;
      gl.bindFramebuffer(gl.FRAMEBUFFER, t.fbo);
      let raw;
      if (t.format === "rgba8") {
        const bytes = new Uint8Array(w * h * 4);
        gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
        raw = Float32Array.from(bytes, (v) => v / 255);
      } else {
        raw = new Float32Array(w * h * 4);
        gl.readPixels(0, 0, w, h, gl.RGBA, gl.FLOAT, raw);
      }
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      const out = new Float32Array(w * h * 4);
      for (let r = 0; r < h; r++) out.set(raw.subarray((h - 1 - r) * w * 4, (h - r) * w * 4), r * w * 4);
      return out;
    }

    /** The canvas pixels as RGBA bytes, first row at the top (for tests). */
    readPixels() {
      const gl = this.gl;
      const [w, h] = this.desc.size;
      const raw = new Uint8Array(w * h * 4);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, raw);
      const out = new Uint8Array(w * h * 4);
      for (let r = 0; r < h; r++) out.set(raw.subarray((h - 1 - r) * w * 4, (h - r) * w * 4), r * w * 4);
      return out;
    }

    // -- interaction ------------------------------------------------------------------
    /** Cursor position in physical pixels relative to the canvas' top-left corner. */
    _position(ev) {
      const box = this.canvas.getBoundingClientRect();
      const sx = box.width ? this.canvas.width / box.width : 1;
      const sy = box.height ? this.canvas.height / box.height : 1;
      return [(ev.clientX - box.left) * sx, (ev.clientY - box.top) * sy];
    }

    /** Show (text) or withdraw (null) a small notice over the canvas' corner, under a
     * key: what the page cannot do alone (docs/frame.md, "Followers"). The texts
     * shown are in `renderer.notices` (tests). */
    notice(key, text) {
      if (!this.notices) this.notices = {};
      if (text === null || text === undefined) delete this.notices[key];
      else this.notices[key] = text;
      const doc = global.document;
      if (!doc || !this.canvas.parentNode) return;
      let el = this._noticeElement;
      const lines = Object.values(this.notices);
      if (!lines.length) {
        if (el) el.style.display = "none";
        return;
      }
      if (!el) {
        el = this._noticeElement = doc.createElement("div");
        el.className = "lumos-notice";
        el.setAttribute("role", "status");
        Object.assign(el.style, { position: "absolute", maxWidth: "70%", padding: "0 3px",
          font: "9px/1.3 sans-serif", color: "#555", background: "rgba(255,255,255,0.8)",
          borderRadius: "2px", pointerEvents: "none" });
        this.canvas.parentNode.insertBefore(el, this.canvas.nextSibling);
      }
      el.textContent = lines.join(" · ");
      el.style.display = "block";
      el.style.left = `${this.canvas.offsetLeft + 2}px`;
      el.style.top = `${this.canvas.offsetTop + 2}px`;
    }

    /** The id of the topmost interactive view under (x, y) (physical pixels). */
    viewAt(x, y) {
      return viewAt(this.desc, x, y);
    }

    _attachControls() {
      this.controls = attachControls(this, {});
    }
  }

  const FLY_KEYS = { w: { forward: 1 }, arrowup: { forward: 1 }, s: { forward: -1 },
    arrowdown: { forward: -1 }, a: { right: -1 }, arrowleft: { right: -1 }, d: { right: 1 },
    arrowright: { right: 1 }, q: { up: -1 }, e: { up: 1 } };

  /** The controller family of a camera: its own `controller` ("fly") or its type. */
  function controllerOf(camera) {
    return camera.controller || camera.type;
  }

  function viewAt(desc, x, y) {
    let found = null;
    for (const [id, v] of Object.entries(desc ? desc.views : {})) {
      const [rx, ry, rw, rh] = v.rect;
      if (v.camera.interactive === false || !controllers[controllerOf(v.camera)]) continue;
      if (x >= rx && x < rx + rw && y >= ry && y < ry + rh) found = id;
    }
    return found;
  }

  /** Mouse and keyboard bindings of lumos.app.interaction, for a Renderer's canvas:
   * the standalone page and the notebook widget share them. Views with the same rect
   * (twin axes) move together. `options.onChange(ids)` hears of every camera change. */
  function attachControls(renderer, options) {
    const canvas = renderer.canvas;
    const onChange = options.onChange || (() => {});
    const home = {};
    let drag = null;
    const desc = () => renderer.desc;
    const group = (id) => {
      const views = desc().views;
      const rect = JSON.stringify(views[id].rect);
      return Object.keys(views).filter((k) => k === id || (
        views[k].camera.interactive !== false && JSON.stringify(views[k].rect) === rect));
    };
    const setCamera = (k, next) => {
      const cam = desc().views[k].camera;
      for (const key of Object.keys(cam)) delete cam[key];
      Object.assign(cam, next);
    };
    const apply = (id, action, ev) => {
      const changed = [];
      for (const k of group(id)) {
        const view = desc().views[k];
        const fn = controllers[controllerOf(view.camera)][action];
        if (!fn) continue;
        if (!home[k]) home[k] = clone(view.camera);
        setCamera(k, fn(view.camera, ev, view.rect));
        changed.push(k);
      }
      for (const k of changed.slice()) share(k, changed);
      companions(changed);
      renderer.requestDraw();
      if (changed.length) onChange(changed);
    };
    // Views sharing an axis with a moved one (subplots(sharex=True); the camera's
    // `share` names the shared x and y) take its range, keeping their own direction.
    const share = (k, changed) => {
      const cam = desc().views[k].camera;
      if (!cam.share || cam.type !== "panzoom") return;
      for (const [v, view] of Object.entries(desc().views)) {
        const other = view.camera;
        if (changed.includes(v) || !other.share || other.interactive === false) continue;
        const rect = other.rect.slice();
        let moved = false;
        for (const i of [0, 1]) {
          if (!cam.share[i] || cam.share[i] !== other.share[i]) continue;
          let [a, w] = [cam.rect[i], cam.rect[i + 2]];
          if ((w < 0) !== (rect[i + 2] < 0)) [a, w] = [a + w, -w];
          rect[i] = a;
          rect[i + 2] = w;
          moved = true;
        }
        if (!moved) continue;
        if (!home[v]) home[v] = clone(other);
        setCamera(v, Object.assign(clone(other), { rect }));
        changed.push(v);
      }
    };
    // Views an axes draws its clip_on=False artists into (lumos/plot/unclipped.py) take
    // the moved axes' camera: over the axes' rectangle as it is, over the whole canvas
    // extended by the canvas around the axes' view.
    const companions = (changed) => {
      const views = desc().views;
      for (const [k, view] of Object.entries(views)) {
        const c = view.camera.companion;
        if (!c || !changed.includes(c.view) || changed.includes(k)) continue;
        const axes = views[c.view];
        let rect = axes.camera.rect.slice();
        if (!c.clip) {
          const [vx, vy, vw, vh] = axes.rect.map(Number);
          const [cw, ch] = desc().size;
          const ux = rect[2] / Math.max(vw, 1e-9), uy = rect[3] / Math.max(vh, 1e-9);
          rect = [rect[0] - vx * ux, rect[1] - (ch - vy - vh) * uy, cw * ux, ch * uy];
        }
        setCamera(k, Object.assign(clone(view.camera), { rect }));
      }
    };
    const reset = (id) => {
      const changed = [];
      let ids = id === undefined ? Object.keys(home) : group(id);
      if (id !== undefined) {  // and the views sharing an axis with them
        const shares = new Set(ids.flatMap((k) => desc().views[k].camera.share || [])
          .filter(Boolean));
        ids = Object.keys(desc().views).filter((k) => ids.includes(k) ||
          (desc().views[k].camera.share || []).some((s) => s && shares.has(s)));
      }
      for (const k of ids) {
        if (!home[k]) continue;
        setCamera(k, home[k]);
        delete home[k];
        changed.push(k);
      }
      companions(changed);
      renderer.requestDraw();
      if (changed.length) onChange(changed);
    };
    const position = (ev) => renderer._position(ev);
    const listeners = {
      pointerdown: (ev) => {
        if (!desc()) return;
        const [x, y] = position(ev);
        const id = viewAt(desc(), x, y);
        if (id === null) return;
        const kind = controllerOf(desc().views[id].camera);
        let mode;
        if (kind === "panzoom") {
          mode = ev.button === 2 ? "zoom" : ev.shiftKey && ev.button === 0 ? "box" : "drag";
        } else if (kind === "polar") {
          mode = ev.button === 2 ? "zoom" : ev.button === 0 ? "drag" : null;
        } else if (kind === "mplot3d") {
          mode = ev.button === 1 || (ev.button === 0 && ev.shiftKey) ? "pan"
            : ev.button === 0 ? "drag" : ev.button === 2 ? "zoom" : null;
        } else mode = ev.button === 2 || ev.button === 1 || ev.shiftKey ? "pan" : "drag";
        drag = { id, mode, x0: x, y0: y, x, y };
        canvas.setPointerCapture(ev.pointerId);
        // keys (reset, fly) need focus; no scrolling, which would move the cursor's view
        if (global.document && global.document.activeElement !== canvas) {
          canvas.focus({ preventScroll: true });
        }
        ev.preventDefault();
      },
      pointermove: (ev) => {
        if (drag === null) return;
        const [x, y] = position(ev);
        const e = { x, y, dx: x - drag.x, dy: y - drag.y, x0: drag.x0, y0: drag.y0 };
        drag.x = x;
        drag.y = y;
        if (drag.mode === "box" || drag.mode === null || (e.dx === 0 && e.dy === 0)) return;
        apply(drag.id, drag.mode, e);
      },
      pointerup: (ev) => {
        if (drag !== null && drag.mode === "box") {
          const [x, y] = position(ev);
          apply(drag.id, "box", { x0: drag.x0, y0: drag.y0, x, y });
        }
        if (drag !== null && canvas.hasPointerCapture(ev.pointerId)) {
          canvas.releasePointerCapture(ev.pointerId);
        }
        drag = null;
      },
      wheel: (ev) => {
        if (!desc()) return;
        const [x, y] = position(ev);
        const id = viewAt(desc(), x, y);
        if (id === null) return;
        ev.preventDefault();
        // Pixel deltas come in 100 per notch in Chromium and Firefox; lines in 3.
        const perNotch = ev.deltaMode === 1 ? 3 : ev.deltaMode === 2 ? 1 : 100;
        const notches = (ev.deltaY || ev.deltaX) / perNotch;  // Shift may turn y into x
        let action = "wheel";
        if (controllerOf(desc().views[id].camera) === "panzoom") {
          action = ev.ctrlKey ? "wheel_x" : ev.shiftKey ? "wheel_y" : "wheel";
        }
        apply(id, action, { x, y, notches });
      },
      dblclick: (ev) => {
        if (!desc()) return;
        const [x, y] = position(ev);
        const id = viewAt(desc(), x, y);
        if (id !== null) reset(id);
      },
      keydown: (ev) => {
        if (!desc()) return;
        const key = ev.key.toLowerCase();
        if (key === "r" || key === "home") {
          reset();
          ev.preventDefault();
          return;
        }
        const move = FLY_KEYS[key];
        if (!move) return;
        for (const [id, v] of Object.entries(desc().views)) {
          if (v.camera.interactive !== false && controllerOf(v.camera) === "fly") {
            apply(id, "move", move);
          }
        }
        ev.preventDefault();
      },
      contextmenu: (ev) => ev.preventDefault(),
    };
    listeners.pointercancel = listeners.pointerup;
    canvas.style.touchAction = "none";
    canvas.style.outline = "none";  // focusable for keys, without a focus ring on the plot
    if (canvas.tabIndex < 0) canvas.tabIndex = 0;
    for (const [name, fn] of Object.entries(listeners)) {
      canvas.addEventListener(name, fn, name === "wheel" ? { passive: false } : undefined);
    }
    return {
      reset,
      detach() {
        for (const [name, fn] of Object.entries(listeners)) canvas.removeEventListener(name, fn);
      },
    };
  }

  /** Inflate zlib ("deflate") bytes with the browser's DecompressionStream. */
  async function inflate(bytes) {
    if (typeof global.DecompressionStream !== "function") {
      throw new Error("this browser cannot inflate the page's data (DecompressionStream: " +
        "Chrome 80, Firefox 113, Safari 16.4 or later)");
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new global.DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /** [desc, blob] from a payload of lumos.io.html.pack_payload (deflated): "LMF1", the
   * JSON length (uint32 LE), the JSON, zeros to a multiple of 8, the blob. */
  async function unpackPayload(bytes) {
    const raw = await inflate(asBytes(bytes));
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const magic = String.fromCharCode(...raw.subarray(0, 4));
    if (magic !== "LMF1") throw new Error(`payload: got magic ${JSON.stringify(magic)}, expected "LMF1"`);
    const n = view.getUint32(4, true);
    const desc = JSON.parse(new TextDecoder().decode(raw.subarray(8, 8 + n)));
    const start = 8 + n + ((8 - ((8 + n) % 8)) % 8);
    return [desc, raw.subarray(start)];
  }

  /** Build the page of a standalone HTML export: inflates the frame held by the
   * element with id "lumos-frame" (base64 of a deflated payload) and draws it once.
   * Resolves to the Renderer; ``lumos.firstFrameMs`` is the time of that first draw. */
  async function mountStandalone(options = {}) {
    const doc = global.document;
    const opts = doc.getElementById("lumos-options");
    const config = Object.assign(opts ? JSON.parse(opts.textContent) : {}, options);
    if (typeof config.title === "string") doc.title = config.title;
    const canvas = doc.getElementById(config.canvas || "lumos-canvas");
    try {
      const text = doc.getElementById("lumos-frame").textContent.trim();
      const [desc, blob] = await unpackPayload(decodeBase64(text));
      const renderer = new Renderer(canvas, { antialias: (desc.samples || 4) > 1 });
      renderer.setFrame(desc, blob);
      renderer.draw();
      lumos.firstFrameMs = global.performance ? global.performance.now() : null;
      lumos.standalone = renderer;
      return renderer;
    } catch (err) {
      lumos.error = String(err && err.stack ? err.stack : err);
      console.error(err);
      const pre = doc.createElement("pre");
      pre.textContent = `lumos could not draw this figure:\n${err}`;
      doc.body.appendChild(pre);
      throw err;
    }
  }

  const lumos = {
    HEADER, Renderer, mountStandalone, decodeBase64, inflate, unpackPayload, drawMatrices,
    cameraParts, normalMatrix, controllers, trackballPoint, attachControls, viewAt, blobBytes,
    standalone: null, error: null, firstFrameMs: null,
  };
  global.lumos = lumos;
})(typeof window !== "undefined" ? window : globalThis);
