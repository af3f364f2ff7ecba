/**
 * Deterministic elementary functions. ECMAScript lets engines approximate Math.exp, log, pow,
 * sin, cos, atan2… differently, so the same model could diverge between Chromium, Firefox,
 * Safari and Node. These implementations use only exactly specified IEEE-754 operations
 * (+ − × ÷, sqrt, floor, comparisons and bit access), so every engine returns the same bits.
 *
 * The algorithms are the classical ones (Cody–Waite argument reduction followed by minimax
 * polynomials, with the coefficients published with Sun's fdlibm). Accuracy: within 1 ulp of
 * the true value over the tested ranges (see tests/core/dmath.test.ts).
 */

// Bit access without allocation. Typed arrays use the platform byte order; every platform that
// runs JavaScript engines today is little-endian (word 1 is the high word).
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** 2^k for integer k in [-1022, 1023], exactly. */
function pow2(k: number): number {
  U32[0] = 0;
  U32[1] = (k + 1023) << 20;
  return F64[0];
}

/** x · 2^k for integer k, exact unless the result overflows or underflows. */
function scale(x: number, k: number): number {
  if (k > 1023) {
    x *= pow2(1023);
    k -= 1023;
    if (k > 1023) return x * Infinity;
  } else if (k < -1022) {
    // Two steps keep the intermediate normal; the last product rounds once into subnormals.
    x *= pow2(-1022 + 53);
    k += 1022 - 53;
    if (k < -1022) {
      x *= pow2(-1022);
      k += 1022;
      if (k < -1022) return x * 0;
    }
  }
  return x * pow2(k);
}

const LN2_HI = 6.9314718036912381649e-1; // ln 2 with its low bits cleared: k·LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;

/** e^x. */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > 709.782712893383973096) return Infinity;
  if (x < -745.13321910194110842) return 0;
  if (x > -3.725290298461914e-9 && x < 3.725290298461914e-9) return 1 + x;
  // x = k·ln2 + r, |r| ≤ ln2/2, then e^x = 2^k · e^r.
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  // e^r = 1 + 2r / (R(r²) − r), with R a minimax fit (fdlibm's P1…P5).
  const t = r * r;
  const c =
    r -
    t *
      (1.66666666666666019037e-1 +
        t *
          (-2.77777777770155933842e-3 +
            t * (6.61375632143793436117e-5 + t * (-1.6533902205465251539e-6 + t * 4.13813679705723846039e-8))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k === 0 ? y : scale(y, k);
}

const SQRT_HALF = 0.7071067811865476;

/** Natural logarithm. */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let k = 0;
  // Subnormals: scale up so that the exponent field is meaningful.
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    k = -54;
  }
  F64[0] = x;
  let hx = U32[1];
  k += (hx >>> 20) - 1023;
  // Put the mantissa m in [√2/2, √2): x = 2^k · m.
  hx &= 0x000fffff;
  U32[1] = hx | 0x3ff00000;
  let m = F64[0];
  if (m > 2 * SQRT_HALF) {
    m *= 0.5;
    k += 1;
  }
  // log m = log(1+f) = 2 atanh(s) with s = f / (2 + f): f − hfsq + s(hfsq + R).
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const R =
    z *
    (6.66666666666673513e-1 +
      z *
        (3.999999999940941908e-1 +
          z *
            (2.857142874366239149e-1 +
              z *
                (2.222219843214978396e-1 +
                  z * (1.818357216161805012e-1 + z * (1.531383769920937332e-1 + z * 1.479819860511658591e-1))))));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

// π/2 in three 33-bit parts (PIO2_1 + PIO2_2 + PIO2_2T) and the tail after the first part:
// n·PIO2_1 and n·PIO2_2 are exact for the n met here.
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const INV_PIO2 = 6.36619772367581382433e-1;

