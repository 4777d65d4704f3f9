/**
 * Keeps a batch's peak memory near that of its costliest file. Between files nothing is retained (see the loops of
 * check, cartera, calendario, fill of a folder), but V8 collects lazily: after a few large or hostile files its heap
 * held 300–440 MB of garbage where a collected heap holds 20 MB. Before each workbook is opened we ask for a full
 * collection when the previous file left more than HEAVY_FILE (8 MB) in the old generation and the buffers, or when they grew
 * GROWTH_LIMIT (128 MB) above their lowest point since our last collection. Ordinary batches are hardly interrupted:
 * forcing a collection every 32 MB made 1,000 client workbooks 40 % slower (bench/RESULTS.md, cartera).
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const HEAVY_FILE = 8 * 1024 * 1024;
const GROWTH_LIMIT = 128 * 1024 * 1024;

let collect: (() => void) | null | undefined;
let low = Number.POSITIVE_INFINITY;
let previous: number | null = null;

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

/** The old generation and the buffers: young objects are scavenged cheaply by V8 and would only add noise. */
const used = () => {
  let old = 0;
  for (const s of getHeapSpaceStatistics()) if (!s.space_name.startsWith("new_")) old += s.space_used_size;
  return old + process.memoryUsage().external;
};

/** Call before opening each workbook of a batch. */
export function releaseBetweenFiles(): void {
  const now = used();
  // What the previous file left (negative when V8 collected meanwhile) and the lowest point since our last
  // collection (V8's own collections lower it): ordinary workbooks leave 1–5 MB and V8 handles them; a large or
  // hostile file leaves 10–75 MB, and several of those in a row is what piled up.
  const lastFile = previous === null ? 0 : now - previous;
  if (now < low) low = now;
  previous = now;
  if (lastFile < HEAVY_FILE && now - low < GROWTH_LIMIT) return;
  if (collect === undefined) collect = gcFunction();
  if (!collect) return;
  collect();
  low = previous = used();
}
