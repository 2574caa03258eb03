/* lumos numbers as Python and numpy compute and print them, for the tickers in the
 * page (ticker.js): Python's format() of floats, repr digits, round, divmod, np.round.
 *
 * Numbers are formatted exactly as Python's format() does (round half to even on the
 * exact binary value), not with toFixed (which rounds ties up).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;
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

  lumos.pynumbers = {
    formatFixed, formatExp, formatGeneral, shortest, negative, nextDown, roundHalfEven,
    pyDivmod, floorDiv, pow10, npRound,
  };
})(typeof window !== "undefined" ? window : globalThis);
