/**
 * `npm test`'s pretest (scripts/ensure-chromium.js) on a machine without Chromium, without touching this machine's
 * packages: PATH is narrowed to a temporary folder holding only `node`, and a stand-in `apt-get` that records its
 * arguments and "installs" a chromium there. The real apt-get path is the same code with the real program.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findChromium } from "../../scripts/chromium";

const SCRIPT = resolve(__dirname, "../../scripts/ensure-chromium.js");
let bin: string;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { PATH: bin, HOME: process.env.HOME, ...extra };
  return e;
}

function pretest(args: string[] = [], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { env: env(extra), encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A stand-in apt-get (a node script): logs its arguments; `install` creates an executable chromium, or fails. */
function fakeAptGet(installs: boolean): void {
  const log = join(bin, "apt-get.log");
  const chromium = join(bin, "chromium");
  writeFileSync(
    join(bin, "apt-get"),
    `#!${process.execPath}
const fs = require("node:fs");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, args.join(" ") + "\\n");
if (args[0] === "install") {
  if (!${installs}) process.exit(100);
  fs.writeFileSync(${JSON.stringify(chromium)}, "#!/bin/sh\\n", { mode: 0o755 });
}
`,
  );
  chmodSync(join(bin, "apt-get"), 0o755);
}

beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), "raoce-pretest-"));
  // Nothing of the system is on PATH: no chromium, no apt-get but the stand-in.
});

afterEach(() => rmSync(bin, { recursive: true, force: true }));

describe("pretest: a Chromium for the browser tests", () => {
  it("finds one on PATH or through RAOCE_CHROMIUM and does nothing else", () => {
    writeFileSync(join(bin, "chromium"), "#!/bin/sh\n");
    chmodSync(join(bin, "chromium"), 0o755);
    expect(findChromium(env())).toEqual({ path: join(bin, "chromium") });
    expect(pretest()).toEqual({ code: 0, out: "", err: "" });
    rmSync(join(bin, "chromium"));
    writeFileSync(join(bin, "mi-chrome"), "#!/bin/sh\n");
    chmodSync(join(bin, "mi-chrome"), 0o755);
    expect(findChromium(env({ RAOCE_CHROMIUM: join(bin, "mi-chrome") }))).toEqual({ path: join(bin, "mi-chrome") });
    expect(pretest([], { RAOCE_CHROMIUM: join(bin, "mi-chrome") }).code).toBe(0);
  });

  it("as root with apt-get: installs Debian's chromium, says so in one line, and succeeds", () => {
    fakeAptGet(true);
    const r = pretest([], { RAOCE_TEST_UID: "0" });
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toEqual(["pretest: no se encontró Chromium (lo usan las pruebas del panel en un navegador): instalando el paquete chromium de Debian con apt-get…"]);
    expect(readFileSync(join(bin, "apt-get.log"), "utf8").trim().split("\n")).toEqual(["update -qq", "install -y -qq --no-install-recommends chromium"]);
    expect(existsSync(join(bin, "chromium"))).toBe(true);
  });

  it("--dry-run only says what it would do", () => {
    fakeAptGet(true);
    const r = pretest(["--dry-run"], { RAOCE_TEST_UID: "0" });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/se instalaría el paquete chromium de Debian/);
    expect(existsSync(join(bin, "apt-get.log"))).toBe(false);
  });

  it("a failed apt-get, a non-root user or a wrong RAOCE_CHROMIUM fail before the tests, with how to fix it", () => {
    fakeAptGet(false);
    const failed = pretest([], { RAOCE_TEST_UID: "0" });
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/apt-get install -y -qq --no-install-recommends chromium falló.*RAOCE_CHROMIUM/s);
    const user = pretest([], { RAOCE_TEST_UID: "1000" });
    expect(user.code).toBe(1);
    expect(user.err).toMatch(/sudo apt-get install chromium/);
    expect(user.err).toMatch(/RAOCE_CHROMIUM=\/ruta\/al\/navegador npm test/);
    const wrong = pretest([], { RAOCE_CHROMIUM: join(bin, "no-existe") });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/no es un ejecutable/);
  });
});
