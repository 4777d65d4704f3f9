/**
 * Dependency footprint (issue #5 §6): the runtime package tree, as a ratio to everything installed, and which runtime
 * packages run a script at install time (target: none). The registry's audit endpoint is unreachable here, so the
 * guard is a small, deliberate tree instead.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");

function packages(omitDev: boolean): string[] {
  const args = ["ls", "--all", "--parseable", ...(omitDev ? ["--omit=dev"] : [])];
  let out = "";
  try {
    out = execFileSync("npm", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? ""; // npm ls exits 1 on peer-dependency warnings but still lists
  }
  return [...new Set(out.split("\n").filter((l) => l.includes("node_modules")))];
}

export function installScripts(dirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; scripts?: Record<string, string> };
      const s = pkg.scripts ?? {};
      if (s.preinstall || s.install || s.postinstall) found.push(pkg.name);
    } catch {
      /* a folder without package.json is not a package */
    }
  }
  return found;
}

export function benchDeps() {
  const runtime = packages(true);
  const all = packages(false);
  const scripts = installScripts(runtime);
  return [
    {
      name: "runtime packages (npm ls --omit=dev --all)",
      baseline: "all installed packages",
      value: runtime.length,
      baselineValue: all.length,
      unit: "pkgs",
      ratio: runtime.length / all.length,
      target: "small, each justified in README",
    },
    {
      name: `runtime packages with install scripts${scripts.length ? `: ${scripts.join(", ")}` : ""}`,
      baseline: "runtime packages",
      value: scripts.length,
      baselineValue: runtime.length,
      unit: "pkgs",
      ratio: scripts.length / Math.max(1, runtime.length),
      target: "0",
    },
  ];
}
