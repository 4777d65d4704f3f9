/**
 * The open workbook's date system (1900 or 1904), as the custom functions need it: a date serial means a different
 * day in a 1904 workbook (1,462 days apart). Custom functions receive bare numbers, so the shared runtime asks Excel
 * once (the detector functions.ts installs: `DATE(1904,1,1)` is 0 only in the 1904 system) and the task pane, which
 * reads the date system with every snapshot, keeps it current (`setWorkbookDate1904`).
 *
 * The functions chunk and the pane chunk are separate webpack entries (each with its own module registry) running in
 * ONE shared runtime per workbook, so the state lives on `globalThis` under a registered symbol: both see one copy.
 */

interface DateSystemState {
  /** null = not known yet. */
  date1904: boolean | null;
  detecting: Promise<boolean> | null;
  detect: (() => Promise<boolean>) | null;
}

const KEY = Symbol.for("raoce.workbookDateSystem");

function state(): DateSystemState {
  const g = globalThis as unknown as Record<symbol, DateSystemState | undefined>;
  return (g[KEY] ??= { date1904: null, detecting: null, detect: null });
}

/** What the pane read (snapshot.date1904) or a test decides. */
export function setWorkbookDate1904(date1904: boolean): void {
  const s = state();
  s.date1904 = date1904;
  s.detecting = null;
}

/** How to ask Excel (installed by functions.ts when the runtime has the Excel API). */
export function setDateSystemDetector(detect: (() => Promise<boolean>) | null): void {
  state().detect = detect;
}

/** Forget what is known (tests). */
export function resetWorkbookDateSystem(): void {
  const s = state();
  s.date1904 = null;
  s.detecting = null;
  s.detect = null;
}

/**
 * true for a 1904 workbook. Asks Excel once (concurrent callers share the question); without a detector (outside
 * Excel: tests, a plain page) the answer is the 1900 system. Rejects when Excel cannot answer; the next call asks again.
 */
export function workbookDate1904(): Promise<boolean> {
  const s = state();
  if (s.date1904 !== null) return Promise.resolve(s.date1904);
  if (!s.detect) return Promise.resolve(false);
  s.detecting ??= s.detect().then(
    (v) => {
      s.date1904 = v;
      return v;
    },
    (e: unknown) => {
      s.detecting = null;
      throw e;
    },
  );
  return s.detecting;
}

/** Excel's answer to DATE(1904,1,1): 0 in the 1904 system, 1462 in the 1900 one. */
export async function detectWithExcel(run: typeof Excel.run): Promise<boolean> {
  return run(async (context) => {
    const probe = context.workbook.functions.date(1904, 1, 1).load("value, error");
    await context.sync();
    if (probe.error) throw new Error(`DATE(1904,1,1): ${probe.error}`);
    return probe.value === 0;
  });
}
