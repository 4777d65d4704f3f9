/**
 * Where Data Stage files come from: monthly ZIPs (`{folio}_Solicitudes.zip`, possibly with nested folders, a nested
 * ZIP or `__MACOSX`), a folder of `.asc` files, or loose `.asc` files. Each folio is one delivery. Node-side.
 */
import { createReadStream, readFileSync, readdirSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { basename, join } from "node:path";
import JSZip from "jszip";
import { fileCode } from "./layout";

export interface AscFile {
  /** What messages show: "1875724_Solicitudes.zip › 1875724_551.asc". */
  label: string;
  code: string;
  folio: string;
  /** The file's bytes, chunk by chunk (a ZIP entry is inflated as it is read). */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface Delivery {
  folio: string;
  /** Where it came from (zip or folder), for messages. */
  origin: string;
  files: AscFile[];
}

export class DataStageSourceError extends Error {}

/** jszip 3 keeps each entry's compressed bytes until asked; these are the fields it uses for that (internal). */
interface JsZipInternals {
  _data?: { compressedContent?: Uint8Array; compression?: { magic?: string } };
}

/**
 * A zip bomb stops with a message instead of running for minutes: `.asc` text deflates 5–15×, so an entry that
 * inflates past 64 MB at more than 200× its compressed size, or past 4 GB at all, is not a Data Stage file.
 */
const MAX_ENTRY_BYTES = 4 * 1024 ** 3;
const MAX_RATIO = 200;
const RATIO_FLOOR = 64 * 1024 ** 2;

/**
 * A ZIP entry as a stream of chunks. DEFLATE entries go through Node's zlib (native: about 5× faster than jszip's
 * JavaScript inflate on a year of 551 items); anything else, or a jszip without the fields above, through jszip's own
 * stream. Either way only a chunk at a time is inflated.
 */
function zipChunks(entry: JSZip.JSZipObject): AsyncIterable<Uint8Array> {
  const data = (entry as unknown as JsZipInternals)._data;
  const raw = data?.compressedContent;
  if (raw instanceof Uint8Array && data?.compression?.magic === "\x08\x00") {
    return (async function* () {
      const inflater = createInflateRaw({ chunkSize: 1 << 16 }); // 64 KB: measured faster and flatter than 1 MB
      Readable.from([Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)]).pipe(inflater);
      let total = 0;
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > MAX_ENTRY_BYTES || (total > RATIO_FLOOR && total > raw.byteLength * MAX_RATIO)) {
          inflater.destroy();
          throw new Error(`${entry.name} se expande más de ${Math.floor(total / raw.byteLength)} veces su tamaño comprimido: parece una bomba zip, no un archivo del Data Stage`);
        }
        yield chunk;
      }
    })();
  }
  if (raw instanceof Uint8Array && data?.compression?.magic === "\x00\x00") {
    return (async function* () {
      yield raw;
    })();
  }
  return jszipChunks(entry);
}

/** jszip's node stream is readable-stream 2: no async iterator of its own. */
function jszipChunks(entry: JSZip.JSZipObject): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const stream = entry.nodeStream("nodebuffer");
      const queue: Uint8Array[] = [];
      let done = false;
      let error: unknown = null;
      let wake: (() => void) | null = null;
      const notify = () => {
        const w = wake;
        wake = null;
        w?.();
      };
      stream.on("data", (c: Uint8Array) => {
        queue.push(c);
        if (queue.length > 8) (stream as unknown as { pause(): void }).pause(); // back-pressure: memory stays flat
        notify();
      });
      stream.on("end", () => {
        done = true;
        notify();
      });
      stream.on("error", (e: unknown) => {
        error = e;
        notify();
      });
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          for (;;) {
            if (error) throw error;
            if (queue.length) {
              const value = queue.shift()!;
              if (queue.length <= 2) (stream as unknown as { resume(): void }).resume();
              return { value, done: false };
            }
            if (done) return { value: undefined, done: true };
            await new Promise<void>((r) => (wake = r));
          }
        },
      };
    },
  };
}

function folioOf(name: string): string {
  const base = basename(name);
  const m = /^(.*?)_[^_]+\.(?:asc|txt)$/i.exec(base);
  return m ? m[1]! : "(sin folio)";
}

async function zipEntries(zip: JSZip, origin: string, depth = 0): Promise<AscFile[]> {
  const out: AscFile[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || /(^|\/)__MACOSX\//.test(entry.name) || /(^|\/)\._/.test(entry.name)) continue;
    if (/\.zip$/i.test(entry.name) && depth < 2) {
      const inner = await JSZip.loadAsync(await entry.async("uint8array"));
      out.push(...(await zipEntries(inner, `${origin} › ${basename(entry.name)}`, depth + 1)));
      continue;
    }
    const code = fileCode(entry.name);
    if (!code) continue;
    out.push({ label: `${origin} › ${basename(entry.name)}`, code, folio: folioOf(entry.name), chunks: () => zipChunks(entry) });
  }
  return out;
}

function diskFile(path: string): AscFile | null {
  const code = fileCode(path);
  if (!code) return null;
  return {
    label: basename(path),
    code,
    folio: folioOf(path),
    chunks: () => createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Uint8Array>,
  };
}

function walk(dir: string, depth = 0): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === "__MACOSX" || name.startsWith("._")) continue;
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory() && depth < 3) out.push(...walk(p, depth + 1));
    else if (s.isFile()) out.push(p);
  }
  return out;
}

/** Opens every path given on the command line and groups the `.asc` files into deliveries (one per folio). */
export async function openSources(paths: readonly string[]): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  const loose = new Map<string, Delivery>();
  const add = (files: AscFile[], origin: string) => {
    const byFolio = new Map<string, AscFile[]>();
    for (const f of files) byFolio.set(f.folio, [...(byFolio.get(f.folio) ?? []), f]);
    for (const [folio, fs] of byFolio) deliveries.push({ folio, origin, files: fs });
  };
  for (const p of paths) {
    let s;
    try {
      s = statSync(p);
    } catch {
      throw new DataStageSourceError(`${p}: no existe el archivo`);
    }
    if (s.isDirectory()) {
      const files = walk(p).map(diskFile).filter((f): f is AscFile => !!f);
      if (!files.length) throw new DataStageSourceError(`${p}: la carpeta no tiene archivos .asc del Data Stage ({folio}_501.asc, {folio}_551.asc…)`);
      add(files, basename(p));
    } else if (/\.zip$/i.test(p)) {
      let zip: JSZip;
      try {
        zip = await JSZip.loadAsync(readFileSync(p));
      } catch (e) {
        throw new DataStageSourceError(`${p}: no es un ZIP legible (${(e instanceof Error ? e.message : String(e)).slice(0, 80)})`);
      }
      const files = await zipEntries(zip, basename(p));
      if (!files.length) throw new DataStageSourceError(`${p}: el ZIP no contiene archivos .asc del Data Stage ({folio}_501.asc, {folio}_551.asc…)`);
      add(files, basename(p));
    } else {
      const f = diskFile(p);
      if (!f) throw new DataStageSourceError(`${p}: no es un ZIP ni un archivo .asc del Data Stage (nombre {folio}_501.asc, {folio}_551.asc…)`);
      const d = loose.get(f.folio) ?? { folio: f.folio, origin: "archivos .asc", files: [] };
      d.files.push(f);
      if (!loose.has(f.folio)) {
        loose.set(f.folio, d);
        deliveries.push(d);
      }
    }
  }
  return deliveries;
}
