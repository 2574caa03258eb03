/* lumos render targets in the page: the offscreen color (and depth) textures that
 * draws render into and later draws sample (docs/frame.md), sized, made, cleared and
 * freed as lumos/gpu/executor.py does.
 *
 * Methods of the Renderer (runtime.js mixes them in); loads before runtime.js.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;

  /** The target id a texture binding names: "rt5" (its color) or "rt5.depth". */
  const targetOf = (id) => id.replace(/\.depth$/, "");

  const renderTargets = {
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
            const r = this.canvasRect(desc.views[d.view].rect);
            size = [Math.max(r[2], 1), Math.max(r[3], 1)];
          }
          found.set(id, size.map(Number));
        }
      }
      return found;
    },

    /** The format a target really gets here: rgba32f without float blending falls back
     * to rgba16f; without float color buffers everything is rgba8. */
    targetFormat(format) {
      if (format === "rgba8" || !this.colorBufferFloat) return "rgba8";
      if (format === "rgba32f" && !this.floatBlend) return "rgba16f";
      return format;
    },

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
    },

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
    },
  };

  Object.assign(lumos, { targetOf, renderTargets });
})(typeof window !== "undefined" ? window : globalThis);
