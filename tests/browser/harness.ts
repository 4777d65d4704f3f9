/**
 * What the browser test and the pane bench share: build the add-in (webpack, office.js from node_modules) into a
 * folder, serve it over http on localhost, launch Debian's Chromium through playwright-core, and the fake Office
 * script to inject before the page's scripts.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { transformSync } from "@swc/core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { findChromium } from "../../scripts/chromium";
import { describeXlsx } from "./xlsx-description";

export const ROOT = resolve(__dirname, "../..");
/** The Chromium the tests drive: env RAOCE_CHROMIUM, else chromium on PATH (scripts/chromium.js; `npm test`'s
 * pretest installs Debian's package when there is none). */
export const CHROMIUM = findChromium().path ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * `OFFICE_JS=local node_modules/.bin/webpack --mode production --output-path <dir>`: the real production bundle,
 * with office.js copied from node_modules (served from the same folder, as the page needs outside Office).
 * `officeJs: "cdn"` builds exactly what ships (office.js from Microsoft's CDN), for static checks of the bundle.
 */
export function buildPane(outDir = mkdtempSync(join(tmpdir(), "raoce-pane-")), officeJs: "local" | "cdn" | "both" = "local"): Promise<string> {
  return new Promise((ok, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
    if (officeJs === "cdn") delete env.OFFICE_JS;
    else env.OFFICE_JS = officeJs;
    const child = spawn(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", outDir], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0 && existsSync(join(outDir, "taskpane.html"))) ok(outDir);
      else fail(new Error(`webpack failed (${code}):\n${out.slice(-4000)}`));
    });
  });
}

/** `<name>.<contenthash>.js` of an entry bundle in a build folder (bundles are content-hashed: webpack.config.js). */
export function entryFile(dir: string, name: string): string {
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.js$`).test(f));
  if (!file) throw new Error(`no ${name}.<hash>.js in ${dir}`);
  return file;
}

/** What a production build depends on: a change to any of these makes a new shared build. */
const BUILD_INPUTS = ["src", "assets", "webpack.config.js", "manifest.xml", "package.json", "package-lock.json", "scripts/manifest-tools.js", "tsconfig.json"];

function buildKey(): string {
  const hash = createHash("sha256").update(process.version);
  const walk = (rel: string): void => {
    const abs = join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(join(rel, name));
      return;
    }
    hash.update(rel).update("\0").update(readFileSync(abs)).update("\0");
  };
  for (const input of BUILD_INPUTS) walk(input);
  return hash.digest("hex").slice(0, 16);
}

/**
 * How long a test file may wait for the shared production build (its `beforeAll`): a production build took 4–5 min on
 * this 2-core machine shared by several sessions. Not a performance limit: bench/ measures time.
 */
export const BUILD_TIMEOUT_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * ONE production build (OFFICE_JS=both: the shipping taskpane.html with office.js from the CDN, and
 * taskpane-local.html with office.js from node_modules, over the same content-hashed bundles) shared by every test
 * file that needs one (tests/addin/csp.test.ts, tests/browser/pane.test.ts) and kept in the temp folder for the same
 * sources: a production build takes minutes on a loaded 2-core machine. The first caller builds under a lock folder;
 * the others wait for it. Callers must not delete the folder.
 */
export async function sharedPaneBuild(): Promise<string> {
  const dir = join(tmpdir(), `raoce-build-${buildKey()}`);
  const done = join(dir, ".complete");
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return dir;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
    } catch {
      // Someone else builds: wait for it (or take over if that process died).
      const pid = Number(readFileSyncSafe(join(lock, "pid")));
      if (pid && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      await sleep(2_000);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      await buildPane(dir, "both");
      writeFileSync(done, new Date().toISOString());
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".map": "application/json",
  ".css": "text/css",
};

/** A static file server on 127.0.0.1 (random port). */
export async function serve(dir: string): Promise<{ origin: string; server: Server; close(): Promise<void> }> {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base + sep) || !existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium found (${findChromium().reason}): run \`node scripts/ensure-chromium.js\` or set RAOCE_CHROMIUM`);
  // A fresh profile per launch: playwright-core's launch() uses a new temporary user-data-dir.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

let fakeScript: string | null = null;

