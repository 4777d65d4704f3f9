/** Timing helpers shared by the benchmarks (bench/run.js passes --expose-gc). */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.(); // bench/run.js passes --expose-gc

function timeOnce(fn: () => void): number {
  gc(); // each run starts from a collected heap: GC noise otherwise dominates
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Paired runs (baseline, subject, baseline, subject, …): the median of per-pair ratios resists load drift. */
export function paired(baseline: () => void, subject: () => void, runs: number) {
  baseline();
  subject(); // warm-up
  const b: number[] = [];
  const s: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tb = timeOnce(baseline);
    const ts = timeOnce(subject);
    b.push(tb);
    s.push(ts);
    r.push(ts / tb);
  }
  return { baselineMs: median(b), ms: median(s), ratio: median(r) };
}
