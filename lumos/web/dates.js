/* lumos dates in the page: the twins of lumos/plot/dates.py's locator and formatters
 * (ticker.js builds them from specs), on BigInt microseconds since the epoch.
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
  const isFinite = Number.isFinite;
  const { pow10, npRound } = lumos.pynumbers;
  const { MultipleLocator, arange, sortNum, MAXTICKS } = lumos.locators;
  const { Formatter } = lumos.formatters;

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

  lumos.dates = {
    AutoDateLocator, DateFormatter, AutoDateFormatter, ConciseDateFormatter, strftime, fields,
    daysToUs,
  };
})(typeof window !== "undefined" ? window : globalThis);
