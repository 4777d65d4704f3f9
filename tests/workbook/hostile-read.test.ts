/**
 * Issue #8 §2, the read side: hostile and broken workbooks (built by tests/workbook/xlsx/hostile-builders.ts from the
 * good example, nothing large in git), devices and pipes. Through the CLI in child processes, several cases per
 * process: for every file the exit code of the CLI contract, exactly one message line, a peak resident set under
 * RSS_LIMIT_MB, and the input byte-identical afterwards. No wall-clock limits here: times are in bench/.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FILL_ONLY, GOOD, HOSTILE } from "./xlsx/hostile-builders";
import { expectCheckOutcome, runCli, runMany, transpileCli } from "./xlsx/cli-child";

jest.setTimeout(240_000);

const RSS_LIMIT_MB = 300;
const AS_OF = "2025-05-15";
const GOOD_LINE = "  Manufacturas del Norte, S.A. de C.V. — RFC SAT970701NN3";

let work: string;
let cliDir: string;
const files = new Map<string, string>();
const hashes = new Map<string, string>();
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "raoce-hostile-read-"));
  cliDir = transpileCli(join(work, "cli-build"));
  for (const c of HOSTILE) {
    const path = join(work, c.file);
    writeFileSync(path, await c.build());
    files.set(c.file, path);
    hashes.set(path, sha(path));
  }
  hashes.set(GOOD, sha(GOOD));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** RAOCE_HOSTILE_REPORT=1: print each call's outcome and the child's peak memory after it (for the notes). */
const show = (label: string, rows: { exitCode: number | null; stdout: string; stderr: string; rssMb: number }[], names: string[]) => {
  if (!process.env.RAOCE_HOSTILE_REPORT) return;
  const lines = rows.map((r, i) => `| ${names[i]} | ${r.exitCode} | ${(r.stderr || r.stdout.split("\n")[1] || "").slice(0, 150).replace(/\|/g, "/")} | ${r.rssMb.toFixed(0)} |`);
  process.stdout.write(`\n${label}\n| case | exit | message | peak RSS so far (MB) |\n|---|---|---|---|\n${lines.join("\n")}\n`);
};

const unchanged = () => {
  for (const [path, h] of hashes) expect(`${path} ${sha(path)}`).toBe(`${path} ${h}`);
};

describe("raoce check, one call per file (one child process for all of them)", () => {
  it("exit code, one message line, bounded memory, inputs untouched", async () => {
    const { results, run } = await runMany(cliDir, work, HOSTILE.map((c) => ["check", files.get(c.file)!, "--as-of", AS_OF]));
    show("check", results, HOSTILE.map((c) => c.name));
    HOSTILE.forEach((c, i) => {
      const r = results[i]!;
      const file = files.get(c.file)!;
      expect(`${c.name}: exit ${r.exitCode}`).toBe(`${c.name}: exit ${c.exit}`);
      expectCheckOutcome(r, file, c);
    });
    expect(run.rssMb).toBeLessThan(RSS_LIMIT_MB);
    unchanged();
  });
});

describe("raoce check, all of them in one batch with the good workbook last", () => {
  it("every file is reported, the good one too, and the summary counts them", async () => {
    const list = HOSTILE.map((c) => files.get(c.file)!);
    const r = await runCli(cliDir, work, ["check", ...list, GOOD, "--as-of", AS_OF]);
    expect(r.signal).toBeNull();
    expect(r.exitCode).toBe(2);
    const refused = HOSTILE.filter((c) => c.exit === 2);
    expect(r.stderr.split("\n")).toHaveLength(refused.length);
    for (const c of refused) expect(r.stderr).toContain(`raoce check: ${files.get(c.file)!}: `);
    expect(r.stdout).toContain(`${GOOD}\n${GOOD_LINE}`);
    const readable = HOSTILE.length + 1 - refused.length;
    expect(r.stdout).toMatch(new RegExp(`${HOSTILE.length + 1} libros: ${readable} sin errores, 0 con errores, ${refused.length} inutilizables$`));
    expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB);
    unchanged();
  });

  it("the same files three times in one batch: the garbage of earlier files does not add up", async () => {
    // Before src/cli/heap.ts, V8's lazy collection let one pass peak at 300 MB and three passes at 420 MB.
    const list = HOSTILE.map((c) => files.get(c.file)!);
    const r = await runCli(cliDir, work, ["check", ...list, ...list, ...list, GOOD, "--as-of", AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`${3 * HOSTILE.length + 1} libros: `));
    expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB);
    unchanged();
  });
});

