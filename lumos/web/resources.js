/* lumos GPU resources in the page: the frame's programs, vertex and index buffers,
 * textures, vertex arrays and uniforms, uploaded to WebGL2 when their version moves and
 * freed when the frame no longer names them (docs/frame.md; as lumos/gpu/executor.py).
 *
 * Methods of the Renderer (runtime.js mixes them in); loads before runtime.js.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const { blobBytes, texelView } = lumos;

  const HEADER =
    "#version 300 es\nprecision highp float;\nprecision highp int;\nprecision highp sampler3D;\n";

  // -- helpers --------------------------------------------------------------------
  function numberedSource(src) {
    return src.split("\n").map((line, i) => `${String(i + 1).padStart(4)}  ${line}`).join("\n");
  }

  const TEX_FORMATS = {
    // components -> names of the gl enums [internal format for u1, for f4, format, for f2]
    1: ["R8", "R32F", "RED", "R16F"], 2: ["RG8", "RG32F", "RG", "RG16F"],
    3: ["RGB8", "RGB32F", "RGB", "RGB16F"], 4: ["RGBA8", "RGBA32F", "RGBA", "RGBA16F"],
  };


  /** [x, y, w, h] rectangles covering the flat texels start:stop of a texture
   * ``width`` wide (as lumos/gpu/resources.py texel_rects). */
  function texelRects(width, start, stop) {
    let [y0, x0] = [Math.floor(start / width), start % width];
    const [y1, x1] = [Math.floor(stop / width), stop % width];
    if (y0 === y1) return x1 > x0 ? [[x0, y0, x1 - x0, 1]] : [];
    const out = [];
    if (x0) {
      out.push([x0, y0, width - x0, 1]);
      y0 += 1;
    }
    if (y1 > y0) out.push([0, y0, width, y1 - y0]);
    if (x1) out.push([0, y1, x1, 1]);
    return out;
  }

  const resources = {
    /** A private copy of a resource's bytes, so later range updates have a base (a
     * frame's entries point into its blob; update() stores copies). */
    _ownBytes(entry) {
      if (!(entry.data instanceof Uint8Array)) entry.data = blobBytes(entry.data, this.blob).slice();
      return entry.data;
    },

    /** update()'s buffer entries: whole buffers replace the frame's entry; byte ranges
     * go into the page's copy and into the GL buffers that hold it. */
    _updateBuffers(entries, bytes) {
      const desc = this.desc;
      for (const [id, entry] of Object.entries(entries)) {
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
    },

    /** update()'s texture entries: whole textures replace the frame's entry; runs of
     * flat texels go into the page's copy and into the GL texture. */
    _updateTextures(entries, bytes) {
      const desc = this.desc;
      for (const [id, entry] of Object.entries(entries)) {
        const ranges = entry.ranges || ("texel" in entry ? [entry] : null);
        if (ranges === null) {
          desc.textures[id] = Object.assign({}, entry, { data: blobBytes(entry.data, bytes).slice() });
          continue;
        }
        const known = desc.textures[id];
        if (!known) throw new Error(`update: unknown texture ${id}`);
        if (entry.version <= known.version) continue;
        const cpu = this._ownBytes(known);
        const texelBytes = cpu.byteLength / known.shape.reduce((a, b) => a * b, 1);
        const obj = this.textures.get(id);
        for (const r of ranges) {
          const data = blobBytes(r.data, bytes);
          cpu.set(data, r.texel * texelBytes);
          if (obj) this._texTexels(obj, r.texel, data, texelBytes);
        }
        if (obj) obj.version = entry.version;
        known.version = entry.version;
        known.data = cpu;
      }
    },

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
    },

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
    },

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
    },

    _uploadTexture(id, entry, obj) {
      const gl = this.gl;
      const bytes = blobBytes(entry.data, this.blob);
      const shape = entry.shape.map(Number);
      const same = obj && obj.components === entry.components && obj.dtype === entry.dtype &&
        obj.shape.length === shape.length && obj.shape.every((v, i) => v === shape[i]);
      if (same) {
        this._texTexels(obj, 0, bytes, bytes.byteLength / shape.reduce((a, b) => a * b, 1));
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
    },

    _setFilter(obj) {
      const gl = this.gl;
      // Float textures are only filterable with OES_texture_float_linear.
      const linear = obj.filter === "linear" && (obj.dtype !== "f4" || this.floatLinear);
      const f = linear ? gl.LINEAR : gl.NEAREST;
      gl.bindTexture(obj.target, obj.gl);
      gl.texParameteri(obj.target, gl.TEXTURE_MIN_FILTER, f);
      gl.texParameteri(obj.target, gl.TEXTURE_MAG_FILTER, f);
    },

    /** Write the flat texels from ``start`` (``bytes``: whole texels of
     * ``texelBytes``): in 2D at most three rectangles (the rest of the first row, the
     * full rows, the start of the last row; lumos/gpu/resources.py texel_rects), in
     * 3D whole slices. */
    _texTexels(obj, start, bytes, texelBytes) {
      const gl = this.gl;
      const stop = start + bytes.byteLength / texelBytes;
      gl.bindTexture(obj.target, obj.gl);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      if (obj.target === gl.TEXTURE_3D) {
        const [, h, w] = obj.shape;
        gl.texSubImage3D(obj.target, 0, 0, 0, start / (w * h), w, h, (stop - start) / (w * h),
          obj.format, obj.type, texelView(obj, bytes));
      } else {
        const width = obj.shape[1];
        for (const [x, y, w, h] of texelRects(width, start, stop)) {
          const first = (y * width + x - start) * texelBytes;
          const part = bytes.subarray(first, first + w * h * texelBytes);
          gl.texSubImage2D(obj.target, 0, x, y, w, h, obj.format, obj.type, texelView(obj, part));
        }
      }
      this.uploadedBytes += bytes.byteLength;
    },

    _dropVaos(pred) {
      for (const [key, v] of this.vaos) {
        if (pred(v)) {
          this.gl.deleteVertexArray(v.vao);
          this.vaos.delete(key);
        }
      }
    },

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
    },

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
    },

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
    },
  };

  Object.assign(lumos, { HEADER, resources });
})(typeof window !== "undefined" ? window : globalThis);
