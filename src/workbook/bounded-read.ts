/**
 * Reads a file, a pipe or standard input into memory, never more than `cap` bytes: a device (/dev/zero, /dev/urandom),
 * a FIFO or an endless stdin is stopped at the cap with one clear Spanish line instead of growing until Node dies.
 * Node only.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from "node:fs";

export class BoundedReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BoundedReadError";
  }
}

const mb = (n: number) => (n / 1048576).toLocaleString("es-MX", { maximumFractionDigits: 0 });

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads `fd` until end of input or past `cap` (then throws). A non-blocking pipe with no data yet is waited on. */
function readAll(fd: number, cap: number, tooBig: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 20);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN" || code === "EWOULDBLOCK") {
        sleepMs(5);
        continue;
      }
      if (code === "EOF") break; // Windows pipes
      throw new BoundedReadError(`no se pudo leer (${code ?? "error"})`);
    }
    if (n === 0) break;
    total += n;
    if (total > cap) throw new BoundedReadError(tooBig);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

function kindOf(s: Stats): string | null {
  if (s.isDirectory()) return "es una carpeta, no un archivo";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "es un dispositivo, no un archivo guardado en disco";
  if (s.isSocket()) return "es un socket, no un archivo";
  return null;
}

/**
 * The bytes of `path` (a regular file or a FIFO/pipe such as `<(cat libro.xlsx)`), at most `cap`. Throws
 * BoundedReadError with one Spanish line (no file name: the caller prefixes it).
 */
export function readFileBounded(path: string, cap: number): Buffer {
  let s: Stats;
  try {
    s = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BoundedReadError(code === "ENOENT" ? "no existe el archivo" : `no se pudo leer (${code ?? "error"})`);
  }
  const kind = kindOf(s);
  if (kind) throw new BoundedReadError(kind);
  const tooBig = `el archivo pesa más de ${mb(cap)} MB; un libro RAOCE pesa menos`;
  if (s.isFile() && s.size > cap) throw new BoundedReadError(`el archivo pesa ${mb(s.size)} MB; un libro RAOCE pesa menos de ${mb(cap)} MB`);
  if (s.isFile()) {
    // A regular file: one read of its size (the loop below would also stop at the cap if it grew meanwhile).
    try {
      const buf = readFileSync(path);
      if (buf.length > cap) throw new BoundedReadError(tooBig);
      return buf;
    } catch (e) {
      if (e instanceof BoundedReadError) throw e;
      throw new BoundedReadError(`no se pudo leer (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  // O_NONBLOCK: opening a FIFO nobody writes to returns at once (then reads as empty) instead of waiting forever.
  let fd: number;
  try {
    fd = openSync(path, s.isFIFO() ? constants.O_RDONLY | constants.O_NONBLOCK : "r");
  } catch (e) {
    throw new BoundedReadError(`no se pudo leer (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return readAll(fd, cap, s.isFIFO() ? `la tubería entrega más de ${mb(cap)} MB sin terminar; un libro RAOCE pesa menos` : tooBig);
  } finally {
    closeSync(fd);
  }
}

/** Standard input, at most `cap` bytes (an endless producer is cut at the cap with a clear message). */
export function readStdinBounded(cap: number): Buffer {
  let s: Stats | null = null;
  try {
    s = fstatSync(0);
  } catch {
    s = null;
  }
  if (s?.isFile() && s.size > cap) throw new BoundedReadError(`la entrada estándar pesa ${mb(s.size)} MB (límite ${mb(cap)} MB)`);
  return readAll(0, cap, `la entrada estándar pasa de ${mb(cap)} MB sin terminar; un reporte RAOCE pesa menos`);
}
