/* lumos standalone page: lumos.io.html's page calls lumos.mountStandalone(), which
 * unpacks the page's frame (payload.js) and draws it with a Renderer (runtime.js).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const { Renderer, decodeBase64, unpackPayload, watchPixelRatio } = lumos;

  /** Build the page of a standalone HTML export: inflates the frame held by the
   * element with id "lumos-frame" (base64 of a deflated payload) and draws it once, at
   * the screen's devicePixelRatio (Renderer.setDisplayRatio).
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
      // the screen's pixels, not the frame's: sharp on a high-DPI screen, and again
      // after the window moves to a screen of another ratio
      const renderer = new Renderer(canvas, { antialias: (desc.samples || 4) > 1,
        displayRatio: global.devicePixelRatio || 1 });
      renderer.setFrame(desc, blob);
      renderer.draw();
      watchPixelRatio((ratio) => renderer.setDisplayRatio(ratio));
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

  Object.assign(lumos, { mountStandalone, standalone: null, error: null, firstFrameMs: null });
})(typeof window !== "undefined" ? window : globalThis);