/** tests/browser/fake-office.ts as a classic script (types stripped, wrapped so its `export`s stay local). */
export function fakeOfficeScript(): string {
  if (fakeScript) return fakeScript;
  const file = join(__dirname, "fake-office.ts");
  const { code } = transformSync(readFileSync(file, "utf8"), {
    filename: file,
    jsc: { parser: { syntax: "typescript" }, target: "es2020" },
    module: { type: "commonjs" },
  });
  fakeScript = `(function(){var exports={};var module={exports:exports};\n${code}\n})();`;
  return fakeScript;
}

export interface PaneSession {
  page: Page;
  context: BrowserContext;
  /** console errors and uncaught page errors. */
  errors: string[];
  /**
   * What tried to leave the page's origin: requests caught by the route (they are aborted), foreign requests that
   * finished or failed without passing the route (workers…) and WebSockets (routes never see them).
   */
  foreign: string[];
  /** Content-Security-Policy violations the page reported (`securitypolicyviolation` events): "directive blocked @ where". */
  cspViolations(): Promise<string[]>;
}

/** Records every CSP violation of the page (blocked eval, script, connection…) before any of its scripts runs. */
const CSP_RECORDER = `(() => {
  const seen = (window.__raoceCspViolations = []);
  document.addEventListener("securitypolicyviolation", (e) =>
    seen.push(e.violatedDirective + " " + (e.blockedURI || "(inline)") + " @ " + e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber));
})();`;

/**
 * A page on the served pane. With `fakeOffice`, the fake `Office`/`Excel` is injected before the page's scripts and
 * the page's office.js is answered with an empty script (so it cannot replace the fake); without it the real
 * office.js from node_modules runs, as in a plain browser.
 */
export async function openPane(
  browser: Browser,
  origin: string,
  options: {
    fakeOffice: boolean;
    query?: string;
    width?: number;
    /** Only for the recorder's own negative test. */
    bypassCSP?: boolean;
    /** The page to open: taskpane.html (built with OFFICE_JS=local) or taskpane-local.html (the shared build). */
    pageFile?: string;
  },
): Promise<PaneSession> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 380, height: 900 }, locale: "es-MX", bypassCSP: !!options.bypassCSP });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  const local = (url: string) => url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:");
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  // A second net behind the route (workers, anything a route could miss): a foreign request that completed, or failed
  // for any reason but the page's own CSP refusing it (then it never left).
  const note = (url: string) => {
    if (!local(url) && !foreign.includes(url)) foreign.push(url);
  };
  page.on("requestfinished", (r) => note(r.url()));
  page.on("requestfailed", (r) => {
    // Chromium reports a request its CSP refused as failed with "csp" (net::ERR_BLOCKED_BY_CSP in older builds).
    if (!/^csp$|BLOCKED_BY_CSP/i.test(r.failure()?.errorText ?? "")) note(r.url());
  });
  page.on("websocket", (ws) => {
    if (!foreign.includes(`websocket ${ws.url()}`)) foreign.push(`websocket ${ws.url()}`);
  });
  // Routes never see WebSockets: these are closed before they connect.
  await page.routeWebSocket(/.*/, (ws) => {
    if (!foreign.includes(`websocket ${ws.url()}`)) foreign.push(`websocket ${ws.url()}`);
    return ws.close();
  });
  await page.addInitScript({ content: CSP_RECORDER });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (!local(url)) {
      note(url);
      return route.abort();
    }
    if (options.fakeOffice && new URL(url).pathname.endsWith("/office-js/office.js")) {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js replaced by the test's fake (see tests/browser/fake-office.ts) */" });
    }
    return route.continue();
  });
  if (options.fakeOffice) {
    await page.exposeFunction("__raoceInsertXlsx", (base64: string) => describeXlsx(base64));
    await page.addInitScript({ content: fakeOfficeScript() });
  }
  await page.goto(`${origin}/${options.pageFile ?? "taskpane.html"}${options.query ? `?${options.query}` : ""}`);
  const cspViolations = () => page.evaluate(() => [...((window as unknown as { __raoceCspViolations?: string[] }).__raoceCspViolations ?? [])]);
  return { page, context, errors, foreign, cspViolations };
}
