/* lumos axes in the page: ticks, tick labels, axis labels and grid lines recomputed
 * from an axes' record (lumos/plot/page_axes.py) whenever its camera moves.
 *
 * The `axes` follower evaluates the record as Python does (lumos/plot/axisdraw.py's
 * TickLayout and draw_axis; Axes._update_grid), with the ticker twin (ticker.js), and
 * writes the result into the draws Python made for it: one Line per tick width, one
 * Text for every label (laid out here from the glyphs its sheet holds: plain text and
 * the math of log labels, as lumos/visuals/glyphs.py and mathtext.py lay them out),
 * and the grid Lines in the axes' view (one per axis and major/minor).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const T = () => lumos.ticker;

  // -- scales (lumos/plot/scale.py, lumos/transforms/nonlinear.py) ----------------------
  function scaleOf(spec) {
    if (spec.kind === "log") {
      const b = spec.base;
      const fn = b === 10 ? Math.log10 : b === 2 ? Math.log2 : b === Math.E ? Math.log
        : (v) => Math.log(v) / Math.log(b);
      return { forward: (v) => (v > 0 ? fn(v) : NaN), inverse: (v) => b ** v };
    }
    if (spec.kind === "symlog") {
      const t = spec.linthresh, b = spec.base, k = spec.linscale / (1 - 1 / b);
      const lnB = Math.log(b);
      return {
        forward: (v) => (Math.abs(v) > t ? Math.sign(v) * t * (k + Math.log(Math.abs(v) / t) / lnB)
          : v * k),
        inverse: (v) => (Math.abs(v) > t * k ? Math.sign(v) * t * b ** (Math.abs(v) / t - k)
          : v / k),
      };
    }
    return { forward: (v) => v, inverse: (v) => v };
  }

  // -- text layout (lumos/visuals/glyphs.py layout, mathtext.py layout_rich, mathtext_parser.py) --
  const SCALES = [1.0, 0.7, 0.49];  // text, script, scriptscript (matplotlib shrinks by 0.7)
  const SCRIPT_SPACE = 0.05;  // x-heights after a script
  // matplotlib's script constants for DejaVu Sans, in x-heights (mathtext.py _scripts_box)
  const SUP_DROP = 790.527 / 1120, SUB_DROP = 102.4 / 1120;
  const SUP1 = 845.824 / 1120, SUB1 = 307.199 / 1120, SUB2 = 632.832 / 1120;
  const DELTA = 0.025, DELTA_SLANTED = 0.2;  // kerns before a script: all, after ∫ ∮
  const SYMBOLS = { times: "\u00d7", cdot: "\u22c5", pm: "\u00b1", mp: "\u2213",
    degree: "\u00b0", infty: "\u221e", circ: "\u2218", sum: "\u2211", prod: "\u220f",
    coprod: "\u2210", bigcap: "\u22c2", bigcup: "\u22c3", bigvee: "\u22c1", bigwedge: "\u22c0",
    bigoplus: "\u2a01", bigotimes: "\u2a02", bigodot: "\u2a00", int: "\u222b", oint: "\u222e",
    iint: "\u222c", iiint: "\u222d" };
  const FONT_CMDS = new Set(["mathrm", "mathdefault", "mathregular", "mathit", "mathbf",
    "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "boldsymbol", "operatorname"]);
  const SPACES = { ",": 3 / 18, ":": 4 / 18, ">": 4 / 18, ";": 5 / 18, "!": -3 / 18,
    quad: 1.0, qquad: 2.0, enspace: 0.5, thinspace: 3 / 18 };
  const BIN = new Set("+\u2212\u00d7\u22c5\u00b7\u00b1\u2213\u00f7\u2218\u2217\u22c6\u2022\u222a\u2229\u2227\u2228\u2295\u2297\u2299\u2216");
  const REL = new Set("=<>\u2264\u2265\u2260\u2248\u2261\u223c\u2243\u2245\u221d\u226a\u226b\u2192\u2190\u21d2\u21d0\u2194\u21d4\u21a6\u2191\u2193\u2208\u2209\u220b\u2282\u2283\u2286\u2287\u22a5\u2225\u2223:");
  const OPEN = new Set("([{\u27e8\u230a\u2308"), CLOSE = new Set(")]}\u27e9\u230b\u2309!?");
  const PUNCT = new Set(",;");
  // big operators (mathtext.py _BIG_OPS), those whose limits go above and below
  // (_OVERUNDER; the integrals take scripts) and those slanted (_SLANTED_OPS)
  const BIG_OPS = new Set("\u2211\u220f\u2210\u22c2\u22c3\u22c1\u22c0\u2a01\u2a02\u2a00\u222b\u222e\u222c\u222d");
  const OVERUNDER = new Set("\u2211\u220f\u2210\u22c2\u22c3\u22c1\u22c0\u2a01\u2a02\u2a00");
  const SLANTED_OPS = new Set("\u222b\u222e");
  const BIG_SCALE = 1.4;  // matplotlib draws big operators this much larger than the text

  class Parser {
    constructor(s) {
      this.s = s;
      this.i = 0;
    }

    list(inGroup) {
      const s = this.s, out = [];
      while (this.i < s.length) {
        const c = s[this.i];
        if (c === "}") {
          this.i++;
          if (inGroup) return out;
          continue;
        }
        if (/\s/.test(c)) {
          this.i++;
          continue;
        }
        if (c === "^" || c === "_") {
          this.i++;
          const arg = this.arg();
          const idx = c === "^" ? 2 : 3;
          const last = out.length ? out[out.length - 1] : null;
          if (last && last[0] === "scripts" && last[idx] === null) {
            last[idx] = arg;
          } else {
            const base = last && last[0] !== "scripts" ? out.pop() : ["group", []];
            const node = ["scripts", base, null, null];
            node[idx] = arg;
            out.push(node);
          }
          continue;
        }
        const node = this.atom();
        if (node !== null) out.push(node);
      }
      return out;
    }

    arg() {
      const s = this.s;
      while (this.i < s.length && /\s/.test(s[this.i])) this.i++;
      if (this.i >= s.length || s[this.i] === "}") return ["group", []];
      const node = this.atom();
      return node === null ? ["group", []] : node;
    }

    atom() {
      const c = this.s[this.i++];
      if (c === "{") return ["group", this.list(true)];
      if (c === "\\") return this.command();
      if (c === "-") return ["sym", "\u2212"];
      if (c === "'") return ["sym", "\u2032"];
      if (c === "~") return ["text", " "];
      return ["sym", c];
    }

    command() {
      const s = this.s, start = this.i;
      while (this.i < s.length && /[A-Za-z]/.test(s[this.i])) this.i++;
      let name = s.slice(start, this.i);
      if (!name) {
        if (this.i >= s.length) return ["text", "\\"];
        name = s[this.i++];
        if (name in SPACES) return ["space", SPACES[name]];
        if (name === " ") return ["text", " "];
        if ("${}_^%#&".includes(name)) return ["sym", name];
        throw new Error(`math: \\${name} is not one the page lays out`);
      }
      if (name in SPACES) return ["space", SPACES[name]];
      if (FONT_CMDS.has(name)) return this.arg();
      if (name === "sqrt") {  // mathtext_parser.py: \sqrt[index]{arg}; bare, the sign
        const rest = s.slice(this.i).trimStart();
        if (!rest || rest[0] === "}") return ["sym", "\u221a"];
        let index = null;
        if (rest[0] === "[") {
          this.i = s.indexOf("[", this.i) + 1;
          let end = s.indexOf("]", this.i);
          if (end < 0) end = s.length;
          index = ["group", new Parser(s.slice(this.i, end)).list(false)];
          this.i = Math.min(end + 1, s.length);
        }
        return ["sqrt", this.arg(), index];
      }
      if (name in SYMBOLS) return ["sym", SYMBOLS[name]];
      throw new Error(`math: \\${name} is not one the page lays out`);
    }
  }

  /** Unescaped $ of a line; its math segments, or null (a plain line). */
  function splitLine(line) {
    const marks = [];
    for (let i = 0; i < line.length; i++) if (line[i] === "$" && (i === 0 || line[i - 1] !== "\\")) marks.push(i);
    if (!marks.length || marks.length % 2) return null;
    const segs = [];
    let pos = 0;
    for (let k = 0; k < marks.length; k += 2) {
      const a = marks[k], b = marks[k + 1];
      if (a > pos) segs.push([false, line.slice(pos, a).replace(/\\\$/g, "$")]);
      segs.push([true, new Parser(line.slice(a + 1, b)).list(false)]);
      pos = b + 1;
    }
    if (pos < line.length) segs.push([false, line.slice(pos).replace(/\\\$/g, "$")]);
    return segs;
  }

  class Box {
    constructor(width = 0, height = 0, depth = 0) {
      this.width = width;
      this.height = height;
      this.depth = depth;
      this.items = [];  // [x0, y0, x1, y1, char] em (char null: a rule)
    }

    put(box, x = 0, y = 0) {
      for (const [a, b, c, d, ch] of box.items) this.items.push([a + x, b + y, c + x, d + y, ch]);
      this.height = Math.max(this.height, box.height + y);
      this.depth = Math.max(this.depth, box.depth - y);
    }
  }

  function glyph(table, ch) {
    const g = table.glyphs[ch];
    if (!g) throw new Error(`text: the page lacks the glyph ${JSON.stringify(ch)}`);
    return g;
  }

  function glyphBox(table, ch, k) {
    const g = glyph(table, ch);
    const box = new Box(g.advance * k);
    if (g.uv) {
      const [x0, y0, x1, y1] = g.box;
      box.items.push([x0 * k, y0 * k, x1 * k, y1 * k, ch]);
    }
    if (g.ink) {
      box.height = Math.max(0, g.ink[3] * k);
      box.depth = Math.max(0, -g.ink[1] * k);
    }
    return box;
  }

  function kerning(table, a, b) {
    return table.kern[a + b] || 0;
  }

  function textBox(table, text, k) {
    const out = new Box();
    let pen = 0, prev = null;
    for (const c of text) {
      if (c.codePointAt(0) < 32) continue;
      if (prev !== null) pen += kerning(table, prev, c) * k;
      const g = glyphBox(table, c, k);
      out.put(g, pen);
      pen += g.width;
      prev = c;
    }
    out.width = pen;
    return out;
  }

  function atomClass(node) {
    const kind = node[0];
    if (kind === "scripts") return atomClass(node[1]) || "ord";
    if (kind === "space") return null;
    if (kind === "sym") {
      const c = node[1];
      if (BIN.has(c)) return "bin";
      if (REL.has(c)) return "rel";
      if (OPEN.has(c)) return "open";
      if (CLOSE.has(c)) return "close";
      if (PUNCT.has(c)) return "punct";
      if (BIG_OPS.has(c)) return "op";
    }
    return "ord";
  }

  /** mathtext.py _glue: the table's math space (0.2 of an italic m) around binary
   * operators and relations and after punctuation, 3/18 em around big operators. */
  function glue(table, a, b) {
    if (a === "bin" || b === "bin") return table.math_space;
    if ((a === "rel") !== (b === "rel") && a !== "open" && a !== "punct" && b !== "close" &&
        b !== "punct") return table.math_space;
    if (a === "punct") return table.math_space;
    if ((a === "op" && (b === "ord" || b === "op")) || (b === "op" && (a === "ord" || a === "close"))) {
      return 3 / 18;
    }
    return 0;
  }

  function mathList(table, nodes, style) {
    const classes = nodes.map(atomClass);
    const real = classes.map((c, i) => (c === null ? -1 : i)).filter((i) => i >= 0);
    real.forEach((i, j) => {
      if (classes[i] !== "bin") return;
      const prev = j ? classes[real[j - 1]] : null;
      const next = j + 1 < real.length ? classes[real[j + 1]] : null;
      if ([null, "bin", "rel", "open", "punct", "op"].includes(prev) ||
          [null, "rel", "close", "punct"].includes(next)) classes[i] = "ord";
    });
    const out = new Box();
    let pen = 0, prev = null;
    nodes.forEach((node, i) => {
      const cls = classes[i];
      if (cls !== null) {
        if (prev !== null) pen += glue(table, prev, cls) * SCALES[style];
        prev = cls;
      }
      const box = nodeBox(table, node, style);
      out.put(box, pen);
      pen += box.width;
    });
    out.width = pen;
    return out;
  }

  function nodeBox(table, node, style) {
    const k = SCALES[style];
    switch (node[0]) {
      case "sym": return BIG_OPS.has(node[1]) ? bigOpBox(table, node[1], k) : glyphBox(table, node[1], k);
      case "text": return textBox(table, node[1], k);
      case "group": return mathList(table, node[1], style);
      case "space": return new Box(node[1] * k);
      case "scripts": return scriptsBox(table, node, style);
      case "sqrt": return sqrtBox(table, node[1], node[2], style);
      default: throw new Error(`math: ${node[0]}`);
    }
  }

  /** mathtext.py _big_op_box: a big operator, larger than the text, centred on the
   * math axis. */
  function bigOpBox(table, ch, k) {
    const kb = k * BIG_SCALE, box = glyphBox(table, ch, kb), ink = glyph(table, ch).ink;
    if (!ink) return box;
    const out = new Box();
    out.put(box, 0, table.axis * k - 0.5 * (ink[1] + ink[3]) * kb);
    out.width = box.width;
    return out;
  }

  /** mathtext.py _rule_box: a solid rectangle (em); the box's width is x1. */
  function ruleBox(x0, y0, x1, y1) {
    const box = new Box(x1, Math.max(0, y1), Math.max(0, -y0));
    if (x1 > x0 && y1 > y0) box.items.push([x0, y0, x1, y1, null]);
    return box;
  }

  /** mathtext.py _sqrt_box: the radical sign at its size where it spans the argument
   * (five rules above it), stretched upright where not; its bar a rule thick 0.06 em
   * over the sign; the argument two rules in; an index at scriptscript size. */
  function sqrtBox(table, arg, index, style) {
    const k = SCALES[style], a = mathList(table, [arg], style), theta = table.rule * k;
    const g = glyph(table, "\u221a"), advance = g.advance * k, ink = g.ink;
    let sy = k, dy = 0, height;
    if (ink) {
      height = ink[3] * k;
      const depth = -ink[1] * k, need = a.height + 5 * theta + a.depth;
      if (height + depth < need - 0.2 * table.x_height * k) {  // too short: stretch it
        sy = k * need / (height + depth);
        dy = -a.depth - ink[1] * sy;
        height = ink[3] * sy + dy;
      }
    } else height = a.height + 5 * theta;
    const out = new Box();
    let x = 0;
    if (index !== null) {
      const ib = mathList(table, [index], 2);
      out.put(ib, 0, 0.6 * height);
      x = ib.width - 0.5 * advance;
    }
    const sign = new Box(advance, Math.max(0, height), ink ? Math.max(0, -(ink[1] * sy + dy)) : 0);
    if (g.uv) sign.items.push([g.box[0] * k, g.box[1] * sy + dy, g.box[2] * k, g.box[3] * sy + dy, "\u221a"]);
    out.put(sign, x);
    const top = height + 0.06 * k, bar0 = x + advance, bar1 = bar0 + a.width + 4 * theta;
    out.put(ruleBox(bar0, top - theta, bar1, top));
    out.put(a, bar0 + 2 * theta);
    out.width = bar1;
    return out;
  }

  /** mathtext.py _limits_box: a big operator with its limits centred above and below. */
  function limitsBox(table, node, style) {
    const [, nucleus, sup, sub] = node;
    const k = SCALES[style], small = Math.min(style + 1, 2);
    const op = nodeBox(table, nucleus, style);
    const supBox = sup !== null ? mathList(table, [sup], small) : null;
    const subBox = sub !== null ? mathList(table, [sub], small) : null;
    const width = Math.max(op.width, ...[supBox, subBox].filter((b) => b).map((b) => b.width));
    const gap = 0.12 * k, out = new Box();
    out.put(op, 0.5 * (width - op.width));
    if (supBox) out.put(supBox, 0.5 * (width - supBox.width), op.height + gap + supBox.depth);
    if (subBox) out.put(subBox, 0.5 * (width - subBox.width), -(op.depth + gap + subBox.height));
    out.width = width + 0.08 * k;
    return out;
  }

  /** mathtext.py _scripts_box (the page's math is upright: the slant kerns of ∫ and ∮
   * only). */
  function scriptsBox(table, node, style) {
    const [, nucleus, sup, sub] = node;
    if (nucleus[0] === "sym" && OVERUNDER.has(nucleus[1])) return limitsBox(table, node, style);
    const k = SCALES[style];
    const nuc = nodeBox(table, nucleus, style);
    const out = new Box();
    out.put(nuc, 0);
    const xh = table.x_height * k, theta = table.rule * k;
    let shiftUp = 0, shiftDown = 0;
    if (nucleus[0] !== "sym") {  // scripts of a compound nucleus hang from its top and bottom
      shiftUp = nuc.height - SUP_DROP * xh * SCALES[1];
      shiftDown = nuc.depth + SUB_DROP * xh * SCALES[1];
    }
    const small = Math.min(style + 1, 2);
    const supBox = sup !== null ? mathList(table, [sup], small) : null;
    const subBox = sub !== null ? mathList(table, [sub], small) : null;
    const shrink = SCALES[small] / k;  // the kerns shrink with their script
    let supKern = DELTA * xh * shrink, subKern = supKern;
    if (nucleus[0] === "sym" && SLANTED_OPS.has(nucleus[1])) {
      supKern = (2 * DELTA * xh + DELTA_SLANTED * (nuc.height - xh * 2 / 3)) * shrink;
      subKern = 0;
    }
    let width = 0, u = 0, v = 0;
    if (supBox === null) v = Math.max(shiftDown, SUB1 * xh, subBox.height - xh * 4 / 5);
    else {
      u = Math.max(shiftUp, SUP1 * xh, supBox.depth + xh / 4);
      if (subBox !== null) {
        v = Math.max(shiftDown, SUB2 * xh);
        let clear = 4 * theta - ((u - supBox.depth) - (subBox.height - v));
        if (clear > 0) {
          v += clear;
          clear = xh * 4 / 5 - u + supBox.depth;
          if (clear > 0) {
            u += clear;
            v -= clear;
          }
        }
      }
    }
    if (subBox !== null) {
      out.put(subBox, nuc.width + subKern, -v);
      width = subKern + subBox.width;
    }
    if (supBox !== null) {
      out.put(supBox, nuc.width + supKern, u);
      width = Math.max(width, supKern + supBox.width);
    }
    out.width = nuc.width + width + SCRIPT_SPACE * xh;
    return out;
  }

  /** The laid-out line of a label, in em: {width, top, bottom, items}, as glyphs.py
   * (plain) or mathtext.py (math) lay it out; labels are one line. */
  function lineOf(table, text) {
    const cache = table._lines || (table._lines = new Map());
    let hit = cache.get(text);
    if (hit) return hit;
    const segs = splitLine(text);
    let box;
    if (segs === null) box = textBox(table, text, 1.0);
    else {
      box = new Box();
      let pen = 0;
      for (const [isMath, payload] of segs) {
        const part = isMath ? mathList(table, payload, 0) : textBox(table, payload, 1.0);
        box.put(part, pen);
        pen += part.width;
      }
      box.width = pen;
    }
    hit = { width: box.width, height: box.height, depth: box.depth, math: segs !== null,
      items: box.items };
    cache.set(text, hit);
    return hit;
  }

  /** The line's box at ``size`` pixels in em, {width, top, bottom}: mathtext.py
   * _Line.extent (a math line's width, height and depth rounded up to whole pixels) in
   * fonts.py block_box (one line: the font's least ascent and descent, or the ink (plain)
   * or math box where it reaches further). */
  function extentOf(table, ln, size) {
    const px = (v) => (ln.math ? Math.ceil(v * size - 1e-9) / size : v);
    return { width: px(ln.width), top: Math.max(table.ascender, px(ln.height)),
      bottom: -Math.max(-table.descender, px(ln.depth)) };
  }

  /** (width, height, descent) in pixels: lumos.plot.text.measure. */
  function measure(table, text, size) {
    if (!text) return [0, 0, 0];
    const ln = extentOf(table, lineOf(table, text), size);
    return [ln.width * size, (ln.top - ln.bottom) * size, -ln.bottom * size];
  }

  /** Glyph quads of a label: [corners (BL, BR, TR, TL) x, y pixel offsets, uv rect]. */
  function layout(table, text, size, ha, va, rotation) {
    const ln = lineOf(table, text), ext = extentOf(table, ln, size);
    const yOff = { top: -ext.top, bottom: -ext.bottom, center: -0.5 * (ext.top + ext.bottom),
      baseline: 0 }[va];
    const align = { left: 0, center: 0.5, right: 1 }[ha];
    const c = Math.cos(rotation * Math.PI / 180), s = Math.sin(rotation * Math.PI / 180);
    const out = [];
    const quad = ([x0, y0, x1, y1], uv) => {
      const bx0 = (x0 - align * ext.width) * size, bx1 = (x1 - align * ext.width) * size;
      const by0 = (y0 + yOff) * size, by1 = (y1 + yOff) * size;
      let q = [[bx0, by0], [bx1, by0], [bx1, by1], [bx0, by1]];
      if (rotation !== 0) q = q.map(([x, y]) => [c * x - s * y, s * x + c * y]);
      out.push([q, uv]);
    };
    for (const [x0, y0, x1, y1, ch] of ln.items) {
      if (ch !== null) quad([x0, y0, x1, y1], glyph(table, ch).uv);
      else for (const [box, uv] of ruleSlices(table, x0, y0, x1, y1)) quad(box, uv);
    }
    return out;
  }

  /** glyphs.py _slices: pieces [q0, q1, t0, t1] mapping the span [a, b] (em) onto a
   * block cell's axis (outline from texel lo to hi of n, f texels an em): the ends 1:1,
   * only a saturated middle stretched. */
  function slices(a, b, lo, hi, n, f, sat) {
    const half = 0.5 * (b - a) * f, r = Math.min(half, sat, 0.5 * (hi - lo));
    const out = [[a - lo / f, a + r / f, 0, lo + r]];
    if (half > r) out.push([a + r / f, b - r / f, 0.5 * (lo + hi), 0.5 * (lo + hi)]);
    out.push([b - r / f, b + (n - hi) / f, hi - r, n]);
    return out;
  }

  /** glyphs.py rule_quads: a rule (em) as the nine-slice of the full block's cell
   * (the table's `rule_cell`), [box em, uv in the sheet] each. */
  function ruleSlices(table, x0, y0, x1, y1) {
    const R = table.rule_cell;
    if (!R || x1 <= x0 || y1 <= y0) return [];
    const [u0, v0, u1, v1] = glyph(table, "\u2588").uv;
    const [w, h] = R.size, [left, right, bottom, top] = R.edges;
    const out = [];
    for (const [qx0, qx1, tu0, tu1] of slices(x0, x1, left, right, w, R.texels_per_em, R.saturated)) {
      for (const [qy0, qy1, tb0, tb1] of slices(y0, y1, bottom, top, h, R.texels_per_em, R.saturated)) {
        // texel rows grow downwards: rows from the bottom, flipped back
        out.push([[qx0, qy0, qx1, qy1], [u0 + tu0 / w * (u1 - u0), v0 + (h - tb1) / h * (v1 - v0),
          u0 + tu1 / w * (u1 - u0), v0 + (h - tb0) / h * (v1 - v0)]]);
      }
    }
    return out;
  }

  // -- writing into the draws -------------------------------------------------------------
  /** The glyphs of a face in an axes' record (its labels' Text visual of that face). */
  function tableOf(rec, face) {
    if (!face || face === "sans") return rec.text;
    const table = (rec.faces || {})[face];
    if (!table) throw new Error(`text: the page lacks the face ${face}`);
    return table;
  }

  const CORNERS = [0, 1, 2, 0, 2, 3];

  /** Labels [{text, x, y, size, color, ha, va, rotation}] into a Text draw. */
  function writeText(r, draw, table, labels) {
    const origin = draw.origin || [0, 0, 0];
    const anchor = [], offset = [], uv = [], color = [], scale = [];
    for (const L of labels) {
      if (!L.text || !L.text.trim() || !Number.isFinite(L.x) || !Number.isFinite(L.y)) continue;
      for (const [q, [u0, v0, u1, v1]] of layout(table, L.text, L.size, L.ha, L.va, L.rotation)) {
        const quv = [[u0, v1], [u1, v1], [u1, v0], [u0, v0]];
        for (const k of CORNERS) {
          anchor.push(L.x - origin[0], L.y - origin[1], 0 - origin[2]);
          offset.push(q[k][0], q[k][1]);
          uv.push(quv[k][0], quv[k][1]);
          color.push(...L.color);
          scale.push(table.sdf_scale * L.size);
        }
      }
    }
    const put = (name, arr, dtype) => {
      const bytes = dtype === "u1" ? Uint8Array.from(arr) : new Uint8Array(Float32Array.from(arr).buffer);
      lumos.shadow(r, draw.attributes[name].buffer, bytes, dtype);
    };
    put("a_anchor", anchor, "f4");
    put("a_offset", offset, "f4");
    put("a_uv", uv, "f4");
    put("a_color", color, "u1");
    put("a_scale", scale, "f4");
    draw.count = scale.length;
  }

  /** Segments [[x0, y0], [x1, y1]] (one color each) into a Line draw, NaN between. */
  function writeSegments(r, draw, segments, colors) {
    const pts = [], rgba = [];
    segments.forEach((seg, i) => {
      if (i) {
        pts.push(NaN, NaN, NaN);
        rgba.push(...colors[i]);
      }
      for (const p of seg) {
        pts.push(p[0], p[1], 0);
        rgba.push(...colors[i]);
      }
    });
    if (!segments.length) {  // two break points: the draw stays, drawing nothing
      pts.push(NaN, NaN, NaN, NaN, NaN, NaN);
      rgba.push(0, 0, 0, 0, 0, 0, 0, 0);
    }
    const p = Float64Array.from(pts);
    lumos.writeLine(r, draw, p, Uint8Array.from(rgba), lineOrigin(p));
  }

  function lineOrigin(pts) {
    const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
    for (let i = 0; i < pts.length; i += 3) {
      if (!(Number.isFinite(pts[i]) && Number.isFinite(pts[i + 1]))) continue;
      for (let k = 0; k < 2; k++) {
        lo[k] = Math.min(lo[k], pts[i + k]);
        hi[k] = Math.max(hi[k], pts[i + k]);
      }
    }
    return [0, 1].map((k) => (Number.isFinite(lo[k]) ? lo[k] / 2 + hi[k] / 2 : 0)).concat([0]);
  }

  /** The RGBA bytes of the first point of a Line draw (its color as exported). */
  function lineColor(r, draw) {
    const id = draw.attributes.a_c0.buffer.replace(/~f$/, "");
    const b = lumos.bufferBytes(r, id);
    return b.length >= 4 ? [b[0], b[1], b[2], b[3]] : [0, 0, 0, 255];
  }

  // -- rectilinear axes (axisdraw.py) ----------------------------------------------------
  /** The ticks of one axis for the data interval [lo, hi]: ticker.js, or the export's
   * ticks when Python's tickers cannot run here (they move with the data). */
  function axisTicks(a, lo, hi) {
    if (a.ticks) return T().axisTicks(a.ticks, lo, hi);
    const st = a.static;
    const inView = (v) => v >= Math.min(lo, hi) && v <= Math.max(lo, hi);
    const major = [], labels = [];
    st.major.forEach((v, i) => {
      if (inView(v)) {
        major.push(v);
        labels.push(st.labels[i]);
      }
    });
    return { major, labels, minor: st.minor.filter(inView), offset: st.offset };
  }

  /** Where a text goes so that it sits at (x, y) as matplotlib puts it: the anchor
   * (ha, baseline) it is drawn from (lumos/plot/text.py place; rotation_mode 'anchor'
   * aligns the unrotated text, 'default' the rotated box). */
  function place(table, text, x, y, size, ha, va, rotation, mode) {
    const rad = rotation * Math.PI / 180, c = Math.cos(rad), s = Math.sin(rad);
    const [w, h, d] = measure(table, text, size);
    if (mode === "anchor" || ((rotation % 360) + 360) % 360 === 0) {
      if (va === "baseline") return [x, y];
      const yb = { top: -(h - d), bottom: d, center: d - h / 2, center_baseline: -(h - d) / 2 }[va];
      return [x - s * yb, y + c * yb];
    }
    const a = { left: 0, center: 0.5, right: 1 }[ha];
    const xs = [], ys = [];
    for (const px of [-a * w, (1 - a) * w]) {
      for (const py of [-d, h - d]) {
        xs.push(c * px - s * py);
        ys.push(s * px + c * py);
      }
    }
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const ox = { left: x0, center: (x0 + x1) / 2, right: x1 }[ha];
    const oy = va === "baseline" ? y0 + d : va === "center_baseline" ? y1 - (h - d) / 2
      : { bottom: y0, top: y1, center: (y0 + y1) / 2 }[va];
    return [x - ox, y - oy];
  }

  /** Figure pixels across the box of a side's spine: fixed, or (a spine at a data
   * value of the other axis) where that value is in the view (Spine.base). */
  function baseOf(spec, horizontal, box, rect) {
    if (spec.px !== undefined) return spec.px;
    const [bx, by, bw, bh] = box;
    // an x axis' spine sits at a y value, and the other way round
    const [lo, len, s0, sw] = horizontal ? [by, bh, rect[1], rect[3]] : [bx, bw, rect[0], rect[2]];
    const p = lo + (scaleOf(spec.scale || { kind: "linear" }).forward(spec.data) - s0) / sw * len;
    return Number.isFinite(p) ? p : lo;
  }

  function rectilinear(r, rec, cam) {
    const segments = new Map(), labels = [], grids = {};
    const rect = cam.rect.map(Number);
    for (const sp of rec.spines || []) {  // spines that move (draw_spines, Spine.extent)
      const along = sp.name === "bottom" || sp.name === "top";
      const base = baseOf(sp.base, along, rec.box, rect);
      let [lo, hi] = sp.extent;
      if (sp.bounds) {  // between data values of its own axis (None: the view's end)
        const [bx, by, bw, bh] = rec.box;
        const scale = scaleOf(sp.scale || { kind: "linear" });
        const [p0, len, s0, sw] = along ? [bx, bw, rect[0], rect[2]] : [by, bh, rect[1], rect[3]];
        const v0 = scale.inverse(s0), v1 = scale.inverse(s0 + sw);
        const b = [sp.bounds[0] ?? Math.min(v0, v1), sp.bounds[1] ?? Math.max(v0, v1)]
          .map((v) => p0 + (scale.forward(v) - s0) / sw * len);
        [lo, hi] = b.every(Number.isFinite) ? [Math.min(...b), Math.max(...b)] : [p0, p0 + len];
      }
      let group = segments.get(sp.width);
      if (!group) segments.set(sp.width, group = []);
      group.push([along ? [[lo, base], [hi, base]] : [[base, lo], [base, hi]], sp.color]);
    }
    rec.axes.forEach((a) => {
      if (!a.visible) return;
      const horizontal = a.name === "x";
      const s0 = horizontal ? rect[0] : rect[1], sw = horizontal ? rect[2] : rect[3];
      const scale = scaleOf(a.scale || { kind: "linear" });
      const l0 = scale.inverse(s0), l1 = scale.inverse(s0 + sw);
      const lo = Math.min(l0, l1), hi = Math.max(l0, l1);
      const t = axisTicks(a, lo, hi);
      // minor labels (Axis.minor_ticks): the minor formatter over the minor ticks
      t.minorLabels = a.minor_formatter && a.ticks && t.minor.length
        ? T().formatter(a.minor_formatter, T().locator(a.ticks.minor)).formatTicks(t.minor, lo, hi)
        : [];
      const bases = a.sides.map((spec) => baseOf(spec, horizontal, rec.box, rect));
      drawAxis(rec, a, t, scale, s0, sw, bases, segments, labels);
      // the grids of this axis (one Line each for major and minor: part
      // "grid:<axis>:<which>", Axes._update_grid), in the axes' view (scale space)
      const o0 = horizontal ? rect[1] : rect[0], ow = horizontal ? rect[3] : rect[2];
      const c0 = Math.min(o0, o0 + ow), c1 = Math.max(o0, o0 + ow);
      for (const which of ["major", "minor"]) {
        const grid = grids[`${a.name}:${which}`] = [];
        if (!a.grid[which]) continue;
        for (const v of t[which].map(scale.forward)) {
          if (!Number.isFinite(v)) continue;
          grid.push(horizontal ? [[v, c0], [v, c1]] : [[c0, v], [c1, v]]);
        }
      }
    });
    const fills = [];
    const approx = lumos.dataTexts.texts(rec, rect, segments, labels, fills);  // texts.js
    return { segments, labels, grids, fills, approx };
  }

  /** draw_axis of lumos/plot/axisdraw.py, with TickLayout: ticks and major labels on
   * either side (each side at its spine: `bases`), rotated as matplotlib rotates them;
   * the offset text and the axis label beyond what the ticks of their side reach. */
  function drawAxis(rec, a, t, scale, s0, sw, bases, segments, labels) {
    const [bx, by, bw, bh] = rec.box;
    const horizontal = a.name === "x";
    const along = (v) => {
      const u = (scale.forward(v) - s0) / sw;
      return horizontal ? bx + u * bw : by + u * bh;
    };
    const lo = horizontal ? bx : by, hi = horizontal ? bx + bw : by + bh;
    const tol = 1e-6 * (hi - lo);
    const text = (s, x, y, size, color, ha, va, rotation = 0, mode = null, face = "sans") => {
      if (!s) return;
      const [tx, ty] = place(tableOf(rec, face), s, x, y, size, ha, va, rotation, mode);
      labels.push({ text: s, x: tx, y: ty, size, color, ha, va: "baseline", rotation, face });
    };
    const reach = [0, 0];
    for (const side of [1, 2]) {
      const base = bases[side - 1], sign = side === 1 ? -1 : 1;
      for (const [st, values, strings] of [[a.major, t.major, t.labels], [a.minor, t.minor, t.minorLabels]]) {
        const pos = values.map(along);
        const outside = st.tick[side - 1] && values.length ? st.len * st.direction : 0;
        let setReach = outside;
        if (st.label[side - 1] && strings.length) {  // TickSet's labels, _draw_labels
          const overrides = (st.overrides || [[], []])[side - 1];
          const shown = [];
          pos.forEach((p, i) => {
            const o = overrides[i] || {};  // a label restyled alone (by its index)
            if (o.visible === false || !strings[i] || !Number.isFinite(p)) return;
            const L = { text: o.text !== undefined ? String(o.text) : strings[i], p,
              size: o.size ?? st.size, color: o.color ?? st.label_color,
              rot: o.rotation ?? st.rotation, mode: o.mode !== undefined ? o.mode : st.mode,
              ha: o.ha ?? st.ha, va: o.va ?? st.va, face: o.face ?? st.face };
            const rad = L.rot * Math.PI / 180, cr = Math.abs(Math.cos(rad)), sr = Math.abs(Math.sin(rad));
            const [w, h] = measure(tableOf(rec, L.face), L.text, L.size);
            L.w = w * cr + h * sr;
            L.h = w * sr + h * cr;
            L.room = T().roomAlong(w, h, L.rot, horizontal);
            shown.push(L);
          });
          if (shown.length) {
            // TickSet.label_gap: past the tick length, the ticks shown or not
            const gap = st.len * st.direction + st.pad;
            setReach = Math.max(outside, gap + Math.max(...shown.map((l) => (horizontal ? l.h : l.w))));
            const keep = st.thin ? T().nonOverlapping(shown.map((l) => l.p),
              shown.map((l) => l.room), a.min_gap) : shown.map(() => true);
            shown.forEach((L, i) => {
              if (!keep[i]) return;
              let { ha, va, mode } = L;
              ha = ha || (horizontal ? "center" : (side === 1 ? "right" : "left"));
              va = va || (horizontal ? (side === 1 ? "top" : "bottom") : "center_baseline");
              const angle = ((L.rot % 360) + 360) % 360;  // _point_at_tick
              if (mode === "xtick") [ha, mode] = [T().haForAngle(angle, va), null];
              else if (mode === "ytick") [va, mode] = [T().vaForAngle(angle, ha), null];
              const [tx, ty] = horizontal ? [L.p, base + sign * gap] : [base + sign * gap, L.p];
              text(L.text, tx, ty, L.size, L.color, ha, va, L.rot, mode, L.face);
            });
          }
        }
        reach[side - 1] = Math.max(reach[side - 1], setReach);
        // ticks of no length or width draw nothing (matplotlib's tick_params(size=0))
        if (!st.tick[side - 1] || !(st.len > 0) || !(st.width > 0)) continue;
        const A = base + sign * st.len * st.direction, B = A - sign * st.len;
        let group = segments.get(st.width);
        if (!group) segments.set(st.width, group = []);
        for (const p of pos) {
          if (!(Number.isFinite(p) && p >= lo - tol && p <= hi + tol)) continue;
          group.push([horizontal ? [[p, A], [p, B]] : [[A, p], [B, p]], st.color]);
        }
      }
    }
    const off = a.offset;  // _draw_offset (Axis.offset_visible)
    if (off.visible && t.offset && t.labels.length && (a.major.label[0] || a.major.label[1])) {
      const side = off.side, sign = side === 1 ? -1 : 1;
      if (horizontal) {
        text(t.offset, bx + bw, bases[side - 1] + sign * (reach[side - 1] + 2), off.size,
          off.color, "right", side === 1 ? "top" : "bottom");
      } else {
        text(t.offset, bx + (side === 2 ? bw : 0), by + bh + 2, off.size, off.color,
          side === 2 ? "right" : "left", "bottom");
      }
    }
    if (a.label) {  // _draw_label: at loc beyond the ticks of its side, or at its coords
      const L = a.label, side = L.side, sign = side === 1 ? -1 : 1;
      const at = bases[side - 1] + sign * (reach[side - 1] + L.pad);
      const [c0, c1] = L.coords || [null, null];
      if (horizontal) {
        const va = L.coords ? "center" : side === 1 ? "top" : "baseline";
        text(L.text, bx + (c0 === null ? L.frac : c0) * bw, c1 === null ? at : by + c1 * bh,
          L.size, L.color, L.ha, va, L.rotation, L.mode, L.face);
      } else {
        text(L.text, c0 === null ? at : bx + c0 * bw, by + (c1 === null ? L.frac : c1) * bh,
          L.size, L.color, L.ha, side === 1 ? "bottom" : "top", L.rotation, L.mode, L.face);
      }
    }
  }

  // -- polar axes (lumos/plot/polar.py) -----------------------------------------------------
  const TWO_PI = 2 * Math.PI;
  const ARC_STEP = Math.PI / 180;
  const fullCircle = (t0, t1) => Math.abs(Math.abs(t1 - t0) - TWO_PI) < 1.74e-14;
  const wrap = (a) => a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI);

  function linspace(a, b, n) {
    const step = (b - a) / (n - 1);
    const out = [];
    for (let i = 0; i < n; i++) out.push(i * step + a);
    out[n - 1] = b;
    return out;
  }

  /** PolarAxes.draw_frame (labels) and _grid_segments for the camera: the controller
   * scales the view about the pole (a new rmax) and moves the r labels (rlabel). */
  function polar(r, rec, cam) {
    const table = rec.text;
    const [bx, by, bw, bh] = rec.box;
    const rect = cam.rect.map(Number);
    const k = Math.abs(rect[2]) / Math.abs(rec.rect[2]);  // zoom since the export
    const rscale = scaleOf(rec.r.scale || { kind: "linear" });
    // PolarAxes.camera_changed: the outer radius follows the zoom
    const rmax = rscale.inverse(rec.origin + rec.sign * rec.outer * k);
    const rlo = Math.min(rec.bottom, rmax), rhi = Math.max(rec.bottom, rmax);
    const [t0, t1] = rec.thetalim;
    const full = fullCircle(t0, t1);
    const proj = (theta, s) => {  // PolarProjection: scale space -> projected space
      const a = rec.direction * theta + rec.offset;
      const rad = (s - rec.origin) * rec.sign;
      return rad >= 0 ? [rad * Math.cos(a), rad * Math.sin(a)] : [NaN, NaN];
    };
    const view = ([x, y]) => [bx + (x - rect[0]) / rect[2] * bw, by + (y - rect[1]) / rect[3] * bh];
    const ticksOf = (part, lo, hi) => (part.ticks ? T().axisTicks(part.ticks, lo, hi)
      : axisTicks(part, lo, hi));
    const th = ticksOf(rec.theta, t0, t1), rt = ticksOf(rec.r, rlo, rhi);
    const labels = [], grid = [];
    const text = (s, x, y, size, color, ha, va, rotation = 0) => {
      if (s) labels.push({ text: s, x, y, size, color, ha, va, rotation });
    };
    // theta labels (_theta_labels), centred outside the outer circle
    const thetaLabels = [];
    if (rec.theta.visible) {
      const pole = view([0, 0]);
      const edge = view([rec.outer * k, 0]);
      const radius = Math.hypot(edge[0] - pole[0], edge[1] - pole[1]);
      const seen = new Set();
      th.major.forEach((v, i) => {
        const a = rec.direction * v + rec.offset;
        const key = Math.round(wrap(a) * 1e9) / 1e9;
        if (full && seen.has(key)) return;
        seen.add(key);
        const u = [Math.cos(a), Math.sin(a)];
        const [w, h] = measure(table, th.labels[i], rec.theta.size);
        const off = rec.theta.pad + Math.abs(u[0]) * w / 2 + Math.abs(u[1]) * h / 2;
        const d = radius + Math.max(rec.theta.mpl_pad, off);
        thetaLabels.push([th.labels[i], pole[0] + u[0] * d, pole[1] + u[1] * d, w, h]);
      });
    }
    for (const [s, x, y] of thetaLabels) {
      text(s, x, y, rec.theta.size, rec.theta.color, "center", "center");
    }
    // r labels (_draw_r_labels) along the r-label angle (the camera's `rlabel`)
    if (rec.r.visible) {
      const theta = full ? (Number(cam.rlabel) - rec.offset) * rec.direction
        : (rec.direction > 0 ? t0 : t1);
      const a = rec.direction * theta + rec.offset;
      const normal = [rec.direction * Math.sin(a), -rec.direction * Math.cos(a)];
      rt.major.forEach((v, i) => {
        const [x, y] = view(proj(theta, rscale.forward(v)));
        const s = rt.labels[i];
        if (!(Number.isFinite(x) && Number.isFinite(y)) || !s) return;
        if (full) text(s, x, y, rec.r.size, rec.r.color, "left", "bottom");
        else {
          const [w, h] = measure(table, s, rec.r.size);
          const off = rec.r.pad + Math.abs(normal[0]) * w / 2 + Math.abs(normal[1]) * h / 2;
          text(s, x + normal[0] * off, y + normal[1] * off, rec.r.size, rec.r.color, "center",
            "center");
        }
      });
    }
    if (rec.theta.label) {
      const L = rec.theta.label;
      const below = Math.max(0, ...thetaLabels.map(([, , y, , h]) => by - (y - h / 2)));
      text(L.text, bx + bw / 2, by - below - L.pad, L.size, L.color, "center", "top");
    }
    if (rec.r.label) {
      const L = rec.r.label;
      const beside = Math.max(0, ...thetaLabels.map(([, x, , w]) => bx - (x - w / 2)));
      text(L.text, bx - beside - L.pad, by + bh / 2, L.size, L.color, "center", "bottom", 90.0);
    }
    // the grid (_grid_segments): spokes at the theta ticks, arcs at the r ticks
    const sLo = rscale.forward(rlo), sHi = rscale.forward(rhi);
    if (rec.theta.grid) {
      for (const t of th.major) {
        const seg = [proj(t, sLo), proj(t, sHi)];
        if (seg.every((p) => p.every(Number.isFinite))) grid.push(seg);
      }
    }
    if (rec.r.grid) {
      const n = Math.max(2, Math.ceil((t1 - t0) / ARC_STEP) + 1);
      const thetas = linspace(t0, t1, n);
      for (const s of rt.major.map(rscale.forward)) {
        if (!Number.isFinite(s) || !(Math.min(sLo, sHi) < s && s <= Math.max(sLo, sHi))) continue;
        const arc = thetas.map((t) => proj(t, s));
        if (arc.every((p) => p.every(Number.isFinite))) grid.push(arc);
      }
    }
    return { segments: new Map(), labels, grid, model: [k, 0, 0, 0, 0, k, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
      statics: [rec.theta, rec.r].filter((p) => p.static) };
  }

  const KINDS = { rectilinear, polar };

  lumos.followers.axes = {
    state(r, g) {
      const rec = r.desc.records[g.follow.record];
      return rec ? JSON.stringify(r.desc.views[rec.view].camera) : "";
    },
    run(r, g) {
      const rec = r.desc.records[g.follow.record];
      if (!rec) return false;
      const statics = rec.kind === "polar" ? [["θ", rec.theta], ["r", rec.r]]
        .filter(([, p]) => p.static).map(([name, p]) => ({ name, static: p.static }))
        : rec.axes.filter((a) => a.visible && a.static);
      // a notebook asks the kernel for what its tickers alone know
      if (r.kernel && statics.length) return false;
      const cam = r.desc.views[rec.view].camera;
      const out = KINDS[rec.kind](r, rec, cam);
      for (const d of g.draws) {
        const part = d.follow.part;
        if (part === "text" || part.startsWith("text:")) {
          const face = part === "text" ? "sans" : part.slice(5);
          writeText(r, d, tableOf(rec, face), out.labels.filter((L) => (L.face || "sans") === face));
        } else if (part === "grid" || part.startsWith("grid:")) {
          const grid = part === "grid" ? out.grid : (out.grids[part.slice(5)] || []);
          const c = lineColor(r, d);
          writeSegments(r, d, grid, grid.map(() => c));
        } else if (part === "patch") {
          d.model = out.model;  // the wedge grows with r's zoom about the pole
        } else if (part.startsWith("ticks:")) {
          const group = out.segments.get(Number(part.slice(6))) || [];
          writeSegments(r, d, group.map((s) => s[0]), group.map((s) => s[1]));
        } else if (part === "fill") {
          lumos.writeFills(r, d, out.fills || []);
        }
      }
      if (!r.kernel) {
        r.notice(`arrows-${g.follow.record}`, out.approx ? "arrows with heads, brackets, " +
          "connection arms or patches between two data points: turned and scaled with " +
          "the zoom (only Python draws their shape anew for it)" : null);
      }
      if (!r.kernel && (rec.frozen_texts || []).length) {
        r.notice(`texts-${g.follow.record}`, `${rec.frozen_texts.join(", ")}: shown as ` +
          "exported (only Python redraws them for a new view)");
      }
      for (const a of statics) {
        r.notice(`static-${g.follow.record}-${a.name}`, `${a.name} ticks: Python's ` +
          `${a.static.why}, shown as exported (they move with the data)`);
      }
      return true;
    },
  };

  lumos.axes = { measure, layout, place, scaleOf, rectilinear, splitLine, lineOf };
})(typeof window !== "undefined" ? window : globalThis);
