/* lumos text layout in the page: labels laid out from the glyphs an axes' sheet holds
 * (its record's glyph table, page_axes.py), plain text and math, as
 * lumos/visuals/glyphs.py and mathtext.py (with the parser of mathtext_parser.py) lay
 * them out: kerned runs, scripts, big operators with limits, radicals and their rules
 * (solid boxes the shader puts on whole pixels as text.py _solid_rules, or in labels
 * not turned by quarter turns cut out of the full block glyph as glyphs.py
 * rule_quads), for axes.js (`lumos.textLayout`).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;

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
    "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "mathscr", "mathbfit", "mathnormal",
    "boldsymbol", "operatorname"]);
  // matplotlib's font switches ({\rm 10}), mathtext_parser.py _SWITCHES: the page's glyph
  // table holds one face, so, as the font commands above, they change nothing here
  const SWITCHES = new Set(["rm", "it", "bf", "bfit", "tt", "sf", "cal", "scr", "bb", "frak",
    "default", "normal", "regular"]);
  const SPACES = { ",": 3 / 18, ":": 4 / 18, ">": 4 / 18, ";": 5 / 18, "!": -3 / 18,
    quad: 1.0, qquad: 2.0, enspace: 0.5, thinspace: 3 / 18 };
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
      if (SWITCHES.has(name)) return null;
      if (name === "overline") return ["overline", this.arg()];
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
    if (g.cell) {
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

  function atomClass(table, node) {
    const kind = node[0];
    if (kind === "scripts") return atomClass(table, node[1]) || "ord";
    if (kind === "space") return null;
    if (kind === "sym") {
      const c = node[1];
      // binary operators and relations: the glyph table says (mathtext.py spacing_class)
      const spacing = (table.glyphs[c] || {}).spacing;
      if (spacing) return spacing;
      if (OPEN.has(c)) return "open";
      if (CLOSE.has(c)) return "close";
      if (PUNCT.has(c)) return "punct";
      if (BIG_OPS.has(c)) return "op";
    }
    return "ord";
  }

  /** mathtext.py _glue: the table's math space (0.2 of an italic m) around binary
   * operators and relations and after punctuation, nothing around big operators (tick
   * labels have no function names). */
  function glue(table, a, b) {
    if (a === "bin" || b === "bin") return table.math_space;
    if ((a === "rel") !== (b === "rel") && a !== "open" && a !== "punct" && b !== "close" &&
        b !== "punct") return table.math_space;
    if (a === "punct") return table.math_space;
    return 0;
  }

  function mathList(table, nodes, style) {
    const classes = nodes.map((n) => atomClass(table, n));
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
      case "overline": return overlineBox(table, node[1], style);
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
    if (g.cell) sign.items.push([g.box[0] * k, g.box[1] * sy + dy, g.box[2] * k, g.box[3] * sy + dy, "\u221a"]);
    out.put(sign, x);
    const top = height + 0.06 * k, bar0 = x + advance, bar1 = bar0 + a.width + 4 * theta;
    out.put(ruleBox(bar0, top - theta, bar1, top));
    out.put(a, bar0 + 2 * theta);
    out.width = bar1;
    return out;
  }

  /** mathtext.py _overline_box: a rule (one underline thick: the table's `rule`) on
   * top of a box three rules and 0.06 em taller than the argument. */
  function overlineBox(table, arg, style) {
    const k = SCALES[style], a = mathList(table, [arg], style), theta = table.rule * k;
    const top = a.height + 3 * theta + 0.06 * k, out = new Box();
    out.put(a);
    out.put(ruleBox(0, top - theta, a.width, top));
    out.height = top;
    out.width = a.width;
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

  /** The hinted advances and kerning (1/64 px) of a `size`-pixel font in the table
   * (glyph_table's `hinted`: a raster's), or null. */
  function hintedOf(table, size) {
    for (const entry of table.hinted || []) if (entry[0] === size) return entry;
    return null;
  }

  /** fonts.py line_glyphs with a hint: a plain line at `size` pixels as Agg lays it out
   * (hinted advances, kerning in 1/64 px), in em; its height and depth those of the
   * hinted outlines (fonts.py line_ink: a blank glyph's box is the origin). */
  function hintedBox(table, [, advance, kern, ink], text, size) {
    const out = new Box();
    let pen = 0, prev = null;  // 1/64 px
    for (const c of text) {
      if (c.codePointAt(0) < 32) continue;
      if (prev !== null) pen += kern[prev + c] || 0;
      const g = glyphBox(table, c, 1.0);
      out.put(g, pen / 64 / size);
      if (!(c in advance)) throw new Error(`text: the page lacks the advance of ${JSON.stringify(c)}`);
      pen += advance[c];
      prev = c;
    }
    out.width = pen / 64 / size;
    const boxes = [...text].filter((c) => c.codePointAt(0) >= 32).map((c) => ink[c]);
    if (boxes.length) {
      out.height = Math.max(...boxes.map((b) => b[1])) / 64 / size;
      out.depth = -Math.min(...boxes.map((b) => b[0])) / 64 / size;
    }
    return out;
  }

  /** fonts.py composed: each letter and the table's `combining` marks after it in the
   * characters that compose them (Unicode's NFC) where the table holds every one of
   * them, else as they are (HarfBuzz composes a cluster into glyphs the font has). */
  function composed(table, chars) {
    const marks = table.combining || "";
    if (!marks) return chars;
    const cs = [...chars];
    let out = "", i = 0;
    while (i < cs.length) {
      let j = i + 1;
      while (j < cs.length && marks.includes(cs[j])) j++;  // the cluster goes on
      let cluster = cs.slice(i, j).join("");
      if (j - i > 1) {
        const nfc = cluster.normalize("NFC");
        if (nfc !== cluster && [...nfc].every((c) => c in table.glyphs)) cluster = nfc;
      }
      out += cluster;
      i = j;
    }
    return out;
  }

  /** fonts.py shaped: a plain line as matplotlib's HarfBuzz shapes it, the table's
   * `ignorable` characters dropped, a letter and its combining marks composed
   * (`composed`) and the table's `ligatures` ([letters, character], first match at each
   * place) in one character each. */
  function shaped(table, text) {
    const drop = table.ignorable || "", ligatures = table.ligatures || [];
    const chars = composed(table, [...text].filter((c) => !drop.includes(c)).join(""));
    if (!ligatures.length || !chars.includes("f")) return chars;
    let out = "", i = 0;
    while (i < chars.length) {
      const hit = ligatures.find(([seq]) => chars.startsWith(seq, i));
      out += hit ? hit[1] : chars[i];
      i += hit ? hit[0].length : 1;
    }
    return out;
  }

  /** The laid-out line of a label at `size` pixels, in em: {width, top, bottom, items},
   * as glyphs.py (plain: hinted where the table says) or mathtext.py (math) lay it out;
   * labels are one line. */
  function lineOf(table, text, size) {
    const cache = table._lines || (table._lines = new Map());
    const hinted = hintedOf(table, size);
    const key = hinted ? `${size}\u0000${text}` : text;
    let hit = cache.get(key);
    if (hit) return hit;
    const segs = splitLine(text);
    let box;
    if (segs === null) {
      const plain = shaped(table, text);
      box = hinted ? hintedBox(table, hinted, plain, size) : textBox(table, plain, 1.0);
    }
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
    cache.set(key, hit);
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
    const ln = extentOf(table, lineOf(table, text, size), size);
    return [ln.width * size, (ln.top - ln.bottom) * size, -ln.bottom * size];
  }

  /** Glyph quads of a label: [corners (BL, BR, TR, TL) x, y pixel offsets, the cell in
   * the sheet (x, y, width, height), each corner's texels in the cell (v down)]. Rules
   * of labels turned by quarter turns are text.py _solid_rules: the corners at the
   * rule's centre, their "texels" the corner from it, the cell zero (the shader fills
   * it on whole pixels, as Agg fills matplotlib's rules). */
  function layout(table, text, size, ha, va, rotation) {
    const ln = lineOf(table, text, size), ext = extentOf(table, ln, size);
    // mathtext.py _math_layout: a math line drawn up by what its height is rounded up by
    const raise = ln.math ? Math.ceil(ln.height * size - 1e-9) / size - ln.height : 0;
    const yOff = raise + { top: -ext.top, bottom: -ext.bottom,
      center: -0.5 * (ext.top + ext.bottom), baseline: 0 }[va];
    const align = { left: 0, center: 0.5, right: 1 }[ha];
    const c = Math.cos(rotation * Math.PI / 180), s = Math.sin(rotation * Math.PI / 180);
    const quarters = rotation / 90, solid = quarters === Math.round(quarters);
    // a solid rule turns exactly by quarter turns: it stays on the pixel grid
    const [rc, rs] = solid ? [[1, 0], [0, 1], [-1, 0], [0, -1]][((quarters % 4) + 4) % 4] : [c, s];
    const out = [];
    const corners = ([x0, y0, x1, y1]) => {
      const bx0 = (x0 - align * ext.width) * size, bx1 = (x1 - align * ext.width) * size;
      const by0 = (y0 + yOff) * size, by1 = (y1 + yOff) * size;
      return [[bx0, by0], [bx1, by0], [bx1, by1], [bx0, by1]];
    };
    const quad = (box, cell, [u0, v0, u1, v1]) => {
      let q = corners(box);
      if (rotation !== 0) q = q.map(([x, y]) => [c * x - s * y, s * x + c * y]);
      out.push([q, cell, [[u0, v1], [u1, v1], [u1, v0], [u0, v0]]]);
    };
    for (const [x0, y0, x1, y1, ch] of ln.items) {
      if (ch === null && solid) {
        if (x1 <= x0 || y1 <= y0) continue;
        const q = corners([x0, y0, x1, y1]);
        const mx = 0.5 * (q[0][0] + q[2][0]), my = 0.5 * (q[0][1] + q[2][1]);
        const turn = ([x, y]) => [rc * x - rs * y, rs * x + rc * y];
        const mid = turn([mx, my]);
        out.push([[mid, mid, mid, mid], [0, 0, 0, 0], q.map(([x, y]) => turn([x - mx, y - my]))]);
      } else if (ch === null) {
        for (const [box, cell, texels] of ruleSlices(table, x0, y0, x1, y1)) quad(box, cell, texels);
      } else {
        const cell = glyph(table, ch).cell;
        quad([x0, y0, x1, y1], cell, [0, 0, cell[2], cell[3]]);
      }
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
   * (the table's `rule_cell`), [box em, the block's cell in the sheet, texels in it]
   * each. */
  function ruleSlices(table, x0, y0, x1, y1) {
    const R = table.rule_cell;
    if (!R || x1 <= x0 || y1 <= y0) return [];
    const cell = glyph(table, "\u2588").cell;
    const [w, h] = R.size, [left, right, bottom, top] = R.edges;
    const out = [];
    for (const [qx0, qx1, tu0, tu1] of slices(x0, x1, left, right, w, R.texels_per_em, R.saturated)) {
      for (const [qy0, qy1, tb0, tb1] of slices(y0, y1, bottom, top, h, R.texels_per_em, R.saturated)) {
        // texel rows grow downwards: rows from the bottom, flipped back
        out.push([[qx0, qy0, qx1, qy1], cell, [tu0, h - tb1, tu1, h - tb0]]);
      }
    }
    return out;
  }

  lumos.textLayout = { measure, layout, lineOf, splitLine };
})(typeof window !== "undefined" ? window : globalThis);
