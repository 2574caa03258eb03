/* lumos formatters in the page: the twins of lumos/plot/ticker_formatters.py
 * (ticker.js builds them from specs).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const MINUS = "\u2212";

  const fixMinus = (s) => s.replace(/-/g, MINUS);
  const isFinite = Number.isFinite;
  const {
    formatFixed, formatExp, formatGeneral, shortest, negative, nextDown, roundHalfEven,
    floorDiv, pow10, npRound,
  } = lumos.pynumbers;
  const { nonsingular, visible, arange } = lumos.locators;

  // -- formatters -------------------------------------------------------------------
  class Formatter {
    constructor() {
      this.locs = [];
      this.view = [0.0, 1.0];
    }

    formatTicks(values, vmin, vmax) {
      const v = values.map(Number);
      if (vmin !== undefined && vmin !== null && vmax !== undefined && vmax !== null) {
        this.view = [Number(vmin), Number(vmax)];
      } else {
        const f = v.filter(isFinite);
        if (f.length) this.view = [Math.min(...f), Math.max(...f)];
      }
      this.setLocs(v.filter(isFinite));
      return v.map((x, i) => (isFinite(x) ? this.call(x, i) : ""));
    }

    setLocs(locs) { this.locs = locs; }

    getOffset() { return ""; }

    visibleLocs() { return visible(this.locs, this.view[0], this.view[1]); }
  }

  class NullFormatter extends Formatter {
    call() { return ""; }
  }

  class FixedFormatter extends Formatter {
    constructor(s) {
      super();
      this.seq = s.seq;
      this.offsetString = s.offset_string || "";
    }

    call(x, pos) { return pos === undefined || pos >= this.seq.length ? "" : this.seq[pos]; }

    getOffset() { return this.offsetString; }
  }

  /** format_data: ``value`` in short scientific form (ScalarFormatter). */
  function formatData(value, useMathText) {
    if (value === 0 || !isFinite(value)) return fixMinus(String(value));
    const [neg, digits, e0] = shortest(value);
    // round to 10 significant digits, half to even, on the decimal digits
    let d = digits.padEnd(10, "0");
    let e = e0;
    if (digits.length > 10) {
      let head = BigInt(digits.slice(0, 10));
      const rest = digits.slice(10);
      const half = "5" + "0".repeat(rest.length - 1);
      if (rest > half || (rest === half && head % 2n === 1n)) head += 1n;
      d = head.toString();
      if (d.length > 10) {  // 9.999999999x rounds up to 10
        d = d.slice(0, 10);
        e += 1;
      }
    }
    let mant = `${d[0]}.${d.slice(1)}`.replace(/0+$/, "").replace(/\.$/, "");
    if (neg) mant = "-" + mant;
    const s = Number(mant);
    if (e === 0) return fixMinus(mant);
    if (useMathText) return s === 1 ? `10^{${e}}` : `${mant}\\times10^{${e}}`;
    return fixMinus(`${mant}e${e}`);
  }

  class ScalarFormatter extends Formatter {
    constructor(s) {
      super();
      this.useOffset = s.useOffset;
      this.offset = s.offset || 0.0;
      this.useMathText = !!s.useMathText;
      this.powerlimits = s.powerlimits;
      this.offsetThreshold = s.offset_threshold;
      this.scientific = s.scientific;
      this.orderOfMagnitude = 0;
      this.decimals = 1;
      this.zero = 1e-8;
    }

    setLocs(locs) {
      this.locs = locs;
      if (locs.length) {
        if (this.useOffset) this.computeOffset();
        this.computeOrderOfMagnitude();
        this.computeFormat();
      }
    }

    computeOffset() {
      const locs = this.visibleLocs();
      this.offset = 0.0;
      if (!locs.length) return;
      const lmin = Math.min(...locs), lmax = Math.max(...locs);
      if (lmin === lmax || (lmin <= 0 && 0 <= lmax)) return;
      const amin = Math.min(Math.abs(lmin), Math.abs(lmax));
      const amax = Math.max(Math.abs(lmin), Math.abs(lmax));
      const sign = lmin < 0 ? -1 : 1;
      const top = Math.ceil(Math.log10(amax));
      const firstPower = (differs) => {
        for (let p = top; p > top - 700; p--) if (differs(p)) return p;
        return top - 700;
      };
      let oom = 1 + firstPower((p) => floorDiv(amin, pow10(p)) !== floorDiv(amax, pow10(p)));
      if ((amax - amin) / pow10(oom) <= 1e-2) {
        oom = 1 + firstPower((p) => floorDiv(amax, pow10(p)) - floorDiv(amin, pow10(p)) > 1);
      }
      const lead = floorDiv(amax, pow10(oom));
      if (lead >= 10 ** (this.offsetThreshold - 1)) {
        this.offset = sign * (oom >= 0 ? lead * pow10(oom) : lead / pow10(-oom));
      }
    }

    computeOrderOfMagnitude() {
      const [lo, hi] = this.powerlimits;
      this.orderOfMagnitude = 0;
      if (!this.scientific) return;
      if (lo === hi && lo !== 0) {
        this.orderOfMagnitude = lo;
        return;
      }
      const locs = this.visibleLocs().map(Math.abs);
      if (!locs.length) return;
      let oom;
      if (this.offset) {
        const vmin = Math.min(...this.view), vmax = Math.max(...this.view);
        oom = vmax > vmin ? Math.floor(Math.log10(vmax - vmin)) : 0;
      } else {
        const top = Math.max(...locs);
        oom = top > 0 ? Math.floor(Math.log10(top)) : 0;
      }
      if (oom <= lo || oom >= hi) this.orderOfMagnitude = Math.min(Math.max(oom, -307), 307);
    }

    scaled(v) { return (v - this.offset) / pow10(this.orderOfMagnitude); }

    computeFormat() {
      const locs = this.locs;
      const refIn = locs.length < 2 ? locs.concat(this.view) : locs;
      const ref = refIn.map((v) => this.scaled(v));
      const ptp = Math.max(...ref) - Math.min(...ref);
      const span = ptp || Math.max(...ref.map(Math.abs)) || 1.0;
      const spanOom = Math.floor(Math.log10(span));
      const scaled = locs.map((v) => this.scaled(v));
      this.zero = 1e-8 * Math.min(1.0, span);
      let decimals = Math.max(0, 3 - spanOom);
      const thresh = 1e-3 * pow10(spanOom);
      const err = (d) => Math.max(...scaled.map((s) => Math.abs(s - npRound(s, d))));
      while (decimals >= 0 && err(decimals) < thresh) decimals -= 1;
      decimals += 1;
      const vis = [...new Set(this.visibleLocs().map((v) => this.scaled(v)))];
      while (decimals < 17 && vis.length > 1 &&
             new Set(vis.map((x) => this.fmt(decimals, x))).size < vis.length) decimals += 1;
      this.decimals = decimals;
    }

    fmt(decimals, xp) {
      if (Math.abs(xp) < this.zero) xp = 0.0;
      return formatFixed(xp, decimals);
    }

    call(x) {
      if (!this.locs.length || !isFinite(x)) return "";
      return fixMinus(this.fmt(this.decimals, this.scaled(x)));
    }

    getOffset() {
      if (!this.locs.length || !(this.orderOfMagnitude || this.offset)) return "";
      let off = "";
      if (this.offset) {
        off = formatData(this.offset, this.useMathText);
        if (this.offset > 0) off = "+" + off;
      }
      if (this.useMathText) {
        const sci = this.orderOfMagnitude
          ? `\\times${formatData(pow10(this.orderOfMagnitude), true)}` : "";
        return `$${sci}${off}$`;
      }
      const sci = this.orderOfMagnitude ? `1e${this.orderOfMagnitude}` : "";
      return fixMinus(sci + off);
    }
  }

  const closeToInt = (x) => Math.abs(x - roundHalfEven(x)) < 1e-9;

  class LogFormatter extends Formatter {
    constructor(s) {
      super();
      this.base = s.base;
      this.labelOnlyBase = !!s.labelOnlyBase;
      this.minorThresholds = s.minor_thresholds || null;
      this.linthresh = s.linthresh === undefined ? null : s.linthresh;
      this.style = s.style || "plain";
      this.sublabels = null;
    }

    nPowers(lo, hi) {
      return Math.floor(Math.log(hi) / Math.log(this.base)) -
        Math.floor(nextDown(Math.log(lo) / Math.log(this.base)));
    }

    setLocs(locs) {
      this.locs = locs;
      this.sublabels = null;
      if (this.minorThresholds === null || !isFinite(this.minorThresholds[0])) return;
      const vmin = Math.min(...this.view), vmax = Math.max(...this.view);
      if (!(isFinite(vmin) && isFinite(vmax)) || vmin === vmax) return;
      const b = this.base, t = this.linthresh;
      const logb = (v) => Math.log(v) / Math.log(b);
      if (t === null && vmin <= 0) {
        this.sublabels = new Set([1]);
        return;
      }
      let numdec = 0, numticks = 0;
      if (t !== null) {
        if (vmin < -t) {
          const rhs = Math.min(vmax, -t);
          numticks += this.nPowers(Math.abs(rhs), Math.abs(vmin));
          numdec += logb(vmin / rhs);
        }
        if (vmax > t) {
          const lhs = Math.max(vmin, t);
          numticks += this.nPowers(lhs, vmax);
          numdec += logb(vmax / lhs);
        }
      } else {
        numticks = this.nPowers(vmin, vmax);
        numdec = Math.abs(logb(vmax / vmin));
      }
      if (numticks > this.minorThresholds[0]) this.sublabels = new Set([1]);
      else if (numdec > this.minorThresholds[1]) {
        const k = Math.floor(b / 2) + 1;
        const s = new Set();
        for (let i = 0; i < k; i++) {
          s.add(roundHalfEven(k === 1 ? 1 : Math.exp(Math.log(b) * i / (k - 1))));
        }
        this.sublabels = s;
      } else this.sublabels = new Set(arange(1, b + 1));
    }

    parts(x) {
      const fx = Math.log(Math.abs(x)) / Math.log(this.base);
      const decade = closeToInt(fx);
      const exponent = decade ? roundHalfEven(fx) : Math.floor(fx);
      const coeff = roundHalfEven(this.base ** (fx - exponent));
      if (this.labelOnlyBase && !decade) return null;
      if (this.sublabels !== null && !this.sublabels.has(coeff)) return null;
      return [fx, decade, exponent, coeff];
    }

    baseStr() { return this.base % 1 === 0 ? `${this.base}` : formatGeneral(this.base); }

    call(x) {
      if (!isFinite(x)) return "";
      if (this.style !== "plain") return this.callMath(x);
      if (x === 0) return "0";
      if (this.parts(x) === null) return "";
      const a = Math.abs(x);
      let s;
      if (a >= 1 && a <= 10000) {
        const [vmin, vmax] = nonsingular(this.view[0], this.view[1]);
        s = LogFormatter.pretty(a, vmax - vmin);
      } else s = formatExp(a, 0);
      return fixMinus((x < 0 ? "-" : "") + s);
    }

    static pretty(x, span) {
      if (x === Math.trunc(x)) return `${x}`;
      const digits = span <= 1 ? 3 : span <= 10 ? 2 : 1;
      return formatFixed(x, digits).replace(/0+$/, "").replace(/\.$/, "");
    }

    callMath(x) {
      if (x === 0) return "$0$";
      const p = this.parts(x);
      if (p === null) return "";
      const [fx, decade, exponent] = p;
      const sign = x < 0 ? "-" : "";
      if (decade) return `$${sign}${this.baseStr()}^{${exponent}}$`;
      if (this.style === "sci") {
        let c = this.base ** (fx - exponent);
        if (closeToInt(c)) c = roundHalfEven(c);
        return `$${sign}${formatGeneral(c)}\\times${this.baseStr()}^{${exponent}}$`;
      }
      return `$${sign}${this.baseStr()}^{${formatFixed(fx, 2)}}$`;
    }
  }

  class PercentFormatter extends Formatter {
    constructor(s) {
      super();
      this.xmax = s.xmax;
      this.decimals = s.decimals === undefined ? null : s.decimals;
      this.symbol = s.symbol || "";
    }

    call(x) {
      if (!isFinite(x)) return "";
      const span = Math.abs(this.view[1] - this.view[0]);
      return fixMinus(this.formatPct(x, span));
    }

    formatPct(x, range) {
      const pct = 100.0 * x / this.xmax, scaled = 100.0 * range / this.xmax;
      let decimals;
      if (this.decimals === null) {
        const ok = isFinite(scaled) && scaled > 0;
        decimals = ok ? Math.ceil(2.0 - Math.log10(2.0 * scaled)) : 0;
        decimals = Math.min(Math.max(decimals, 0), 5);
      } else decimals = this.decimals;
      return formatFixed(pct, decimals) + this.symbol;
    }
  }

  const ENG_PREFIXES = { "-30": "q", "-27": "r", "-24": "y", "-21": "z", "-18": "a",
    "-15": "f", "-12": "p", "-9": "n", "-6": "\u00b5", "-3": "m", 0: "", 3: "k", 6: "M",
    9: "G", 12: "T", 15: "P", 18: "E", 21: "Z", 24: "Y", 27: "R", 30: "Q" };

  class EngFormatter extends Formatter {
    constructor(s) {
      super();
      this.unit = s.unit || "";
      this.places = s.places === undefined ? null : s.places;
      this.sep = s.sep === undefined ? " " : s.sep;
    }

    call(x) { return isFinite(x) ? fixMinus(this.formatEng(x)) : ""; }

    formatEng(num) {
      const fmt = (v) => (this.places === null ? formatGeneral(v) : formatFixed(v, this.places));
      const sign = num < 0 ? -1 : 1;
      const a = Math.abs(num);
      let p = a ? 3 * Math.floor(Math.log10(a) / 3) : 0;
      p = Math.min(Math.max(p, -30), 30);
      let mant = sign * a / pow10(p);
      if (Math.abs(Number(fmt(mant))) >= 1000 && p < 30) {
        mant /= 1000;
        p += 3;
      }
      const prefix = ENG_PREFIXES[p];
      const suffix = this.unit || prefix ? `${this.sep}${prefix}${this.unit}` : "";
      return fmt(mant) + suffix;
    }
  }

  /** One Python format spec of the subset [sign][,][.precision](f|e|g|%|d) or "". */
  function formatSpec(x, spec) {
    const m = /^([+\- ]?)(,?)(?:\.(\d+))?([fFeEgG%d]?)$/.exec(spec);
    if (!m) throw new Error(`format spec ${JSON.stringify(spec)} is not one the page knows`);
    const [, sign, comma, prec, type] = m;
    let p = prec === undefined ? null : Number(prec);
    let s;
    if (type === "f" || type === "F") s = formatFixed(x, p === null ? 6 : p);
    else if (type === "e" || type === "E") s = formatExp(x, p === null ? 6 : p);
    else if (type === "g" || type === "G") s = formatGeneral(x, p === null ? 6 : p);
    else if (type === "%") s = formatFixed(x * 100, p === null ? 6 : p) + "%";
    else if (type === "d") s = formatFixed(Math.trunc(x) + 0, 0);  // printf: int(x)
    else s = p === null ? pyStr(x) : formatGeneral(x, p);
    if (type === "E" || type === "G") s = s.toUpperCase();
    if (comma) {
      const neg = s.startsWith("-");
      const body = neg ? s.slice(1) : s;
      const [int, ...rest] = body.split(/(?=[.e%])/);
      s = (neg ? "-" : "") + int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + rest.join("");
    }
    if ((sign === "+" || sign === " ") && !s.startsWith("-")) s = sign + s;
    return s;
  }

  /** str(float) in Python: repr digits, with ".0" for whole numbers, e-notation as
   * Python writes it. */
  function pyStr(x) {
    if (!isFinite(x)) return x > 0 ? "inf" : x < 0 ? "-inf" : "nan";
    if (x === 0) return negative(x) ? "-0.0" : "0.0";
    const [neg, digits, e] = shortest(x);
    let s;
    if (e >= 16 || e < -4) {
      const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
      s = `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    } else if (e >= digits.length - 1) s = digits + "0".repeat(e - digits.length + 1) + ".0";
    else if (e >= 0) s = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
    else s = `0.${"0".repeat(-e - 1)}${digits}`;
    return (neg ? "-" : "") + s;
  }

  class StrMethodFormatter extends Formatter {
    constructor(s) {
      super();
      this.fmt = s.fmt;
    }

    call(x, pos) {
      return this.fmt.replace(/\{\{|\}\}|\{(x|pos)(?::([^}]*))?\}/g, (all, name, spec) => {
        if (all === "{{") return "{";
        if (all === "}}") return "}";
        const v = name === "x" ? x : pos;
        return fixMinus(name === "pos" && !spec ? String(v) : formatSpec(v, spec || ""));
      });
    }
  }

  class FormatStrFormatter extends Formatter {
    constructor(s) {
      super();
      this.fmt = s.fmt;
    }

    call(x) {
      return this.fmt.replace(/%%|%([+\- ]?)(\d*)(?:\.(\d+))?([fFeEgGd])/g,
        (all, sign, width, prec, type) => {
          if (all === "%%") return "%";
          let s = formatSpec(x, `${sign}${prec === undefined ? "" : "." + prec}${type}`);
          if (width) s = s.padStart(Number(width));
          return s;
        });
    }
  }

  lumos.formatters = {
    Formatter, NullFormatter, FixedFormatter, ScalarFormatter, LogFormatter, PercentFormatter,
    EngFormatter, StrMethodFormatter, FormatStrFormatter, formatData, pyStr, fixMinus, MINUS,
  };
})(typeof window !== "undefined" ? window : globalThis);
