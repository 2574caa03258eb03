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
 * A standalone page (lumos.io.html) calls lumos.mountStandalone() (standalone.js).
 * The matrices and camera controllers are in camera.js, the mouse and keyboard in
 * controls.js, the frame's bytes in payload.js: they load before this file
 * (lumos.io.html.RUNTIME_FILES).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const { mul, scale, clone, drawMatrices, asBytes, blobBytes, texelView, viewAt, attachControls } =
    lumos;

  const HEADER =
    "#version 300 es\nprecision highp float;\nprecision highp int;\nprecision highp sampler3D;\n";

  // -- helpers --------------------------------------------------------------------
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

  Object.assign(lumos, { HEADER, Renderer });
})(typeof window !== "undefined" ? window : globalThis);
