/* lumos tickers in the page: the JavaScript twin of lumos/plot/ticker.py, dates.py and
 * the polar locators of polar.py, so a page recomputes ticks and labels as it pans.
 *
 * A locator or formatter is built from the JSON spec lumos/plot/page_axes.py writes
 * (`lumos.ticker.locator(spec)`, `lumos.ticker.formatter(spec, locator)`), and behaves
 * as its Python class: `tickValues(vmin, vmax)` and `formatTicks(values, vmin, vmax)`
 * with `getOffset()`. Both twins are kept equal by tests/app/ticker_vectors.json
 * (Python writes the vectors; tests/app/test_ticker_vectors.py checks both).
 *
 * Numbers are formatted exactly as Python's format() does (round half to even on the
 * exact binary value), not with toFixed (which rounds ties up).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const MINUS = "\u2212";
  const MAXTICKS = 10000;
  const TINY = 2.2250738585072014e-308;  // np.finfo(np.float64).tiny
  const HUGE = Number.MAX_VALUE / 8;

  const fixMinus = (s) => s.replace(/-/g, MINUS);
  const isFinite = Number.isFinite;

  // -- exact number formatting (Python's format()) ---------------------------------
  /** x = m * 2**e exactly, m a BigInt (x finite, not 0). */
  function exactParts(x) {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, Math.abs(x));
    const hi = buf.getUint32(0), lo = buf.getUint32(4);
    const exp = (hi >>> 20) & 0x7ff;
    let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let e;
    if (exp === 0) e = -1074;
    else {
      m |= 1n << 52n;
      e = exp - 1075;
    }
    return [m, e];
  }

  const negative = (x) => x < 0 || Object.is(x, -0);

  /** round_half_even(|x| * 10**d) as a BigInt (d may be negative). */
  function scaledInteger(x, d) {
    if (x === 0) return 0n;
    const [m, e] = exactParts(x);
    let num = m, den = 1n;
    if (e >= 0) num <<= BigInt(e); else den <<= BigInt(-e);
    if (d >= 0) num *= 10n ** BigInt(d); else den *= 10n ** BigInt(-d);
    const q = num / den, r = num % den;
    const twice = 2n * r;
    if (twice > den || (twice === den && q % 2n === 1n)) return q + 1n;
    return q;
  }

  /** Python's f"{x:.{d}f}". */
  function formatFixed(x, d) {
    if (!isFinite(x)) return x > 0 ? "inf" : x < 0 ? "-inf" : "nan";
    const digits = scaledInteger(x, d).toString().padStart(d + 1, "0");
    const body = d > 0 ? `${digits.slice(0, -d)}.${digits.slice(-d)}` : digits;
    return (negative(x) ? "-" : "") + body;
  }

  /** [digit string of p significant digits, decimal exponent of its first digit],
   * rounded half to even on the exact value (x finite, not 0). */
  function significant(x, p) {
    const [m, e] = exactParts(x);
    // a first guess of the exponent, corrected below
    let k = Math.floor(Math.log10(Math.abs(x)));
    for (let tries = 0; tries < 3; tries++) {
      const n = scaledInteger(x, p - 1 - k);
      const s = n.toString();
      if (s.length === p) return [s, k];
      if (s.length > p) k += 1; else k -= 1;
    }
    void m; void e;
    const n = scaledInteger(x, p - 1 - k);
    return [n.toString(), k];
  }

  /** Python's f"{x:.{p}e}": "1.50e+03". */
  function formatExp(x, p) {
    if (!isFinite(x)) return x > 0 ? "inf" : x < 0 ? "-inf" : "nan";
    let s, k;
    if (x === 0) {
      s = "0".repeat(p + 1);
      k = 0;
    } else [s, k] = significant(x, p + 1);
    const mant = p > 0 ? `${s[0]}.${s.slice(1)}` : s[0];
    const ek = Math.abs(k) < 10 ? `0${Math.abs(k)}` : `${Math.abs(k)}`;
    return `${negative(x) ? "-" : ""}${mant}e${k < 0 ? "-" : "+"}${ek}`;
  }

  /** Python's f"{x:.{p}g}" (p = 6 for "g"); `alt` keeps trailing zeros ("#"). */
  function formatGeneral(x, p = 6, alt = false) {
    if (!isFinite(x)) return x > 0 ? "inf" : x < 0 ? "-inf" : "nan";
    if (p === 0) p = 1;
    if (x === 0) return (negative(x) ? "-" : "") + (alt ? `0.${"0".repeat(p - 1)}` : "0");
    const [, k] = significant(x, p);
    let out;
    if (k >= -4 && k < p) {
      out = formatFixed(x, p - 1 - k);
      if (!alt && out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
    } else {
      out = formatExp(x, p - 1);
      if (!alt) out = out.replace(/\.?0+e/, "e");
    }
    return out;
  }

  /** Python's repr digits: [sign, digit string, exponent of the first digit]. */
  function shortest(x) {
    const t = Math.abs(x).toExponential();  // shortest round-trip digits
    const [mant, ex] = t.split("e");
    return [negative(x), mant.replace(".", ""), parseInt(ex, 10)];
  }

  /** math.nextafter(x, -inf). */
  function nextDown(x) {
    if (!isFinite(x)) return x;
    if (x === 0) return -Number.MIN_VALUE;
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, x);
    let bits = v.getBigUint64(0);
    bits = x > 0 ? bits - 1n : bits + 1n;
    v.setBigUint64(0, bits);
    return v.getFloat64(0);
  }

  /** Python's round(x) for floats: half to even. */
  function roundHalfEven(x) {
    const f = Math.floor(x), d = x - f;
    if (d > 0.5) return f + 1;
    if (d < 0.5) return f;
    return f % 2 === 0 ? f : f + 1;
  }

  /** Python's divmod(x, y) for floats (CPython's float_divmod). */
  function pyDivmod(x, y) {
    let mod = x % y;
    let div = (x - mod) / y;
    if (mod) {
      if ((y < 0) !== (mod < 0)) {
        mod += y;
        div -= 1;
      }
    } else {
      mod = y < 0 ? -0 : 0;
    }
    let floordiv;
    if (div) {
      floordiv = Math.floor(div);
      if (div - floordiv > 0.5) floordiv += 1;
    } else {
      floordiv = (x / y) < 0 ? -0 : 0;
    }
    return [floordiv, mod];
  }
  const floorDiv = (x, y) => pyDivmod(x, y)[0];

  /** 10.0 ** k correctly rounded (what CPython's pow gives for an integer k). */
  const pow10 = (k) => Number(`1e${k}`);

  /** numpy's power_of_ten (np.round's scale): exact table, then repeated products. */
  function npPowerOfTen(n) {
    if (n < 9) return [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8][n];
    let r = 1e9;
    while (n-- > 9) r *= 10;
    return r;
  }

  /** np.round(x, d): multiply (or divide), round half to even, divide back. */
  function npRound(x, d) {
    const f = npPowerOfTen(Math.abs(d));
    const rint = (v) => {
      const r = Math.round(v);
      return Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : r;
    };
    return d >= 0 ? rint(x * f) / f : rint(x / f) * f;
  }

  // -- shared helpers (ticker.py) ----------------------------------------------------
  function nonsingular(vmin, vmax, expander = 0.05, tiny = 1e-14) {
    if (!(isFinite(vmin) && isFinite(vmax))) return [-expander, expander];
    if (vmin > vmax) [vmin, vmax] = [vmax, vmin];
    vmin = Math.min(Math.max(vmin, -HUGE), HUGE);
    vmax = Math.min(Math.max(vmax, -HUGE), HUGE);
    const big = Math.max(Math.abs(vmin), Math.abs(vmax));
    if (big < 1e6 / tiny * TINY) return [-expander, expander];
    if (vmax - vmin <= big * tiny) {
      return [vmin - expander * Math.abs(vmin), vmax + expander * Math.abs(vmax)];
    }
    return [vmin, vmax];
  }

  function limits(vmin, vmax, expander = 0.05) {
    const a = Number(vmin), b = Number(vmax);
    if (vmin === null || vmax === null || !(isFinite(a) && isFinite(b))) return null;
    return nonsingular(a, b, expander);
  }

  function visible(ticks, vmin, vmax, rtol = 1e-10, log = false) {
    let lo = Math.min(vmin, vmax), hi = Math.max(vmin, vmax);
    if (!(isFinite(lo) && isFinite(hi))) return [];
    if (log) {
      if (hi <= 0) return [];
      lo = lo > 0 ? lo : TINY;
      const f = Math.exp(rtol * (Math.log(hi / lo) || 1.0));
      return ticks.filter((t) => t >= lo / f && t <= hi * f);
    }
    const tol = rtol * ((hi - lo) || Math.max(Math.abs(lo), Math.abs(hi)));
    return ticks.filter((t) => t >= lo - tol && t <= hi + tol);
  }

  function removeOverlappingLocs(minor, major, rtol = 1e-5) {
    if (!minor.length || !major.length) return minor.slice();
    const all = minor.concat(major);
    const span = Math.max(...all) - Math.min(...all);
    const tol = rtol * (span > 0 ? span : 1.0);
    return minor.filter((m) => Math.min(...major.map((v) => Math.abs(m - v))) > tol);
  }

  /** ticker.non_overlapping: a keep mask taking every k-th label (smallest k). */
  function nonOverlapping(pos, widths, minGap) {
    const n0 = pos.length;
    const keep = new Array(n0).fill(false);
    let idx = [];
    for (let i = 0; i < n0; i++) if (isFinite(pos[i])) idx.push(i);
    if (!idx.length) return keep;
    const w0 = pos.map((_, i) => {
      const v = Array.isArray(widths) ? widths[i] : widths;
      return isFinite(v) ? Math.abs(v) : 0;
    });
    idx = idx.map((i, k) => [pos[i], k, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map((t) => t[2]);
    const p = idx.map((i) => pos[i]), w = idx.map((i) => w0[i]);
    const n = idx.length;
    for (let k = 1; k <= n; k++) {
      let best = null;
      for (let phase = 0; phase < k; phase++) {
        const sel = [];
        for (let j = phase; j < n; j += k) sel.push(j);
        let ok = true;
        for (let j = 0; j + 1 < sel.length; j++) {
          const need = (w[sel[j]] + w[sel[j + 1]]) / 2 + minGap;
          if (!(p[sel[j + 1]] - p[sel[j]] >= need)) {
            ok = false;
            break;
          }
        }
        if (ok && (best === null || sel.length > best.length)) best = sel;
      }
      if (best !== null) {
        for (const j of best) keep[idx[j]] = true;
        return keep;
      }
    }
    return keep;
  }

  function checkCount(n) {
    return n <= MAXTICKS && isFinite(n);
  }

  function floorTo(x, step, tol) {
    const [d, m] = pyDivmod(x, step);
    return Math.abs(m / step - 1) < tol ? d + 1 : d;
  }

  function ceilTo(x, step, tol) {
    const [d, m] = pyDivmod(x, step);
    return Math.abs(m / step) < tol ? d : d + 1;
  }

  function edgeTol(step, offset) {
    if (offset) {
      return Math.min(0.4999, Math.max(1e-10, 10 ** (Math.log10(Math.abs(offset) / step) - 12)));
    }
    return 1e-10;
  }

  const arange = (a, b) => {
    const out = [];
    for (let i = a; i < b; i++) out.push(i);
    return out;
  };
  const sortNum = (a) => a.slice().sort((x, y) => x - y);

  // -- locators ---------------------------------------------------------------------
  class NullLocator {
    tickValues() { return []; }
  }

  class FixedLocator {
    constructor(s) {
      this.locs = sortNum(s.locs.filter(isFinite));
      this.nbins = s.nbins === null || s.nbins === undefined ? null : Math.max(s.nbins, 2);
    }

    tickValues() {
      if (this.nbins === null || !this.locs.length) return this.locs.slice();
      const step = Math.max(Math.ceil(this.locs.length / this.nbins), 1);
      let best = null, bestMin = Infinity;
      for (let i = 0; i < step; i++) {
        const t = this.locs.filter((_, j) => j >= i && (j - i) % step === 0);
        const m = Math.min(...t.map(Math.abs));
        if (m < bestMin) {
          bestMin = m;
          best = t;
        }
      }
      return best;
    }
  }

  class LinearLocator {
    constructor(s) { this.numticks = s.numticks; }

    tickValues(vmin, vmax) {
      const lim = limits(vmin, vmax);
      if (lim === null || this.numticks <= 0) return [];
      const n = this.numticks;
      if (n === 1) return [lim[0]];
      // np.linspace: start + i * step, the last exactly stop
      const step = (lim[1] - lim[0]) / (n - 1);
      const out = arange(0, n).map((i) => lim[0] + i * step);
      out[n - 1] = lim[1];
      return out;
    }
  }

  class MultipleLocator {
    constructor(s) {
      this.base = s.base;
      this.offset = s.offset || 0;
    }

    tickValues(vmin, vmax) {
      const lim = limits(vmin, vmax);
      if (lim === null) return [];
      const step = this.base;
      const lo = lim[0] - this.offset, hi = lim[1] - this.offset;
      const first = ceilTo(lo, step, 1e-10) * step;
      const n = floorDiv(hi - first + 0.001 * step, step);
      if (!checkCount(n + 3)) return [];
      return arange(0, n + 3).map((i) => first - step + i * step + this.offset);
    }
  }

  class MaxNLocator {
    constructor(s) {
      this.nbins = s.nbins;
      this.steps = s.steps;
      this.extended = [...s.steps.slice(0, -1).map((v) => 0.1 * v), ...s.steps, 10 * s.steps[1]];
      this.integer = !!s.integer;
      this.symmetric = !!s.symmetric;
      this.prune = s.prune || null;
      this.minNTicks = Math.max(1, s.min_n_ticks);
      this.tickSpace = s.tick_space === undefined ? null : s.tick_space;
    }

    nbinsNow() {
      if (this.nbins !== "auto") return this.nbins;
      const space = this.tickSpace === null ? 9 : this.tickSpace;
      return Math.min(Math.max(space, Math.max(1, this.minNTicks - 1)), 9);
    }

    tickValues(vmin, vmax) {
      const lim = limits(vmin, vmax);
      if (lim === null) return [];
      [vmin, vmax] = lim;
      if (this.symmetric) {
        vmax = Math.max(Math.abs(vmin), Math.abs(vmax));
        vmin = -vmax;
      }
      let ticks = this.rawTicks(vmin, vmax);
      if (this.prune === "lower" || this.prune === "both") ticks = ticks.slice(1);
      if (this.prune === "upper" || this.prune === "both") ticks = ticks.slice(0, -1);
      return ticks;
    }

    rawTicks(vmin, vmax) {
      const nbins = this.nbinsNow();
      const span = vmax - vmin;
      const mid = (vmax + vmin) / 2;
      const offset = Math.abs(mid) / span < 100 ? 0.0
        : Math.sign(mid) * pow10(Math.floor(Math.log10(Math.abs(mid))));
      const scale = pow10(Math.floor(Math.log10(span / nbins)));
      const lo = vmin - offset, hi = vmax - offset;
      let steps = this.extended.map((v) => v * scale);
      if (this.integer) {
        steps = steps.filter((s) => s < 1 || Math.abs(s - roundHalfEven(s)) < 0.001);
      }
      const raw = (hi - lo) / nbins;
      let istep = steps.findIndex((s) => s >= raw);
      if (istep < 0) istep = steps.length - 1;
      let ticks = [];
      for (let k = istep; k >= 0; k--) {
        let step = steps[k];
        if (this.integer && Math.floor(hi) - Math.ceil(lo) >= this.minNTicks - 1) {
          step = Math.max(1.0, step);
        }
        const base = floorDiv(lo, step) * step;
        const tol = edgeTol(step, offset);
        const first = floorTo(lo - base, step, tol);
        const last = ceilTo(hi - base, step, tol);
        ticks = arange(first, last + 1).map((i) => i * step + base);
        if (ticks.filter((t) => t >= lo && t <= hi).length >= this.minNTicks) break;
      }
      return ticks.map((t) => t + offset);
    }
  }

  const AUTO_STEPS = [1, 2, 2.5, 5, 10];

  class AutoMinorLocator {
    constructor(s) {
      this.ndivs = s.n === undefined ? null : s.n;
      this.major = s.major ? locator(s.major) : null;
    }

    tickValues(vmin, vmax) {
      const lim = limits(vmin, vmax);
      if (lim === null) return [];
      const major = this.major || new MaxNLocator({ nbins: "auto", steps: AUTO_STEPS,
        min_n_ticks: 2, tick_space: null });
      let majors = [...new Set(major.tickValues(vmin, vmax))].filter(isFinite);
      majors = sortNum(majors);
      if (majors.length < 2) return [];
      const step = majors[1] - majors[0];
      let ndivs;
      if (this.ndivs === null || this.ndivs === "auto") {
        const mantissa = 10 ** pyDivmod(Math.log10(step), 1)[1];
        const close = (a, b) => Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
        ndivs = [1, 2.5, 5, 10].some((v) => close(mantissa, v)) ? 5 : 4;
      } else ndivs = this.ndivs;
      const minor = step / ndivs;
      const t0 = majors[0];
      const first = roundHalfEven((lim[0] - t0) / minor);
      const last = roundHalfEven((lim[1] - t0) / minor) + 1;
      if (!checkCount(last - first)) return [];
      const locs = arange(first, last).map((i) => i * minor + t0);
      return removeOverlappingLocs(locs, majors);
    }
  }

  function logB(x, base) {
    if (base === 10) return Math.log10(x);
    if (base === 2) return Math.log2(x);
    return Math.log(x) / Math.log(base);
  }

  function decadePlan(nAvail, nRequest, emin, efmin, efmax) {
    if (nAvail <= 0) return [[emin - 1, emin], 1];
    const counts = new Set();
    for (let s = 1; s <= nAvail; s++) {
      counts.add(Math.floor(nAvail / s));
      counts.add(Math.ceil(nAvail / s));
    }
    const target = Math.max(...[...counts].filter((c) => c <= Math.max(nRequest, 1)));
    const emax = emin + nAvail - 1;
    if (target === 1) {
      const mid = roundHalfEven((efmin + efmax) / 2);
      const stride = Math.max(mid - (emin - 1), (emax + 1) - mid);
      return [[mid - stride, mid, mid + stride], stride];
    }
    let stride = 1;
    for (let s = 1; s <= nAvail; s++) {
      if (Math.floor(nAvail / s) <= target && target <= Math.ceil(nAvail / s)) stride = s;
    }
    const oLo = Math.max(nAvail - stride * target, 0);
    const oHi = Math.min(nAvail - stride * (target - 1), stride);
    let offset = ((-emin % stride) + stride) % stride;
    if (!(oLo <= offset && offset < oHi)) offset = oLo;
    const out = [];
    for (let e = emin + offset - stride; e < emax + stride + 1; e += stride) out.push(e);
    return [out, stride];
  }

  class LogLocator {
    constructor(s) {
      this.base = s.base;
      this.subs = s.subs;  // "auto", "all" or numbers
      this.numticks = s.numticks === undefined ? null : s.numticks;
      this.minNTicks = s.min_n_ticks;
      this.minpos = s.minpos === undefined ? null : s.minpos;
      this.tickSpace = s.tick_space === undefined ? null : s.tick_space;
    }

    positiveLimits(vmin, vmax) {
      let lo = Math.min(vmin, vmax), hi = Math.max(vmin, vmax);
      if (!(isFinite(lo) && isFinite(hi)) || hi <= 0) return null;
      if (lo <= 0) lo = this.minpos && this.minpos > 0 && this.minpos < hi ? this.minpos : hi * 1e-10;
      lo = Math.min(Math.max(lo, 1e-300), 1e300);
      hi = Math.min(Math.max(hi, 1e-300), 1e300);
      if (lo === hi) {
        const e = Math.floor(logB(lo, this.base));
        const pw = (k) => (this.base === 10 ? pow10(k) : this.base ** k);
        lo = pw(e - 1);
        hi = pw(e + 1);
      }
      return [lo, hi];
    }

    tickValues(vmin, vmax) {
      const lim = this.positiveLimits(vmin, vmax);
      if (lim === null) return [];
      return this.ticks(lim[0], lim[1]).filter((t) => isFinite(t) && t > 0);
    }

    ticks(vmin, vmax) {
      const b = this.base;
      const nRequest = this.numticks !== null ? this.numticks
        : this.tickSpace === null ? 9 : Math.min(Math.max(this.tickSpace, 2), 9);
      const efmin = logB(vmin, b), efmax = logB(vmax, b);
      const emin = Math.ceil(efmin - 1e-10), emax = Math.floor(efmax + 1e-10);
      const nAvail = emax - emin + 1;
      let subs;
      if (typeof this.subs === "string") {
        if (nAvail >= 10 || b < 3) {
          if (this.subs === "auto") return [];
          subs = [1.0];
        } else {
          subs = [];
          for (let v = this.subs === "auto" ? 2.0 : 1.0; v < b; v += 1) subs.push(v);
        }
      } else subs = this.subs;
      if (nAvail > MAXTICKS) return [];
      const [decades, stride] = decadePlan(nAvail, nRequest, emin, efmin, efmax);
      const isMinor = subs.length > 1 || (subs.length === 1 && subs[0] !== 1.0);
      const pw = (e) => b === 10 ? pow10(e) : b ** e;
      if (!isMinor) {
        const ticks = decades.map(pw);
        if (visible(ticks, vmin, vmax, 1e-10, true).length < this.minNTicks) {
          return this.fewDecades(vmin, vmax, emin, emax);
        }
        return ticks;
      }
      let ticks = [];
      if (stride === 1 || nAvail <= 1) {
        for (let e = emin - 1; e < emax + 1; e++) for (const s of subs) ticks.push(s * pw(e));
      }
      if (subs.length > 1 && stride === 1 &&
          decades.length - 2 + ticks.filter((t) => t >= vmin && t <= vmax).length <= 1) {
        return new MaxNLocator({ nbins: "auto", steps: AUTO_STEPS, min_n_ticks: 2,
          tick_space: null }).tickValues(vmin, vmax);
      }
      return sortNum(ticks);
    }

    fewDecades(vmin, vmax, emin, emax) {
      const b = this.base;
      const candidates = b === 10 ? [[1.0, 2.0, 5.0]] : [];
      if (b > 2) candidates.push(arange(1, Math.ceil(b)).map(Number));
      const pw = (e) => b === 10 ? pow10(e) : b ** e;
      for (let subs of candidates) {
        subs = subs.filter((s) => s < b);
        const ticks = [];
        for (let e = emin - 2; e < emax + 2; e++) for (const s of subs) ticks.push(s * pw(e));
        const inside = ticks.map((t) => t >= vmin * (1 - 1e-10) && t <= vmax * (1 + 1e-10));
        if (inside.filter(Boolean).length >= this.minNTicks) {
          const first = inside.indexOf(true), last = inside.lastIndexOf(true);
          return ticks.slice(Math.max(first - 1, 0), last + 2);
        }
      }
      const t = new MaxNLocator({ nbins: "auto", steps: AUTO_STEPS, min_n_ticks: 2,
        tick_space: null }).tickValues(vmin, vmax);
      return t.filter((v) => v > 0);
    }
  }

  class SymmetricalLogLocator {
    constructor(s) {
      this.linthresh = s.linthresh;
      this.base = s.base;
      this.subs = s.subs;
      this.numticks = s.numticks;
    }

    tickValues(vmin, vmax) {
      const lim = limits(vmin, vmax);
      if (lim === null) return [];
      [vmin, vmax] = lim;
      const t = this.linthresh, b = this.base;
      if (-t <= vmin && vmax <= t) return sortNum([...new Set([vmin, 0.0, vmax])]);
      const neg = vmin < -t, pos = vmax > t;
      const lin = (neg && vmax > -t) || (pos && vmin < t);
      let nLo = 0, nHi = 0, pLo = 0, pHi = 0;
      if (neg) {
        nLo = Math.floor(logB(Math.abs(Math.min(-t, vmax)), b));
        nHi = Math.ceil(logB(Math.abs(vmin) + 1, b));
      }
      if (pos) {
        pLo = Math.floor(logB(Math.max(t, vmin), b));
        pHi = Math.ceil(logB(vmax + 1, b));
      }
      const total = (nHi - nLo) + (pHi - pLo) + (lin ? 1 : 0);
      const stride = Math.max(Math.floor(total / Math.max(this.numticks - 1, 1)), 1);
      let decades = [];
      const pw = (e) => b === 10 ? pow10(e) : b ** e;
      if (neg) {
        const part = [];
        for (let e = nLo; e < nHi; e += stride) part.push(-pw(e));
        decades = decades.concat(part.reverse());
      }
      if (lin) decades.push(0.0);
      if (pos) for (let e = pLo; e < pHi; e += stride) decades.push(pw(e));
      if (this.subs.length > 1 || this.subs[0] !== 1.0) {
        const out = [];
        for (const d of decades) {
          if (d === 0) out.push(0.0);
          else for (const s of this.subs) out.push(s * d);
        }
        decades = out;
      }
      return sortNum(decades);
    }
  }

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

  // -- dates (dates.py) ----------------------------------------------------------------
  const US_PER_DAY = 86400000000n;
  const US = { h: 3600000000n, m: 60000000n, s: 1000000n };
  const MAX_DAYS = 1.0e8;
  const [YEARLY, MONTHLY, DAILY, HOURLY, MINUTELY, SECONDLY, MICROSECONDLY] = [0, 1, 2, 3, 4,
    5, 6];
  const UNIT_DAYS = [365.0, 30.0, 1.0, 1 / 24, 1 / 1440, 1 / 86400, 1 / 86400000000];
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  const bigFloorDiv = (a, b) => {
    const q = a / b;
    return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
  };
  const bigMod = (a, b) => a - bigFloorDiv(a, b) * b;

  /** Float days to BigInt microseconds since the epoch (_days_to_us). */
  function daysToUs(x) {
    x = Math.min(Math.max(x, -MAX_DAYS), MAX_DAYS);
    const whole = Math.floor(x);
    const frac = x - whole;
    return BigInt(whole) * US_PER_DAY + BigInt(npRound(frac * 86400000000, 0));
  }

  function usToDays(us) {
    return Number(bigFloorDiv(us, US_PER_DAY)) + Number(bigMod(us, US_PER_DAY)) / 86400000000;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civilFromDays(z) {
    z += 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) / 365);
    const y = yoe + era * 400;
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp + (mp < 10 ? 3 : -9);
    return [y + (m <= 2 ? 1 : 0), m, d];
  }

  /** Calendar fields of BigInt microseconds since the epoch (_fields). */
  function fields(us) {
    const day = Number(bigFloorDiv(us, US_PER_DAY));
    const tod = bigMod(us, US_PER_DAY);
    const [year, month, d] = civilFromDays(day);
    return {
      year, month, day: d,
      hour: Number(tod / 3600000000n), minute: Number(tod / 60000000n % 60n),
      second: Number(tod / 1000000n % 60n), microsecond: Number(tod % 1000000n),
      weekday: (((day + 3) % 7) + 7) % 7, yday: day - daysFromCivil(year, 1, 1) + 1,
    };
  }

  const pad = (v, n) => {
    const s = String(Math.abs(v)).padStart(n, "0");
    return v < 0 ? "-" + s : s;
  };

  function formatDate(fmt, f) {
    return fmt.replace(/%(.)/g, (all, c) => {
      const y = f.year;
      switch (c) {
        case "Y": return y >= 0 ? pad(y, 4) : `${y}`;
        case "y": return pad(((y % 100) + 100) % 100, 2);
        case "m": return pad(f.month, 2);
        case "d": return pad(f.day, 2);
        case "j": return pad(f.yday, 3);
        case "H": return pad(f.hour, 2);
        case "I": return pad(((f.hour - 1 + 12) % 12) + 1, 2);
        case "p": return f.hour < 12 ? "AM" : "PM";
        case "M": return pad(f.minute, 2);
        case "S": return pad(f.second, 2);
        case "f": return pad(f.microsecond, 6);
        case "b": return MONTHS[f.month - 1].slice(0, 3);
        case "B": return MONTHS[f.month - 1];
        case "a": return DAYS[f.weekday].slice(0, 3);
        case "A": return DAYS[f.weekday];
        case "%": return "%";
        default: throw new Error(`strftime: unsupported directive %${c} in ${fmt}`);
      }
    });
  }

  function strftime(values, fmt) {
    return values.map((x) => (isFinite(x) ? formatDate(fmt, fields(daysToUs(x))) : ""));
  }

  function monthStart(u) {
    const f = fields(u);
    return BigInt(daysFromCivil(f.year, f.month, 1)) * US_PER_DAY;
  }

  function niceAtLeast(x) {
    const p = pow10(Math.floor(Math.log10(Math.max(x, 1.0))));
    for (const m of [1, 2, 5, 10]) if (m * p >= x) return Math.trunc(m * p);
    return Math.trunc(10 * p);
  }

  /** Start of the unit holding u (floor), and the next one, as BigInt us. */
  function unitFloor(u, unit) {
    if (unit === "M") return monthStart(u);
    const size = unit === "D" ? US_PER_DAY : US[unit];
    return bigFloorDiv(u, size) * size;
  }

  function unitNext(u, unit) {
    if (unit === "M") {
      const f = fields(u);
      const y = f.month === 12 ? f.year + 1 : f.year, m = f.month === 12 ? 1 : f.month + 1;
      return BigInt(daysFromCivil(y, m, 1)) * US_PER_DAY;
    }
    return u + (unit === "D" ? US_PER_DAY : US[unit]);
  }

  class AutoDateLocator {
    constructor(s) {
      this.minticks = s.minticks;
      this.maxticks = s.maxticks;        // 7 entries, by frequency
      this.intervald = s.intervald;      // 7 lists
      this.intervalMultiples = s.interval_multiples;
      this.freq = DAILY;
      this.interval = 1;
    }

    getUnit() { return UNIT_DAYS[this.freq]; }

    counts(umin, umax) {
      const f0 = fields(umin), f1 = fields(umax);
      let months = (f1.year - f0.year) * 12 + f1.month - f0.month;
      const within0 = umin - monthStart(umin), within1 = umax - monthStart(umax);
      if (months > 0 && within1 < within0) months -= 1;
      const span = umax - umin;
      return [Math.floor(months / 12), months, Number(span / US_PER_DAY),
        Number(span / US.h), Number(span / US.m), Number(span / US.s), Number(span)];
    }

    tickValues(vmin, vmax) {
      let lo = Math.min(vmin, vmax), hi = Math.max(vmin, vmax);
      if (!(isFinite(lo) && isFinite(hi))) return [];
      if (hi < -MAX_DAYS || lo > MAX_DAYS) return [];
      if (lo === hi) {
        lo -= 1.0;
        hi += 1.0;
      }
      lo = Math.max(lo, -MAX_DAYS);
      hi = Math.min(hi, MAX_DAYS);
      const umin = daysToUs(lo), umax = daysToUs(hi);
      const counts = this.counts(umin, umax);
      let freq = MICROSECONDLY, interval = 1;
      for (let f = 0; f < counts.length; f++) {
        const n = counts[f];
        if (n < this.minticks) continue;
        const choices = this.intervald[f];
        interval = choices.find((i) => n <= i * (this.maxticks[f] - 1));
        if (interval === undefined) {
          interval = f === YEARLY ? niceAtLeast(n / (this.maxticks[f] - 1))
            : choices[choices.length - 1];
        }
        freq = f;
        break;
      }
      this.freq = freq;
      this.interval = interval;
      if (freq === YEARLY) return this.years(umin, umax, interval);
      if (freq === MICROSECONDLY) {
        const t0 = Math.floor(lo);
        const ticks = new MultipleLocator({ base: interval, offset: 0 }).tickValues(
          (lo - t0) * 86400000000, (hi - t0) * 86400000000);
        return sortNum([...new Set(ticks.map((t) => t / 86400000000 + t0))]);
      }
      const ticks = this.calendar(umin, umax, freq, interval);
      return ticks.length ? ticks.map(usToDays) : [lo, hi];
    }

    years(umin, umax, step) {
      const y0 = fields(umin).year, y1 = fields(umax).year;
      const out = [];
      const last = Math.ceil(y1 / step) * step + 1;
      for (let y = Math.floor(y0 / step) * step; y < last; y += step) {
        out.push(daysFromCivil(y, 1, 1));
      }
      return out;
    }

    calendar(umin, umax, freq, interval) {
      let allowed = null;
      if (this.intervalMultiples) {
        const every = (lo, hi) => arange(lo, hi).filter((_, i) => i % interval === 0);
        if (freq === MONTHLY) allowed = every(1, 13);
        else if (freq === DAILY) {
          allowed = { 14: [1, 15], 7: [1, 8, 15, 22] }[interval] || every(1, 32);
        } else allowed = every(0, freq === HOURLY ? 24 : 60);
      }
      const unit = { [MONTHLY]: "M", [DAILY]: "D", [HOURLY]: "h", [MINUTELY]: "m",
        [SECONDLY]: "s" }[freq];
      const key = { [MONTHLY]: "month", [DAILY]: "day", [HOURLY]: "hour",
        [MINUTELY]: "minute", [SECONDLY]: "second" }[freq];
      const last = unitFloor(umax, unit);
      let cand = [];
      for (let u = unitFloor(umin, unit); u <= last; u = unitNext(u, unit)) {
        cand.push(u);
        if (cand.length > 4 * MAXTICKS) break;
      }
      if (allowed !== null) {
        const set = new Set(allowed);
        cand = cand.filter((u) => set.has(fields(u)[key]));
      } else cand = cand.filter((_, i) => i % Math.max(interval, 1) === 0);
      return cand.filter((u) => u >= umin && u <= umax);
    }
  }

  class DateFormatter extends Formatter {
    constructor(s) {
      super();
      this.fmt = s.fmt;
    }

    formatTicks(values) { return strftime(values.map(Number), this.fmt); }
  }

  class AutoDateFormatter extends Formatter {
    constructor(s, major) {
      super();
      this.locator = major;
      this.scaled = sortNum(s.scaled.map((e) => e[0])).map((k) => s.scaled.find((e) => e[0] === k));
      this.defaultfmt = s.defaultfmt;
    }

    fmt() {
      const unit = this.locator && this.locator.getUnit ? this.locator.getUnit() : 1.0;
      const hit = this.scaled.find((e) => e[0] >= unit);
      return hit ? hit[1] : this.defaultfmt;
    }

    formatTicks(values) { return strftime(values.map(Number), this.fmt()); }
  }

  class ConciseDateFormatter extends Formatter {
    constructor(s) {
      super();
      this.formats = s.formats;
      this.zeroFormats = s.zero_formats;
      this.offsetFormats = s.offset_formats;
      this.showOffset = s.show_offset;
      this.offsetString = "";
    }

    getOffset() { return this.offsetString; }

    formatTicks(values, vmin, vmax) {
      const v = values.map(Number);
      const labels = v.map(() => "");
      this.offsetString = "";
      const okIdx = v.map((x, i) => (isFinite(x) ? i : -1)).filter((i) => i >= 0);
      if (!okIdx.length) return labels;
      const f = okIdx.map((i) => fields(daysToUs(v[i])));
      const cols = ["year", "month", "day", "hour", "minute", "second"];
      let showOffset = this.showOffset;
      let level = 5;
      for (let lev = 5; lev >= 0; lev--) {
        const uniq = new Set(f.map((x) => x[cols[lev]]));
        if (uniq.size > 1) {
          level = lev;
          if (lev < 2 && uniq.has(1)) showOffset = false;
          break;
        }
      }
      const zeroVals = [0, 1, 1, 0, 0, 0];
      let out = f.map((fl) => {
        const atZero = level < 5 ? fl[cols[level]] === zeroVals[level]
          : fl.second === 0 && fl.microsecond === 0;
        return formatDate(atZero ? this.zeroFormats[level] : this.formats[level], fl);
      });
      if (level >= 5) {
        const trailing = out.filter((s) => s.includes(".")).map((s) => s.length -
          s.replace(/0+$/, "").length);
        if (trailing.length && Math.min(...trailing)) {
          const cut = Math.min(...trailing);
          out = out.map((s) => (s.includes(".") ? s.slice(0, -cut).replace(/\.$/, "") : s));
        }
      }
      if (showOffset) {
        const inverted = vmin !== undefined && vmax !== undefined && vmin > vmax;
        const j = inverted ? 0 : f.length - 1;
        this.offsetString = formatDate(this.offsetFormats[level], f[j]);
      }
      okIdx.forEach((i, k) => { labels[i] = out[k]; });
      return labels;
    }
  }

  // -- polar (polar.py) ------------------------------------------------------------------
  const TWO_PI = 2 * Math.PI;
  const fullCircle = (t0, t1) => Math.abs(Math.abs(t1 - t0) - TWO_PI) < 1.74e-14;
  const rad2deg = (x) => x * (180 / Math.PI);
  const deg2rad = (x) => x * (Math.PI / 180);

  class ThetaLocator {
    constructor(s) {
      this.base = new MaxNLocator({ nbins: "auto", steps: [1, 1.5, 3, 4.5, 9, 10],
        min_n_ticks: 2, tick_space: s.tick_space });
    }

    tickValues(vmin, vmax) {
      if (fullCircle(vmin, vmax)) {
        return arange(0, 8).map((i) => Math.min(vmin, vmax) + i * TWO_PI / 8);
      }
      return this.base.tickValues(rad2deg(vmin), rad2deg(vmax)).map(deg2rad);
    }
  }

  class ThetaFormatter extends Formatter {
    call(x) {
      const [vmin, vmax] = this.view;
      const d = rad2deg(Math.abs(vmax - vmin)) || 360.0;
      const digits = Math.max(-Math.trunc(Math.log10(d) - 1.5), 0);
      return fixMinus(`${formatFixed(rad2deg(x), digits)}\u00b0`);
    }
  }

  class RadialLocator {
    constructor(s) {
      this.base = locator(s.base);
      this.s = s;
    }

    tickValues(vmin, vmax) {
      let ticks = this.base.tickValues(vmin, vmax);
      const s = this.s;
      if (fullCircle(deg2rad(s.thetamin), deg2rad(s.thetamax))) {
        const origin = s.rorigin * s.rsign;
        if (s.rmin <= origin) ticks = ticks.filter((t) => t * s.rsign > origin);
      }
      return ticks;
    }
  }

  // -- specs -> objects -----------------------------------------------------------------
  const LOCATORS = {
    null: NullLocator, fixed: FixedLocator, linear: LinearLocator, multiple: MultipleLocator,
    maxn: MaxNLocator, autominor: AutoMinorLocator, log: LogLocator,
    symlog: SymmetricalLogLocator, autodate: AutoDateLocator, theta: ThetaLocator,
    radial: RadialLocator,
  };
  const FORMATTERS = {
    null: NullFormatter, fixed: FixedFormatter, scalar: ScalarFormatter, log: LogFormatter,
    percent: PercentFormatter, eng: EngFormatter, strmethod: StrMethodFormatter,
    formatstr: FormatStrFormatter, date: DateFormatter, autodate: AutoDateFormatter,
    concise: ConciseDateFormatter, theta: ThetaFormatter,
  };

  function locator(spec) {
    const C = LOCATORS[spec.kind];
    if (!C) throw new Error(`locator kind ${JSON.stringify(spec.kind)} is not one the page knows`);
    return new C(spec);
  }

  function formatter(spec, major) {
    const C = FORMATTERS[spec.kind];
    if (!C) throw new Error(`formatter kind ${JSON.stringify(spec.kind)} is not one the page knows`);
    return new C(spec, major);
  }

  /** Axis.ticks(): (major values, labels, minor values, offset text) inside [lo, hi]
   * for an axis spec {major, minor, formatter, log}. */
  function axisTicks(spec, lo, hi) {
    const major = locator(spec.major);
    const minorLoc = locator(spec.minor);
    const fmt = formatter(spec.formatter, major);
    const majorV = visible(major.tickValues(lo, hi), lo, hi, 1e-10, spec.log);
    const labels = majorV.length ? fmt.formatTicks(majorV, lo, hi) : [];
    const offset = fmt.getOffset();
    let minor = visible(minorLoc.tickValues(lo, hi), lo, hi, 1e-10, spec.log);
    minor = removeOverlappingLocs(minor, majorV);
    return { major: majorV, labels, minor, offset };
  }

  lumos.ticker = {
    locator, formatter, axisTicks, visible, nonOverlapping, removeOverlappingLocs, nonsingular,
    formatFixed, formatExp, formatGeneral, formatData, pyStr, strftime, fields, daysToUs,
    fixMinus, MINUS,
  };
})(typeof window !== "undefined" ? window : globalThis);
