/**
 * The CLI in a child process, measured: src/ is transpiled with swc into a temporary folder (never a stale lib/), and
 * `node --require measure.js …` writes the peak resident set of the process itself (VmHWM, KiB; see PEAK_RSS_KB) when it exits.
 *
 * `runCli` starts the real `raoce` entry point; `runMany` starts one child that calls the CLI's `run()` for several
 * argument lists in turn and returns each call's exit code and output: many cases, one process (the suite stays lean),
 * and the peak memory covers all of them.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { transformSync } from "@swc/core";
import { ROOT } from "./helpers";

/** The peak resident set of the measured process itself, KiB (source text for the generated helper scripts). */
export const PEAK_RSS_KB = `function peakRssKb() {
  // VmHWM: this process image's own peak. resourceUsage().maxRSS also counts the parent's resident set inherited
  // at fork/exec (Linux keeps it in the signal struct), so a child spawned by a big jest worker looked big.
  try {
    const m = /VmHWM:\\s*(\\d+)\\s*kB/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}
`;

export function transpileCli(out: string): string {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
  const src = join(ROOT, "src");
  const sources = ["domain", "workbook", "cli", "datastage", "letters"].flatMap((d) => walk(join(src, d))).filter((f) => !f.includes(`${join(src, "workbook", "office")}`));
  for (const file of sources) {
    const { code } = transformSync(readFileSync(file, "utf8"), { filename: file, jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } });
    const target = join(out, relative(src, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  writeFileSync(
    join(out, "measure.js"),
    `"use strict";
const { writeFileSync } = require("node:fs");
${PEAK_RSS_KB}
process.on("exit", () => {
  writeFileSync(process.env.RAOCE_MEASURE_OUT, JSON.stringify({ maxRssKb: peakRssKb() }));
});
`,
  );
  writeFileSync(
    join(out, "many.js"),
    `"use strict";
// Runs the CLI's run() for each argument list of argv[2] (JSON), sequentially; prints the results as JSON.
const { run } = require("./cli/main.js");
${PEAK_RSS_KB}
(async () => {
  const results = [];
  for (const args of JSON.parse(process.argv[2])) {
    global.gc(); // each call starts from a collected heap: the peak is the costliest call's, not the sum of garbage
    try {
      const r = await run(args);
      results.push({ exitCode: r.exitCode, stdout: r.stdout ?? "", stderr: r.stderr ?? "", rssMb: peakRssKb() / 1024 });
    } catch (e) {
      results.push({ exitCode: -1, stdout: "", stderr: "THROWN " + (e && e.stack || e), rssMb: peakRssKb() / 1024 });
    }
  }
  process.stdout.write(JSON.stringify(results));
})();
`,
  );
  return out;
}

export interface ChildRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set of the child, MB. */
  rssMb: number;
}

/** A child still running after this is killed (the test then fails on its result, not on a timer). */
const KILL_AFTER_MS = 120_000;

let runs = 0;
export function child(cliDir: string, work: string, script: string, args: string[], feed?: (stdin: NodeJS.WritableStream) => void, nodeArgs: string[] = []): Promise<ChildRun> {
  const out = join(work, `measure-${process.pid}-${++runs}.json`);
  return new Promise((ok, fail) => {
    const c = spawn(process.execPath, [...nodeArgs, "--require", join(cliDir, "measure.js"), join(cliDir, script), ...args], {
      // The transpiled CLI lives outside the repository: its bare imports (exceljs, zod, jszip, saxes) resolve through NODE_PATH.
      env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), RAOCE_MEASURE_OUT: out },
      stdio: [feed ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    c.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    c.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    if (feed) {
      c.stdin!.on("error", () => undefined); // EPIPE once the CLI stops reading
      feed(c.stdin!);
    }
    const timer = setTimeout(() => c.kill("SIGKILL"), KILL_AFTER_MS);
    c.on("error", fail);
    c.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      if (!existsSync(out)) return fail(new Error(`the CLI died without reporting its resource use (exit ${exitCode}, signal ${signal})\n${stderr}`));
      const rssMb = (JSON.parse(readFileSync(out, "utf8")) as { maxRssKb: number }).maxRssKb / 1024;
      ok({ exitCode, signal, stdout: stdout.trimEnd(), stderr: stderr.trimEnd(), rssMb });
    });
  });
}

export const runCli = (cliDir: string, work: string, args: string[], feed?: (stdin: NodeJS.WritableStream) => void) => child(cliDir, work, join("cli", "main.js"), args, feed);

export interface ManyResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Peak resident set of the child so far (monotonic: the call that raised it is the one that cost it). */
  rssMb: number;
}

export async function runMany(cliDir: string, work: string, calls: string[][]): Promise<{ results: ManyResult[]; run: ChildRun }> {
  const r = await child(cliDir, work, "many.js", [JSON.stringify(calls)], undefined, ["--expose-gc"]);
  if (r.exitCode !== 0) throw new Error(`the driver failed (exit ${r.exitCode}, signal ${r.signal})\n${r.stderr}`);
  return { results: JSON.parse(r.stdout) as ManyResult[], run: r };
}

/**
 * The CLI contract of `raoce check` for one file: exit 2 → nothing on stdout and exactly one stderr line
 * "raoce check: <file>: <reason>" matching `says`; otherwise no stderr and stdout matching `says`.
 */
export function expectCheckOutcome(r: { stdout: string; stderr: string }, file: string, c: { exit: number; says: RegExp }): void {
  if (c.exit === 2) {
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr.startsWith(`raoce check: ${file}: `)).toBe(true);
    expect(r.stderr.slice(`raoce check: ${file}: `.length)).toMatch(c.says);
  } else {
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(c.says);
  }
}
