/* lumos tickers in the page: the JavaScript twin of lumos/plot/ticker.py, dates.py and
 * the polar locators of polar.py, so a page recomputes ticks and labels as it pans.
 *
 * A locator or formatter is built from the JSON spec lumos/plot/page_tickers.py writes
 * (`lumos.ticker.locator(spec)`, `lumos.ticker.formatter(spec, locator)`), and behaves
 * as its Python class: `tickValues(vmin, vmax)` and `formatTicks(values, vmin, vmax)`
 * with `getOffset()`. Both twins are kept equal by tests/app/ticker_vectors.json
 * (Python writes the vectors; tests/app/test_ticker_vectors.py checks both).
 *
 * The locators, formatters and dates are in locators.js, formatters.js and dates.js,
 * numbers as Python prints them in pynumbers.js; this file adds the polar ones and
 * builds them all from specs.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const { formatFixed, formatExp, formatGeneral } = lumos.pynumbers;
  const {
    NullLocator, FixedLocator, LinearLocator, MultipleLocator, MaxNLocator, AutoMinorLocator,
    LogLocator, SymmetricalLogLocator, nonsingular, visible, removeOverlappingLocs,
    arange,
  } = lumos.locators;
  const {
    Formatter, NullFormatter, FixedFormatter, ScalarFormatter, LogFormatter, PercentFormatter,
    EngFormatter, StrMethodFormatter, FormatStrFormatter, formatData, pyStr, fixMinus, MINUS,
  } = lumos.formatters;
  const {
    AutoDateLocator, DateFormatter, AutoDateFormatter, ConciseDateFormatter, strftime, fields,
    daysToUs,
  } = lumos.dates;

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
   * for an axis spec {major, minor, formatter, log}, and `index`: where the major ticks
   * shown stand among all the locator's (labels restyled one by one go by it). */
  function axisTicks(spec, lo, hi) {
    const major = locator(spec.major);
    const minorLoc = locator(spec.minor);
    const fmt = formatter(spec.formatter, major);
    // the formatter labels every tick, those beyond the view too (Axis.tick_lists in
    // axis.py, as matplotlib's): a FixedFormatter's i-th label is the i-th tick's
    const every = major.tickValues(lo, hi);
    const strings = every.length ? fmt.formatTicks(every, lo, hi) : [];
    const shown = new Set(visible(every, lo, hi, 1e-10, spec.log));
    const index = [];
    every.forEach((v, i) => { if (shown.has(v)) index.push(i); });
    const offset = fmt.getOffset();
    let minor = removeOverlappingLocs(minorLoc.tickValues(lo, hi), every, 1e-5, [lo, hi],
      spec.log ? Math.log10 : null);
    minor = visible(minor, lo, hi, 1e-10, spec.log);
    return { major: index.map((i) => every[i]), labels: index.map((i) => strings[i]), index,
      minor, offset };
  }

  // -- tick labels (axisdraw.py _ha_for_angle, _va_for_angle) --------------------------
  /** rotation_mode 'xtick': the ha that makes a label turned by angle end at its tick. */
  function haForAngle(angle, va) {
    if (angle <= 10 || angle >= 350 || (angle >= 85 && angle <= 95) ||
        (angle >= 170 && angle <= 190) || (angle >= 265 && angle <= 275)) return "center";
    const atBottom = va === "bottom";
    if ((angle > 10 && angle < 85) || (angle > 190 && angle < 265)) {
      return atBottom ? "left" : "right";
    }
    return atBottom ? "right" : "left";
  }

  /** rotation_mode 'ytick': the va that makes a label turned by angle point at its tick. */
  function vaForAngle(angle, ha) {
    if (angle <= 10 || angle >= 350 || (angle >= 170 && angle <= 190) ||
        (angle >= 80 && angle <= 100) || (angle >= 260 && angle <= 280)) return "center";
    const atLeft = ha === "left";
    if ((angle > 10 && angle < 80) || (angle > 190 && angle < 260)) {
      return atLeft ? "baseline" : "top";
    }
    return atLeft ? "top" : "baseline";
  }

  lumos.ticker = {
    haForAngle, vaForAngle,
    locator, formatter, axisTicks, visible, removeOverlappingLocs, nonsingular,
    formatFixed, formatExp, formatGeneral, formatData, pyStr, strftime, fields, daysToUs,
    fixMinus, MINUS,
  };
})(typeof window !== "undefined" ? window : globalThis);
