/**
 * Keeps a batch's peak memory near that of its costliest file. Between files nothing is retained (see the loops of
 * check, cartera, calendario, fill of a folder), but V8 collects lazily: after a few large or hostile files its heap
 * held 300–440 MB of garbage where a collected heap holds 20 MB. Before each workbook is opened, when the heap and
 * the buffers have grown more than GROWTH_LIMIT (32 MB) since the last collection, we ask for a full collection. On ordinary
 * workbooks that is one collection every several files (a few ms each), so batch times barely move (bench/).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const GROWTH_LIMIT = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;
let afterLast = 0;

/** Node's gc() without --expose-gc on the command line (the bin shims of npm cannot pass it on every platform). */
function gcFunction(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return exposed;
  try {
    setFlagsFromString("--expose-gc");
    const fn = runInNewContext("gc") as unknown;
    return typeof fn === "function" ? (fn as () => void) : null;
  } catch {
    return null; // a runtime without it: V8's own policy then decides, as before
  }
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** Call before opening a workbook. Cheap when there is little garbage. */
export function releaseBetweenFiles(): void {
  if (collect === undefined) collect = gcFunction();
  if (!collect) return;
  if (used() - afterLast < GROWTH_LIMIT) return;
  collect();
  afterLast = used();
}