describe("raoce fill (a full load) refuses the same files and writes nothing; reads the readable ones", () => {
  it("exit code, one message line, no output file, bounded memory, inputs untouched", async () => {
    const outOf = (file: string) => join(work, `salida-${file}`);
    const { results, run } = await runMany(cliDir, work, HOSTILE.map((c) => ["fill", files.get(c.file)!, "--out", outOf(c.file), "--as-of", AS_OF]));
    show("fill", results, HOSTILE.map((c) => c.name));
    HOSTILE.forEach((c, i) => {
      const r = results[i]!;
      const file = files.get(c.file)!;
      const refusal = FILL_ONLY[c.file] ?? (c.exit === 2 ? c.says : null);
      if (refusal) {
        expect(`${c.name}: exit ${r.exitCode}`).toBe(`${c.name}: exit 2`);
        expect(r.stderr.split("\n")).toHaveLength(1);
        expect(r.stderr.slice(`raoce fill: ${file}: `.length)).toMatch(refusal);
        expect(existsSync(outOf(c.file))).toBe(false);
      } else {
        expect(`${c.name}: exit ${r.exitCode}`).toBe(`${c.name}: exit 0`);
        expect(r.stdout).toContain(`Resultados escritos en ${outOf(c.file)}`);
      }
    });
    expect(run.rssMb).toBeLessThan(RSS_LIMIT_MB);
    unchanged();
  });
});

describe("devices and pipes: read at most the size cap, one clear line, no hang", () => {
  it("check /dev/zero, /dev/urandom, a FIFO nobody writes to, then the good workbook, in one batch", async () => {
    const fifo = join(work, "tuberia-vacia.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await runCli(cliDir, work, ["check", "/dev/zero", "/dev/urandom", fifo, GOOD, "--as-of", AS_OF]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      "raoce check: /dev/zero: es un dispositivo, no un archivo guardado en disco",
      "raoce check: /dev/urandom: es un dispositivo, no un archivo guardado en disco",
      `raoce check: ${fifo}: el archivo está vacío`,
    ]);
    expect(r.stdout).toContain(`${GOOD}\n${GOOD_LINE}`);
    expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB);
  });

  it("evaluate of a device or an empty FIFO: one line each, nothing read from the devices", async () => {
    const fifo = join(work, "tuberia.json");
    execFileSync("mkfifo", [fifo]);
    const { results, run } = await runMany(cliDir, work, [["evaluate", "/dev/zero"], ["evaluate", "/dev/urandom"], ["evaluate", fifo]]);
    expect(results.map((r) => [r.exitCode, r.stderr])).toEqual([
      [2, "raoce evaluate: /dev/zero: es un dispositivo, no un archivo guardado en disco"],
      [2, "raoce evaluate: /dev/urandom: es un dispositivo, no un archivo guardado en disco"],
      [2, expect.stringMatching(new RegExp(`^raoce evaluate: ${fifo.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} no es JSON válido: [^\n]+$`))],
    ]);
    expect(run.rssMb).toBeLessThan(RSS_LIMIT_MB);
  });

  it("check of a FIFO fed without end stops at 50 MB", async () => {
    const fifo = join(work, "tuberia-sin-fin.xlsx");
    execFileSync("mkfifo", [fifo]);
    // A writer that never stops (like `cat /dev/zero > fifo`): it dies of SIGPIPE once the CLI closes its end.
    const writer = spawn("sh", ["-c", `exec cat /dev/zero > '${fifo}'`], { stdio: "ignore" });
    try {
      const r = await runCli(cliDir, work, ["check", fifo, "--as-of", AS_OF]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(`raoce check: ${fifo}: la tubería entrega más de 50 MB sin terminar; un libro RAOCE pesa menos`);
      expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB);
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it("evaluate - with an endless stdin stops at 64 MB", async () => {
    const chunk = Buffer.alloc(1 << 20, " ");
    let open = true;
    const r = await runCli(cliDir, work, ["evaluate", "-"], (stdin) => {
      stdin.on("error", () => (open = false));
      const pump = () => {
        while (open && stdin.write(chunk));
        if (open) stdin.once("drain", pump);
      };
      pump();
    });
    open = false;
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("raoce evaluate: entrada estándar: la entrada estándar pasa de 64 MB sin terminar; un reporte RAOCE pesa menos");
    expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB);
  });
});