/** sin(x + y) for |x| ≤ π/4, y the tiny tail of x (fdlibm's S1…S6). */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r =
    8.33333333332248946124e-3 +
    z *
      (-1.98412698298579493134e-4 +
        z * (2.75573137070700676789e-6 + z * (-2.50507602534068634195e-8 + z * 1.58969099521155010221e-10)));
  return x - (z * (0.5 * y - v * r) - y - v * -1.66666666666666324348e-1);
}

/** cos(x + y) for |x| ≤ π/4, y the tiny tail of x (fdlibm's C1…C6). */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const r =
    z *
    (4.16666666666666019037e-2 +
      z *
        (-1.38888888888741095749e-3 +
          z *
            (2.48015872894767294178e-5 +
              z * (-2.75573143513906633035e-7 + z * (2.0875723212981748279e-9 + z * -1.13596475577881948265e-11)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

// Result of the last reduction, shared by sin and cos: x = n·π/2 + (reducedHi + reducedLo).
let quadrant = 0;
let reducedHi = 0;
let reducedLo = 0;

/**
 * Cody–Waite reduction of x to [−π/4, π/4] with n mod 4 in `quadrant`. Accurate for
 * |x| < 2^20·π/2 (about 1.6 million); beyond that the result stays deterministic but
 * gradually loses accuracy (models have no business there).
 */
function reduce(x: number): void {
  if (x > -0.7853981633974483 && x < 0.7853981633974483) {
    quadrant = 0;
    reducedHi = x;
    reducedLo = 0;
    return;
  }
  const n = Math.floor(x * INV_PIO2 + 0.5);
  quadrant = ((n % 4) + 4) % 4;
  const a = x - n * PIO2_1;
  let w = n * PIO2_1T;
  let r = a - w;
  if (Math.abs(r) < 1e-3) {
    // Cancellation: take the second part of π/2 too.
    const b = a - n * PIO2_2;
    w = n * PIO2_2T - (a - b - n * PIO2_2);
    r = b - w;
    reducedLo = b - r - w;
  } else {
    reducedLo = a - r - w;
  }
  reducedHi = r;
}

/** sin(x + shift·π/2): the reduced argument picks a kernel and a sign by quadrant. */
function sinShifted(x: number, shift: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  reduce(x);
  switch ((quadrant + shift) % 4) {
    case 0:
      return kernelSin(reducedHi, reducedLo);
    case 1:
      return kernelCos(reducedHi, reducedLo);
    case 2:
      return -kernelSin(reducedHi, reducedLo);
    default:
      return -kernelCos(reducedHi, reducedLo);
  }
}

/** Sine of x radians. */
export function sin(x: number): number {
  return sinShifted(x, 0);
}

/** Cosine of x radians: sin(x + π/2). */
export function cos(x: number): number {
  return sinShifted(x, 1);
}

// ——— pow: double-double arithmetic (Dekker's exact products) keeps the error below 1 ulp. ———

const SPLITTER = 134217729; // 2^27 + 1
let ddHi = 0;
let ddLo = 0;

/** The exact product a·b as ddHi + ddLo (|a|, |b| < 2^996). */
function twoProduct(a: number, b: number): void {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  ddHi = p;
  ddLo = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (aHi + aLo)·(bHi + bLo) as ddHi + ddLo, to about 2^-104 relative. */
function ddMul(aHi: number, aLo: number, bHi: number, bLo: number): void {
  twoProduct(aHi, bHi);
  const lo = ddLo + (aHi * bLo + aLo * bHi);
  const hi = ddHi + lo;
  ddLo = lo - (hi - ddHi);
  ddHi = hi;
}

/** x^n for a positive finite x and an integer n ≥ 1, by squaring in double-double. */
function ddPowInt(x: number, n: number): void {
  let rHi = 1;
  let rLo = 0;
  let bHi = x;
  let bLo = 0;
  for (;;) {
    if (n % 2 === 1) {
      ddMul(rHi, rLo, bHi, bLo);
      rHi = ddHi;
      rLo = ddLo;
    }
    n = Math.floor(n / 2);
    if (n === 0) break;
    ddMul(bHi, bLo, bHi, bLo);
    bHi = ddHi;
    bLo = ddLo;
  }
  ddHi = rHi;
  ddLo = rLo;
}

/** log x as ddHi + ddLo for a positive normal finite x, to about 2^-60 relative. */
function ddLog(x: number): void {
  F64[0] = x;
  let k = (U32[1] >>> 20) - 1023;
  U32[1] = (U32[1] & 0x000fffff) | 0x3ff00000;
  let m = F64[0];
  if (m > 2 * SQRT_HALF) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1; // exact (Sterbenz)
  // s = f / (2 + f) with its rounding error recovered exactly.
  const t = 2 + f;
  const tLo = f - (t - 2);
  const s = f / t;
  twoProduct(s, t);
  const sLo = (f - ddHi - ddLo - s * tLo) / t;
  // log(1+f) = 2 atanh s = 2s + 2s³(1/3 + s²/5 + …); the tail is small, plain doubles suffice.
  const z = s * s;
  let series = 0;
  for (let j = 13; j >= 1; j--) series = 1 / (2 * j + 1) + z * series;
  const tail = 2 * s * z * series;
  const a = k * LN2_HI; // exact
  const b = 2 * s;
  const sum = a + b;
  const sumErr = Math.abs(a) >= Math.abs(b) ? a - sum + b : b - sum + a;
  const lo = sumErr + k * LN2_LO + 2 * sLo + tail;
  ddHi = sum + lo;
  ddLo = lo - (ddHi - sum);
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y) < 9007199254740992 && y % 2 !== 0;
}

/** x^y with ECMAScript's special cases (as `Math.pow` and `**`), within 1 ulp. */
export function pow(x: number, y: number): number {
  if (y !== y) return NaN;
  if (y === 0) return 1;
  if (x !== x) return NaN;
  const ax = x < 0 ? -x : x;
  if (y === Infinity || y === -Infinity) {
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  if (x === 0 || ax === Infinity) {
    // 0^y and ∞^y: the sign survives only for negative x with an odd integer y.
    const big = x === 0 ? y < 0 : y > 0;
    const negative = (x < 0 || Object.is(x, -0)) && isOddInteger(y);
    return big ? (negative ? -Infinity : Infinity) : negative ? -0 : 0;
  }
  if (x < 0 && !Number.isInteger(y)) return NaN;
  const sign = x < 0 && isOddInteger(y) ? -1 : 1;
  if (ax === 1) return sign;
  if (y === 1) return x;
  if (y === 0.5) return Math.sqrt(x);

  // Subnormal x: rescale by 2^54 first, folding the factor into the logarithm.
  let lx = ax;
  let kShift = 0;
  if (lx < 2.2250738585072014e-308) {
    lx *= 18014398509481984;
    kShift = -54;
  }
  ddLog(lx);
  let lHi = ddHi + kShift * LN2_HI;
  let lLo = ddLo + kShift * LN2_LO;
  const magnitude = y * lHi;
  if (magnitude > 709.8) return sign * Infinity;
  if (magnitude < -745.2) return sign * 0;

  if (Number.isInteger(y) && Math.abs(magnitude) < 620) {
    // Integer exponent: repeated squaring in double-double is exact whenever the result is
    // representable (so 3 ** 2 is 9) and within 1 ulp otherwise.
    ddPowInt(ax, Math.abs(y));
    let r: number;
    if (y > 0) r = ddHi + ddLo;
    else {
      // 1 / (hi + lo), refined once with the exact residual.
      const q = 1 / ddHi;
      const hi = ddHi;
      const lo = ddLo;
      twoProduct(q, hi);
      const residual = 1 - ddHi - ddLo - q * lo;
      r = q + q * residual;
    }
    return sign * r;
  }

  // General case: e^(y · log x) with y · log x carried in double-double.
  twoProduct(y, lHi);
  lLo = ddLo + y * lLo;
  lHi = ddHi + lLo;
  lLo = lLo - (lHi - ddHi);
  const e = exp(lHi);
  return sign * (e + e * lLo);
}
