/**
 * Nothing from a file name, a sheet name or a JSON value reaches the terminal raw: control characters (ESC, BEL, C1
 * CSI, NUL) and bidi overrides are escaped in every line the CLI prints (format.ts `terminalText`, applied in
 * main.ts `run` to all output; `json` writes them as \uXXXX). One unusable file in a batch prints exactly one line,
 * and the batch summary counts it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { EXIT } from "../../src/cli/errors";
import { openWorkbookFile, saveWorkbookFile } from "../../src/workbook/xlsx-file";
import { ROOT } from "../workbook/xlsx/helpers";

const NOW = new Date("2025-06-20T18:00:00Z");
const HOSTILE = "\x1b[2J\x07\u202e\x9b31m\x00";
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const GOOD = join(ROOT, "examples", "immex-industrial.xlsx");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "raoce-terminal-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clean = (r: { stdout: string; stderr?: string }) => {
  expect(r.stdout).not.toMatch(RAW);
  expect(r.stderr ?? "").not.toMatch(RAW);
};

describe("control and bidi characters never reach the terminal raw", () => {
  const doc = JSON.parse(readFileSync(join(ROOT, "examples", "json", "immex-industrial.json"), "utf8"));
  const hostileDoc = { ...doc, company: { ...doc.company, name: `Manufacturas${HOSTILE}\nfalsa` }, programs: [{ ...doc.programs[0], number: `83${HOSTILE}` }] };

  it("evaluate: text output and --json", async () => {
    const file = join(dir, "hostil.json");
    writeFileSync(file, JSON.stringify(hostileDoc));
    const text = await run(["evaluate", file], NOW);
    clean(text);
    expect(text.stdout).toContain("Manufacturas\ufffd[2J");
    const asJson = await run(["evaluate", file, "--json"], NOW);
    clean(asJson);
    // The same data: every escaped character comes back when the JSON is parsed.
    expect(JSON.parse(asJson.stdout).company.name).toBe(hostileDoc.company.name);
  });

  it("a file name: one clean line on stderr", async () => {
    const r = await run(["check", join(dir, `no${HOSTILE}existe.xlsx`)], NOW);
    expect(r.exitCode).toBe(EXIT.unusable);
    clean(r);
    expect(r.stderr!.split("\n")).toHaveLength(1);
    const e = await run(["evaluate", join(dir, `no${HOSTILE}.json`)], NOW);
    clean(e);
    expect(e.stderr!.split("\n")).toHaveLength(1);
    const u = await run([`ch${HOSTILE}eck`], NOW);
    clean(u);
  });

  it("sheet names and cell text in check and fill, and an output path", async () => {
    const o = await openWorkbookFile(GOOD);
    o.workbook.getWorksheet("Empresa")!.name = "Empresa\u202e\u2066";
    o.workbook.getWorksheet("Empresa\u202e\u2066")!.getCell("B7").value = `Razón${HOSTILE}`;
    const input = join(dir, "hoja.xlsx");
    await saveWorkbookFile(o.workbook, input);
    const check = await run(["check", input], NOW);
    clean(check);
    clean(await run(["check", input, "--json"], NOW));
    const out = join(dir, `salida\x1b[31m\u202e.xlsx`);
    const fill = await run(["fill", input, "--out", out], NOW);
    expect([EXIT.ok, EXIT.inputErrors]).toContain(fill.exitCode); // the renamed sheet is reported as an error
    clean(fill);
    expect(fill.stdout).toContain("Resultados escritos en");
  });
});

describe("batch noise", () => {
  it("each unusable file prints exactly one line; the summary counts them", async () => {
    const files = {
      text: join(dir, "texto.xlsx"),
      empty: join(dir, "vacio.xlsx"),
      truncated: join(dir, "truncado.xlsx"),
      folder: join(dir, "carpeta.xlsx"),
      missing: join(dir, "no-existe.xlsx"),
      multiline: join(dir, "linea\nfalsa.xlsx"),
    };
    writeFileSync(files.text, "esto no es un libro\n[ERROR] falso\n");
    writeFileSync(files.empty, "");
    writeFileSync(files.truncated, readFileSync(GOOD).subarray(0, 3000));
    mkdirSync(files.folder);
    writeFileSync(files.multiline, "x");
    const r = await run(["check", GOOD, ...Object.values(files), GOOD], NOW);
    expect(r.exitCode).toBe(EXIT.unusable);
    clean(r);
    const errs = r.stderr!.split("\n");
    expect(errs).toHaveLength(Object.keys(files).length);
    for (const line of errs) expect(line).toMatch(/^raoce check: .+\.xlsx: \S/);
    expect(r.stdout.split("\n").pop()).toBe("8 libros: 2 sin errores, 0 con errores, 6 inutilizables");
  });
});
