/**
 * `raoce cartera | calendario | fill --out-dir | nuevo-ejercicio`: the arguments are files or folders. Folders are
 * walked recursively for `.xlsx` files (Excel's `~$` lock files and hidden entries skipped), in a stable order.
 * A path that does not exist, or a file that is not .xlsx, is reported (never fatal: the batch goes on).
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface CollectedFile {
  path: string;
  /** Path relative to the folder it was found in (the file name for a file given directly). */
  relative: string;
}

export interface Collected {
  files: CollectedFile[];
  problems: { path: string; reason: string }[];
}

const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

function walk(root: string, dir: string, out: CollectedFile[], problems: Collected["problems"], depth: number): void {
  if (depth > 32) return; // symlink loops
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, reason: `no se pudo leer la carpeta (${(e as NodeJS.ErrnoException).code ?? "error"})` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(root, p, out, problems, depth + 1);
    else if (e.isFile() && isWorkbookName(e.name)) out.push({ path: p, relative: relative(root, p) });
  }
}

export function collectWorkbooks(args: readonly string[]): Collected {
  const files: CollectedFile[] = [];
  const problems: Collected["problems"] = [];
  const seen = new Set<string>();
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ path: a, reason: code === "ENOENT" ? "no existe el archivo o carpeta" : `no se pudo leer (${code ?? "error"})` });
      continue;
    }
    const found: CollectedFile[] = [];
    if (st.isDirectory()) {
      walk(a, a, found, problems, 0);
      if (found.length === 0) problems.push({ path: a, reason: "la carpeta no contiene libros .xlsx" });
    }
    else found.push({ path: a, relative: a.split(/[\\/]/).pop()! });
    for (const f of found) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      files.push(f);
    }
  }
  return { files, problems };
}
