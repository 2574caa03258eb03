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
 * This file holds the Renderer's frame, its draw loop and its canvas. It mixes in the
 * methods of resources.js (programs, buffers, textures, vertex arrays, uniforms) and
 * targets.js (render targets). The matrices and camera controllers are in camera.js,
 * the mouse and keyboard in controls.js, the frame's bytes in payload.js: all load
 * before this file (lumos.io.html.RUNTIME_FILES). A standalone page (lumos.io.html)
 * calls lumos.mountStandalone() (standalone.js).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const { mul, scale, clone, drawMatrices, viewLens, asBytes, viewAt, attachControls,
    targetOf } = lumos;

  const MODES = { triangles: 4, triangle_strip: 5, lines: 1, line_strip: 3, points: 0 };
  // Uniforms a frame gives in its own physical pixels, which the canvas scales with
  // everything else (the view size of lumos/visuals/line.py's dash scan).
  const PIXEL_UNIFORMS = new Set(["u_view_size"]);

  /** Call ``onChange(devicePixelRatio)`` whenever the window's ratio changes (another
   * screen, the browser's zoom), with a matchMedia query on the current resolution as
   * browsers recommend; returns a function that stops watching. */
  function watchPixelRatio(onChange) {
    if (typeof global.matchMedia !== "function") return () => {};
    let query = null;
    const changed = () => {
      listen();
      onChange(global.devicePixelRatio || 1);
    };
    const listen = () => {
      query = global.matchMedia(`(resolution: ${global.devicePixelRatio || 1}dppx)`);
      query.addEventListener("change", changed, { once: true });
    };
    listen();
    return () => query.removeEventListener("change", changed);
  }

  // -- the executor ----------------------------------------------------------------
  class Renderer {
    /** Draws frames into ``canvas`` with WebGL2; ``options.interactive`` (default
     * true) attaches the mouse camera controllers; ``options.antialias`` (default true)
     * multisamples, as frames with ``samples > 1`` ask (fixed when the context is made);
     * ``options.displayRatio`` is setDisplayRatio's (default: the frame's own). */
    constructor(canvas, options = {}) {
      this.canvas = canvas;
      this.displayRatio = options.displayRatio || null;
      this.scale = 1;  // canvas pixels per frame pixel (setDisplayRatio)
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
     *  textures: {id: {version, texel, data}} or {id: {version, ranges: [{texel, data}]}}
     *            (runs of flat row-major texels; whole slices of a 3D texture); an
     *            entry without texel/ranges replaces the texture.
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
      this._updateBuffers(msg.buffers || {}, bytes);
      this._updateTextures(msg.textures || {}, bytes);
      this._resize();
      this._syncPrograms();
      this._syncResources();
      if (lumos.dirtyFollowers) lumos.dirtyFollowers(this);
      this.requestDraw();
      return this;
    }

    /** Draw at ``ratio`` canvas pixels per CSS pixel (the screen's devicePixelRatio)
     * where the frame has fewer: the canvas' backing store grows, its CSS size stays,
     * and what the frame sizes in pixels (views, line widths, markers, text, ticks)
     * grows with it through u_pixel_ratio: the frame's picture with sharper pixels. A
     * frame made at that ratio or more draws as it is. */
    setDisplayRatio(ratio) {
      this.displayRatio = ratio;
      if (!this.desc) return;
      this._resize();
      this.requestDraw();
    }

    /** The canvas' backing store and CSS size for the frame and the display ratio. */
    _resize() {
      const [w, h] = this.desc.size;
      const ratio = this.desc.pixel_ratio || 1;
      this._setScale(Math.max((this.displayRatio || ratio) / ratio, 1));
      // A browser gives a canvas beyond its limits a smaller drawing buffer: draw at the
      // scale that fills the buffer it gave rather than into a corner of it.
      const gl = this.gl;
      if (this.scale > 1 && (gl.drawingBufferWidth < this.canvas.width ||
          gl.drawingBufferHeight < this.canvas.height)) {
        this._setScale(Math.max(Math.min(gl.drawingBufferWidth / w,
          gl.drawingBufferHeight / h), 1));
      }
      this.canvas.style.width = `${w / ratio}px`;
      this.canvas.style.height = `${h / ratio}px`;
    }

    _setScale(scale) {
      const [w, h] = this.desc.size;
      this.scale = scale;
      const [cw, ch] = [Math.round(w * scale), Math.round(h * scale)];
      if (this.canvas.width !== cw) this.canvas.width = cw;
      if (this.canvas.height !== ch) this.canvas.height = ch;
    }

    /** A rect of the frame (x, y, w, h in frame pixels, from the top left) in canvas
     * pixels: each edge rounded on its own, so views that touch still touch. */
    canvasRect(rect) {
      const s = this.scale;
      const [x0, y0] = [Math.round(rect[0] * s), Math.round(rect[1] * s)];
      return [x0, y0, Math.round((rect[0] + rect[2]) * s) - x0,
        Math.round((rect[1] + rect[3]) * s) - y0];
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
      const [w, h] = [this.canvas.width, this.canvas.height];
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
            const [x, y, vw, vh] = this.canvasRect(view.rect);
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
      const keyed = [];  // the targets drawn into, with their keys
      for (const d of desc.draws) {
        if (d.count <= 0 || d.instances === 0) continue;
        if (unclear.includes(d.view)) clearThrough(d.view);
        const view = views[d.view];
        const [x, y, vw, vh] = this.canvasRect(view.rect);
        if (vw <= 0 || vh <= 0) continue;
        // Into a render target: the whole target is the viewport; else the view's rect.
        let rect = [x, h - y - vh, vw, vh];
        if (d.target !== null && d.target !== undefined) {
          const t = this.targets.get(d.target), key = desc.targets[d.target].key;
          // a target that holds what this draw made under the same key (RenderTarget.key)
          if (key !== undefined && t.key === key) continue;
          keyed.push([t, key]);
          if (Object.values(d.textures).some((id) => targetOf(id) === d.target)) {
            throw new Error(`draw: render target ${d.target} is both drawn into and sampled ` +
              "by one draw");
          }
          if (d.clip !== undefined) {
            throw new Error(`draw: clip applies to draws into the frame's framebuffer, got ` +
              `one into render target ${d.target}`);
          }
          gl.bindFramebuffer(gl.FRAMEBUFFER, t.fbo);
          rect = [0, 0, t.size[0], t.size[1]];
        } else {
          gl.bindFramebuffer(gl.FRAMEBUFFER, null);
        }
        let scissor = rect;
        if (d.clip !== undefined) {  // as the executor: the view's rect limited to the clip
          const [cx, cy, cw, ch] = this.canvasRect(d.clip);
          const x0 = Math.max(rect[0], cx), y0 = Math.max(rect[1], h - cy - ch);
          const x1 = Math.min(rect[0] + rect[2], cx + cw);
          const y1 = Math.min(rect[1] + rect[3], h - cy);
          if (x1 <= x0 || y1 <= y0) continue;
          scissor = [x0, y0, x1 - x0, y1 - y0];
        }
        gl.scissor(...scissor);
        const prog = this.programs.get(d.program);
        gl.useProgram(prog.program);
        // the frame's exact aspect, not the rounded canvas rect's: the same matrices at
        // any scale; the camera shown at the view's exact place (View.exact)
        const exact = view.exact && view.exact.map((v) => v * this.scale);
        const shown = exact && exact[3] > 0 ? exact : view.rect;
        const m = drawMatrices(view.camera, shown[2] / shown[3], d.origin, d.model);
        const lens = viewLens([x, y, vw, vh], exact);
        let mvp = lens ? mul(lens, m.mvp) : m.mvp;
        const origin = [rect[0], rect[1]];  // of the "view" targets it samples: the view's
        if (d.margin) {
          // as executor.grow_viewport: a grown viewport, the same window positions
          const g = Math.ceil(d.margin * this.scale);
          const grown = [rect[0] - g, rect[1] - g, rect[2] + 2 * g, rect[3] + 2 * g];
          mvp = mul(scale([rect[2] / grown[2], rect[3] / grown[3], 1]), mvp);
          rect = grown;
        }
        gl.viewport(...rect);
        const builtin = {
          u_mvp: mvp, u_modelview: m.modelview, u_normal_matrix: m.normal, u_projection: m.proj,
          // GL convention (lower-left corner), comparable with gl_FragCoord.
          u_viewport: rect, u_pixel_ratio: [desc.pixel_ratio * this.scale],
          u_samples: [d.target !== null && d.target !== undefined ? 1 : samples],
          u_target_origin: origin,
        };
        for (const [name, value] of Object.entries(builtin)) this._setUniform(prog, name, value);
        for (const [name, value] of Object.entries(d.uniforms)) {
          const scaled = PIXEL_UNIFORMS.has(name) && this.scale !== 1;
          this._setUniform(prog, name, scaled ? value.map((v) => v * this.scale) : value);
        }
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
          gl.blendEquation(s.blend === "max" ? gl.MAX : gl.FUNC_ADD);
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
      for (const [t, key] of keyed) t.key = key;
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.disable(gl.SCISSOR_TEST);
      gl.disable(gl.POLYGON_OFFSET_FILL);
      gl.disable(gl.SAMPLE_ALPHA_TO_COVERAGE);
      gl.depthMask(true);
      this.frameCount++;
    }

    /** The canvas pixels as RGBA bytes, first row at the top (for tests). */
    readPixels() {
      const gl = this.gl;
      const [w, h] = [this.canvas.width, this.canvas.height];
      const raw = new Uint8Array(w * h * 4);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, raw);
      const out = new Uint8Array(w * h * 4);
      for (let r = 0; r < h; r++) out.set(raw.subarray((h - 1 - r) * w * 4, (h - r) * w * 4), r * w * 4);
      return out;
    }

    // -- interaction ------------------------------------------------------------------
    /** Cursor position in the frame's pixels (its views' rects), not the canvas' (they
     * differ at a display ratio above the frame's), from the canvas' top-left corner. */
    _position(ev) {
      const box = this.canvas.getBoundingClientRect();
      const [w, h] = this.desc.size;
      const sx = box.width ? w / box.width : 1;
      const sy = box.height ? h / box.height : 1;
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

  Object.assign(Renderer.prototype, lumos.resources, lumos.renderTargets);

  Object.assign(lumos, { Renderer, watchPixelRatio });
})(typeof window !== "undefined" ? window : globalThis);
