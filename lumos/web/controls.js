/* lumos mouse and keyboard in the page: which view is under the cursor, and the
 * bindings of lumos.app.interaction that drive the camera controllers (camera.js),
 * moving views that share an axis (sharex/sharey) and the companions of an axes.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const { controllers, clone } = lumos;

  const FLY_KEYS = { w: { forward: 1 }, arrowup: { forward: 1 }, s: { forward: -1 },
    arrowdown: { forward: -1 }, a: { right: -1 }, arrowleft: { right: -1 }, d: { right: 1 },
    arrowright: { right: 1 }, q: { up: -1 }, e: { up: 1 } };

  /** The controller family of a camera: its own `controller` ("fly") or its type. */
  function controllerOf(camera) {
    return camera.controller || camera.type;
  }

  /** The views a pan or zoom at (x, y) moves, topmost first: the topmost one the mouse
   * may move and, while the one above carries `forward: true`, the next one below
   * (lumos.scene.canvas.Canvas.navigated_views). */
  function viewsAt(desc, x, y) {
    const under = [];
    for (const [id, v] of Object.entries(desc ? desc.views : {})) {
      const [rx, ry, rw, rh] = v.rect;
      if (v.camera.interactive === false || !controllers[controllerOf(v.camera)]) continue;
      if (x >= rx && x < rx + rw && y >= ry && y < ry + rh) under.unshift(id);
    }
    const ids = [];
    for (const id of under) {
      ids.push(id);
      if (!desc.views[id].camera.forward) break;
    }
    return ids;
  }

  function viewAt(desc, x, y) {
    const ids = viewsAt(desc, x, y);
    return ids.length ? ids[0] : null;
  }

  /** Mouse and keyboard bindings of lumos.app.interaction, for a Renderer's canvas:
   * the standalone page and the notebook widget share them. Views with the same rect
   * (twin axes) move together. `options.onChange(ids)` hears of every camera change;
   * `options.takes(pointerEvent)`, when true, keeps a press from starting a drag (the
   * notebook: a draggable legend's box, which the kernel drags). */
  function attachControls(renderer, options) {
    const canvas = renderer.canvas;
    const onChange = options.onChange || (() => {});
    const takes = options.takes || (() => false);
    const home = {};
    let drag = null;
    const desc = () => renderer.desc;
    // the views `ids` and those stacked exactly on one of them (twin axes)
    const group = (ids) => {
      const views = desc().views;
      const rects = ids.map((id) => JSON.stringify(views[id].rect));
      return Object.keys(views).filter((k) => ids.includes(k) || (
        views[k].camera.interactive !== false &&
        rects.includes(JSON.stringify(views[k].rect))));
    };
    const setCamera = (k, next) => {
      const cam = desc().views[k].camera;
      for (const key of Object.keys(cam)) delete cam[key];
      Object.assign(cam, next);
    };
    const apply = (ids, action, ev) => {
      const changed = [];
      for (const k of group(ids)) {
        const view = desc().views[k];
        // a controller this page does not know moves nothing (app/controllers.py's rule)
        const fn = (controllers[controllerOf(view.camera)] || {})[action];
        if (!fn) continue;
        if (!home[k]) home[k] = clone(view.camera);
        setCamera(k, fn(view.camera, ev, view.exact || view.rect));  // the camera's place
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
          // where the axes' camera is shown exactly (View.exact), not its rounded rect
          const [vx, vy, vw, vh] = (axes.exact || axes.rect).map(Number);
          const [cw, ch] = desc().size;
          const ux = rect[2] / Math.max(vw, 1e-9), uy = rect[3] / Math.max(vh, 1e-9);
          rect = [rect[0] - vx * ux, rect[1] - (ch - vy - vh) * uy, cw * ux, ch * uy];
        }
        const cam = Object.assign(clone(view.camera), { rect });
        // what axes fractions span there (lumos/visuals/path.py): the axes' view
        if (cam.axes_rect) cam.axes_rect = axes.camera.rect.slice();
        setCamera(k, cam);
      }
    };
    const reset = (under) => {
      const changed = [];
      let ids = under === undefined ? Object.keys(home) : group(under);
      if (under !== undefined) {  // and the views sharing an axis with them
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
        if (!desc() || takes(ev)) return;
        const [x, y] = position(ev);
        const ids = viewsAt(desc(), x, y);
        if (!ids.length) return;
        const kind = controllerOf(desc().views[ids[0]].camera);
        let mode;
        if (kind === "panzoom") {
          mode = ev.button === 2 ? "zoom" : ev.shiftKey && ev.button === 0 ? "box" : "drag";
        } else if (kind === "polar") {
          mode = ev.button === 2 ? "zoom" : ev.button === 0 ? "drag" : null;
        } else if (kind === "mplot3d") {
          mode = ev.button === 1 || (ev.button === 0 && ev.shiftKey) ? "pan"
            : ev.button === 0 ? "drag" : ev.button === 2 ? "zoom" : null;
        } else mode = ev.button === 2 || ev.button === 1 || ev.shiftKey ? "pan" : "drag";
        drag = { ids, mode, x0: x, y0: y, x, y };
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
        apply(drag.ids, drag.mode, e);
      },
      pointerup: (ev) => {
        if (drag !== null && drag.mode === "box") {
          const [x, y] = position(ev);
          apply(drag.ids, "box", { x0: drag.x0, y0: drag.y0, x, y });
        }
        if (drag !== null && canvas.hasPointerCapture(ev.pointerId)) {
          canvas.releasePointerCapture(ev.pointerId);
        }
        drag = null;
      },
      wheel: (ev) => {
        if (!desc()) return;
        const [x, y] = position(ev);
        const ids = viewsAt(desc(), x, y);
        if (!ids.length) return;
        ev.preventDefault();
        // Pixel deltas come in 100 per notch in Chromium and Firefox; lines in 3.
        const perNotch = ev.deltaMode === 1 ? 3 : ev.deltaMode === 2 ? 1 : 100;
        const notches = (ev.deltaY || ev.deltaX) / perNotch;  // Shift may turn y into x
        let action = "wheel";
        if (controllerOf(desc().views[ids[0]].camera) === "panzoom") {
          action = ev.ctrlKey ? "wheel_x" : ev.shiftKey ? "wheel_y" : "wheel";
        }
        apply(ids, action, { x, y, notches });
      },
      dblclick: (ev) => {
        if (!desc()) return;
        const [x, y] = position(ev);
        const ids = viewsAt(desc(), x, y);
        if (ids.length) reset(ids);
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
            apply([id], "move", move);
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


  Object.assign(lumos, { attachControls, viewAt, viewsAt });
})(typeof window !== "undefined" ? window : globalThis);
