/**
 * No network and least privilege, checked on what ships (issue "Trust" §5): the Content-Security-Policy of the task
 * pane (source and production build), and the production bundles themselves — no eval, no network API at all, no URL
 * but namespaces and documentation links, no telemetry SDK. (The manifest's ReadWriteDocument-only permission is in
 * manifest.test.ts; the functions bundle's own no-eval check in tests/functions/registration.test.ts; that no request
 * leaves the page at run time, and that the CSP is never violated, in tests/browser/pane.test.ts.)
 *
 * The production bundle is built once for the whole suite (tests/browser/harness.ts sharedPaneBuild): its
 * taskpane.html loads office.js from Microsoft's CDN exactly as `npm run build` makes it (the build also carries
 * taskpane-local.html for the browser test, over the same bundles).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_TIMEOUT_MS, ROOT, sharedPaneBuild } from "../browser/harness";

jest.setTimeout(180_000);

const OFFICE_HOST = "https://appsforoffice.microsoft.com";
const OFFICE_JS_CDN = `${OFFICE_HOST}/lib/1/hosted/office.js`;

let dist: string;
let bundles: { file: string; code: string }[];

beforeAll(async () => {
  // The production build shared with the browser test (its taskpane.html is the shipping one, office.js from the CDN).
  dist = await sharedPaneBuild();
  bundles = readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((file) => ({ file, code: readFileSync(join(dist, file), "utf8") }));
}, BUILD_TIMEOUT_MS);


// ─── the policy ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The policy of the page's `<meta http-equiv="Content-Security-Policy">` (source or minified HTML), by directive. */
function metaPolicy(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)].map((m) => m[0]);
  expect(metas).toHaveLength(1);
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(metas[0]!);
  expect(content).not.toBeNull();
  const policy = new Map<string, string[]>();
  for (const part of (content![1] ?? content![2]!).split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(policy.has(name.toLowerCase())).toBe(false); // a repeated directive is ignored by browsers: a mistake
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources a fetch directive really allows (CSP falls back to default-src). */
const effective = (p: Map<string, string[]>, directive: string) => p.get(directive) ?? p.get("default-src") ?? ["*"];

function expectLeastPrivilege(p: Map<string, string[]>): void {
  const all = [...p.values()].flat();
  expect(all).not.toContain("'unsafe-eval'");
  expect(all).not.toContain("'wasm-unsafe-eval'");
  expect(all).not.toContain("'unsafe-hashes'");
  expect(all.filter((s) => s === "*" || s.includes("*"))).toEqual([]); // no wildcard host
  expect(all.filter((s) => /^(https?|wss?|ftp):?$/i.test(s) || s.startsWith("http:"))).toEqual([]); // no scheme-wide or cleartext source
  expect(p.get("default-src")).toEqual(["'self'"]);
  // Scripts: our own files and Microsoft's office.js host only; no inline script, no eval.
  for (const s of effective(p, "script-src")) expect(["'self'", OFFICE_HOST]).toContain(s);
  // Connections: none beyond the page's own origin (office.js talks to Excel through the host, not through fetch/XHR).
  expect(effective(p, "connect-src")).toEqual(["'self'"]);
  // 'unsafe-inline' and data: only where Fluent UI needs them: styles, and data: images.
  for (const [name, sources] of p) {
    if (name !== "style-src") expect(sources).not.toContain("'unsafe-inline'");
    if (name !== "img-src") expect(sources).not.toContain("data:");
    expect(sources).not.toContain("blob:");
  }
}

describe("the task pane's Content-Security-Policy", () => {
  it.each([
    ["source (src/taskpane/taskpane.html)", () => readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8")],
    ["production build (taskpane.html)", () => readFileSync(join(dist, "taskpane.html"), "utf8")],
  ])("%s: no eval, scripts from 'self' and office.js's host only, connections to 'self' only", (_, html) => {
    const p = metaPolicy(html());
    expectLeastPrivilege(p);
    expect(p.get("script-src")).toEqual(["'self'", OFFICE_HOST]);
    expect(p.get("object-src")).toEqual(["'none'"]);
    expect(p.get("base-uri")).toEqual(["'self'"]);
  });

  it("the built page loads office.js from Microsoft's CDN and every other script and link from its own folder", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const refs = [...html.matchAll(/<(script|link)\b[^>]*\b(?:src|href)=["']?([^"' >]+)/gi)].map((m) => m[2]!);
    expect(refs.filter((r) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(r))).toEqual([OFFICE_JS_CDN]);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/i); // no inline script (the CSP would block it anyway)
  });

  it("the help page (ayuda.html) has no script source and no eval either", () => {
    const p = metaPolicy(readFileSync(join(dist, "ayuda.html"), "utf8"));
    expectLeastPrivilege(p);
  });
});

// ─── cache-safe file names (docs/addin.md: no-cache for the fixed names, immutable for the hashed ones) ─────────────

describe("the build's file names", () => {
  const files = () => readdirSync(dist, { recursive: true }).map(String);

  it("content-hashes every bundle; only the files Office asks for by a fixed URL keep their names", () => {
    const js = files().filter((f) => f.endsWith(".js") && !f.startsWith("office-js"));
    const fixed = js.filter((f) => !/\.[0-9a-f]{8}\.js$/.test(f));
    // functions.js: the manifest's Functions.Script.Url (a byte-for-byte alias of the hashed functions bundle).
    expect(fixed).toEqual(["functions.js"]);
    const hashedFunctions = js.find((f) => /^functions\.[0-9a-f]{8}\.js$/.test(f))!;
    expect(readFileSync(join(dist, "functions.js"), "utf8")).toBe(readFileSync(join(dist, hashedFunctions), "utf8"));
    expect(files()).toEqual(expect.arrayContaining(["taskpane.html", "functions.json", "manifest.xml"]));
  });

  it("taskpane.html loads the hashed entries (functions, commands, taskpane, in that order)", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((src) => !/office\.js$/.test(src));
    expect(scripts.map((src) => src.replace(/\.[0-9a-f]{8}\.js$/, ""))).toEqual(["functions", "commands", "taskpane"]);
    for (const src of scripts) expect(files()).toContain(src);
  });

  it("the manifest's URLs name files that exist in the build", () => {
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    const base = /<bt:Url id="Taskpane\.Url" DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)![1]!;
    const paths = [...manifest.matchAll(/DefaultValue="([^"]+)"/g)].map((m) => m[1]!).filter((u) => u.startsWith(base)).map((u) => u.slice(base.length));
    expect(paths).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json"]));
    for (const p of paths) expect(files()).toContain(p);
  });
});

// ─── the bundles ────────────────────────────────────────────────────────────────────────────────────────────────────

/** `re`'s matches in every bundle, with a little context, as "file: …context…". */
function occurrences(re: RegExp, before = 60, after = 60): { file: string; index: number; text: string }[] {
  const out: { file: string; index: number; text: string }[] = [];
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  for (const b of bundles) {
    for (const m of b.code.matchAll(g)) out.push({ file: b.file, index: m.index, text: b.code.slice(Math.max(0, m.index - before), m.index + m[0].length + after) });
  }
  return out;
}

/**
 * The string-to-code constructs third-party code in the bundles carries, each audited: none runs in the pane (and if
 * one did, the CSP would refuse it — the browser test asserts no violation happens).
 */
const AUDITED_EVAL: { what: string; re: RegExp }[] = [
  { what: "a global-object fallback (lodash, ExcelJS's bundled polyfills): reached only with no window/self/global", re: /\|\|\s*Function\(\s*"return this"\s*\)\(\)/g },
  { what: "zod 4's probe for JIT-compiled parsers (try/catch): never run, the pane sets jitless (src/taskpane/zod-without-eval.ts)", re: /try\s*\{\s*return\s+new Function\(\s*""\s*\),\s*!0\s*\}\s*catch/g },
  { what: "the setImmediate polyfill in ExcelJS: only for a callback given as a string (never)", re: /"function"\s*!=\s*typeof (\w+)\s*&&\s*\(\1\s*=\s*new Function\(\s*""\s*\+\s*\1\s*\)\)/g },
  { what: "regenerator-runtime in ExcelJS: only where globalThis does not exist", re: /globalThis\.regeneratorRuntime\s*=\s*\w+\s*:\s*Function\(\s*"r"\s*,\s*"regeneratorRuntime = r"\s*\)/g },
  // The next two come with the node `util` polyfill that docx pulls into the letters chunk (loaded only for a letter).
  { what: "function-bind's implementation: used only where Function.prototype.bind is missing (never in Office's browsers)", re: /Function\(\s*"binder"\s*,/g },
  { what: "is-generator-function: only inside util.types.isGeneratorFunction (docx never calls it), in a try/catch", re: /try\s*\{\s*return\s+Function\(\s*"return function\*\(\) \{\}"\s*\)\(\)\s*\}\s*catch/g },
];

describe("the production bundles", () => {
  it("were found (functions, commands, taskpane and the lazily loaded chunks)", () => {
    for (const entry of ["functions", "commands", "taskpane"]) {
      expect(bundles.filter((b) => new RegExp(`^${entry}\\.[0-9a-f]{8}\\.js$`).test(b.file))).toHaveLength(1);
    }
    expect(bundles.length).toBeGreaterThan(4);
  });

  it("contain no eval and no Function constructor except the audited third-party fallbacks", () => {
    const audited = new Map<string, [number, number][]>();
    for (const b of bundles) {
      audited.set(b.file, AUDITED_EVAL.flatMap(({ re }) => [...b.code.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number])));
    }
    const unaudited = occurrences(/\beval\s*\(|\bFunction\s*\(/).filter((o) => !audited.get(o.file)!.some(([a, z]) => o.index >= a && o.index < z));
    expect(unaudited.map((o) => `${o.file}: …${o.text}…`)).toEqual([]);
    expect(occurrences(/\bsetTimeout\s*\(\s*["'`]|\bsetInterval\s*\(\s*["'`]/)).toEqual([]); // string timers are eval too
  });

  it("use no network API at all: no fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource, workers", () => {
    const network = occurrences(/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bimportScripts\s*\(|\bnew\s+(?:Shared)?Worker\s*\(|\bserviceWorker\b|\bRTCPeerConnection\b/);
    expect(network.map((o) => `${o.file}: …${o.text}…`)).toEqual([]);
  });

  it("name no URL but XML/JSON namespaces, documentation links in messages and office.js's host", () => {
    const NAMESPACES = ["schemas.openxmlformats.org", "schemas.microsoft.com", "www.w3.org", "purl.org", "purl.oclc.org", "json-schema.org"];
    // texts of error messages (React, ExcelJS, JSZip, core-js…; ical-generator for the pane's reminders)
    // answers.microsoft.com: the text of docx's "Level cannot be greater than 9" error (a link in a message, no request).
    const DOC_LINKS = ["github.com", "react.dev", "stuk.github.io", "sebbo2002.github.io", "answers.microsoft.com"];
    const allowed = new Set([...NAMESPACES, ...DOC_LINKS, new URL(OFFICE_HOST).host]);
    const urls = occurrences(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]*/, 0, 0).map((o) => ({ ...o, url: o.text }));
    const hostOf = (u: string) => /^[a-z]+:\/\/([^/:?#]*)/i.exec(u)?.[1] ?? "";
    // zod's URL check builds `http://[${host}]` to parse an IPv6 literal with the URL class: no request.
    const foreign = urls.filter((u) => !allowed.has(hostOf(u.url)) && !/^http:\/\/\[\$\{\w+\}\]$/.test(u.url));
    expect(foreign.map((u) => `${u.file}: ${u.url}`)).toEqual([]);
    expect(urls.filter((u) => /^wss?:|^ftp:/i.test(u.url))).toEqual([]);
  });

  it("carry no telemetry or analytics SDK", () => {
    const TELEMETRY =
      /applicationinsights|@microsoft\/1ds|\b1ds-(?:core|post)-js\b|dc\.services\.visualstudio\.com|events\.data\.microsoft\.com|\bSentry\b|@sentry\/|sentry\.io|datadoghq|\bmixpanel\b|amplitude\.com|@amplitude\/|posthog|bugsnag|logrocket|hotjar|newrelic|nr-data\.net|rollbar\.com|@rollbar\/|\bRollbar\b|google-analytics\.com|googletagmanager\.com|\bgtag\(|segment\.(?:io|com)|fullstory|clarity\.ms/i;
    expect(occurrences(TELEMETRY).map((o) => `${o.file}: …${o.text}…`)).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((d) => TELEMETRY.test(d))).toEqual([]);
  });
});
