/* lumos locators in the page: the twins of the locators of lumos/plot/ticker_locators.py
 * and ticker_log.py and their shared helpers (ticker.js builds them from specs).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const MAXTICKS = 10000;
  const TINY = 2.2250738585072014e-308;  // np.finfo(np.float64).tiny
  const HUGE = Number.MAX_VALUE / 8;

  const isFinite = Number.isFinite;
  const { roundHalfEven, pyDivmod, floorDiv, pow10 } = lumos.pynumbers;
  // ticker.js loads after this file: AutoMinorLocator builds its major locator from a
  // spec when it is made
  const locator = (spec) => lumos.ticker.locator(spec);

  // -- shared helpers (ticker_locators.py) -------------------------------------------
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

  /** ticker.remove_overlapping_locs: given the view and the scale's forward, within
   * rtol of the view's span in scale space (matplotlib's); else in data units. */
  function removeOverlappingLocs(minor, major, rtol = 1e-5, view = null, forward = null) {
    if (!minor.length || !major.length) return minor.slice();
    if (view) {
      const f = forward || ((v) => v);
      const tol = rtol * Math.abs(f(view[1]) - f(view[0]));
      const sma = major.map(f);
      return minor.filter((m) => {
        const sm = f(m);
        return !(Math.min(...sma.map((v) => Math.abs(sm - v))) <= tol);
      });
    }
    const all = minor.concat(major);
    const span = Math.max(...all) - Math.min(...all);
    const tol = rtol * (span > 0 ? span : 1.0);
    return minor.filter((m) => Math.min(...major.map((v) => Math.abs(m - v))) > tol);
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
      this.locs = s.locs.filter(isFinite); // the caller's order (ticker_locators.py)
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
      this.roundNumbers = !!s.round_numbers;  // rcParams axes.autolimit_mode
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
      // round_numbers: nbins steps from below lo must reach hi
      let istep = steps.findIndex((s) => s >= raw &&
        (!this.roundNumbers || floorDiv(lo, s) * s + s * nbins >= hi));
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

  lumos.locators = {
    NullLocator, FixedLocator, LinearLocator, MultipleLocator, MaxNLocator, AutoMinorLocator,
    LogLocator, SymmetricalLogLocator, nonsingular, visible, removeOverlappingLocs,
    arange, sortNum, MAXTICKS,
  };
})(typeof window !== "undefined" ? window : globalThis);
