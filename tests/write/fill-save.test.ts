/**
 * `raoce fill` and what a save through ExcelJS would lose, and failed writes:
 * - each feature ExcelJS drops (threaded comments, sensitivity label, printer settings, customXml, Power Query,
 *   dynamic arrays, a text box, workbook-structure protection): `--in-place` writes nothing (exit 2, one line naming
 *   it, the file byte-identical); `--out` writes the copy and says, in one line, what the copy lacks;
 * - a write that fails (disk full, file too large, no permission at the rename) leaves no temporary file and no
 *   output, exit 2 with one line; the input is byte-identical.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFile as fsWriteFile, rename as fsRename, unlink as fsUnlink } from "node:fs/promises";
import { run } from "../../src/cli/main";
import { fillCommand } from "../../src/cli/commands/fill";
import { EXIT } from "../../src/cli/errors";
import { ROOT } from "../workbook/xlsx/helpers";
import { LOSSY_CASES, withParts } from "../trust/lossy-parts";
import type { SaveIo } from "../../src/workbook/xlsx-file";

const NOW = new Date("2025-06-20T18:00:00Z");
const EXAMPLE = join(ROOT, "examples", "immex-industrial.xlsx");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-fill-save-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (s: string | undefined) => (s ?? "").split("\n").filter(Boolean);

describe("what ExcelJS cannot re-save", () => {
  it.each(LOSSY_CASES.map((c) => [c.title, c] as const))("%s: --in-place refuses, --out says what the copy lacks", async (_t, c) => {
    const input = join(dir, `${c.expect.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(input, await withParts(readFileSync(EXAMPLE), [c]));
    const before = readFileSync(input);

    const inPlace = await run(["fill", input, "--in-place"], NOW);
    expect(inPlace.exitCode).toBe(EXIT.unusable);
    expect(inPlace.stdout).toBe("");
    expect(lines(inPlace.stderr)).toEqual([expect.stringContaining(`no se modificó: al guardarlo se perderían ${c.expect}`)]);
    expect(readFileSync(input).equals(before)).toBe(true);

    const out = join(dir, `copia-${c.expect.replace(/\W+/g, "-")}.xlsx`);
    const copy = await run(["fill", input, "--out", out], NOW);
    expect(copy.exitCode).toBe(EXIT.ok);
    expect(lines(copy.stderr)).toEqual([expect.stringMatching(new RegExp(`^raoce fill: aviso: la copia .* no conserva .*${c.expect.replace(/[()]/g, "\\$&")}`))]);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("all of them at once: one line naming each", async () => {
    const input = join(dir, "todo.xlsx");
    writeFileSync(input, await withParts(readFileSync(EXAMPLE), LOSSY_CASES));
    const r = await run(["fill", input, "--in-place"], NOW);
    expect(r.exitCode).toBe(EXIT.unusable);
    expect(lines(r.stderr)).toHaveLength(1);
    for (const c of LOSSY_CASES) expect(r.stderr).toContain(c.expect);
  });

  it("a workbook ExcelJS keeps whole: no warning, --in-place allowed", async () => {
    const input = join(dir, "limpio.xlsx");
    writeFileSync(input, readFileSync(EXAMPLE));
    const r = await run(["fill", input, "--in-place"], NOW);
    expect(r.exitCode).toBe(EXIT.ok);
    expect(r.stderr).toBeUndefined();
  });
});

describe("a write that fails leaves nothing half-written", () => {
  const failing = (code: string, at: "write" | "rename"): SaveIo => ({
    async writeFile(path, data) {
      if (at === "write") {
        await fsWriteFile(path, data.subarray(0, Math.floor(data.length / 3))); // the disk filled up mid-write
        throw Object.assign(new Error(`${code}: simulated`), { code });
      }
      await fsWriteFile(path, data);
    },
    async rename(from, to) {
      if (at === "rename") throw Object.assign(new Error(`${code}: simulated`), { code });
      await fsRename(from, to);
    },
    unlink: (p) => fsUnlink(p),
  });

  it.each([
    ["ENOSPC", "write", "no queda espacio en el disco"],
    ["EFBIG", "write", "el archivo rebasa el tamaño máximo"],
    ["EACCES", "rename", "sin permiso para escribir"],
  ] as const)("%s at the %s: exit 2, one line, no .tmp, no output", async (code, at, words) => {
    const sub = mkdtempSync(join(dir, `${code}-`));
    const input = join(sub, "libro.xlsx");
    writeFileSync(input, readFileSync(EXAMPLE));
    const before = readFileSync(input);
    const out = join(sub, "salida.xlsx");
    const r = await fillCommand([input, "--out", out], NOW, failing(code, at));
    expect(r.exitCode).toBe(EXIT.unusable);
    expect(lines(r.stderr)).toEqual([expect.stringContaining(`no se pudo escribir ${out} (${words}`)]);
    expect(readdirSync(sub).sort()).toEqual(["libro.xlsx"]);
    expect(readFileSync(input).equals(before)).toBe(true);

    const inPlace = await fillCommand([input, "--in-place"], NOW, failing(code, at));
    expect(inPlace.exitCode).toBe(EXIT.unusable);
    expect(lines(inPlace.stderr)).toEqual([expect.stringContaining("el libro quedó como estaba")]);
    expect(readdirSync(sub).sort()).toEqual(["libro.xlsx"]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});
