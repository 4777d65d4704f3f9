/**
 * The CLI from src/ (transpiled with swc into a temporary folder, so a stale lib/ is never run) started in its own
 * process, with its peak resident set measured (VmHWM of the process itself, written when it exits: see PEAK_RSS_KB).
 * Time is not measured: timings live in bench/.
 */
import { PEAK_RSS_KB } from "../workbook/xlsx/cli-child";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { transformSync } from "@swc/core";
import { ROOT } from "../workbook/xlsx/helpers";

export interface MeasuredRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  rssMb: number;
}

export function transpileCli(out: string): void {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
  const src = join(ROOT, "src");
  const sources = ["domain", "workbook", "cli", "datastage", "letters"].flatMap((d) => walk(join(src, d))).filter((f) => !f.includes(join(src, "workbook", "office")));
  for (const file of sources) {
    const { code } = transformSync(readFileSync(file, "utf8"), { filename: file, jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } });
    const target = join(out, relative(src, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  writeFileSync(join(out, "measure.js"), `"use strict";\n${PEAK_RSS_KB}\nprocess.on("exit", () => require("node:fs").writeFileSync(process.env.RAOCE_MEASURE_OUT, JSON.stringify({ maxRssKb: peakRssKb() })));\n`);
}

let runs = 0;
export function measuredCli(cliDir: string, work: string, args: string[]): Promise<MeasuredRun> {
  const out = join(work, `measure-${process.pid}-${++runs}.json`);
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ["--require", join(cliDir, "measure.js"), join(cliDir, "cli", "main.js"), ...args], {
      env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), RAOCE_MEASURE_OUT: out },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (exitCode) => {
      if (!existsSync(out)) return fail(new Error(`the CLI died without reporting its resource use (exit ${exitCode})\n${stderr}`));
      ok({ exitCode, stdout: stdout.trimEnd(), stderr: stderr.trimEnd(), rssMb: (JSON.parse(readFileSync(out, "utf8")) as { maxRssKb: number }).maxRssKb / 1024 });
    });
  });
}
