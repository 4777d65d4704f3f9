/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs Microsoft's web service; no package ships the
 * XSDs): well-formed XML, the schema's element order, the shared-runtime wiring, resids, https URLs, icons on disk
 * with their exact pixel size, the frozen namespace, ids, permissions, and the production rewrite.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { DOMParser, onWarningStopParsing, type Document, type Element } from "@xmldom/xmldom";
import { PNG } from "pngjs";
import * as manifestTools from "../../scripts/manifest-tools";
import pkg from "../../package.json";

const ROOT = path.resolve(__dirname, "../..");
const DEV_XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PROD_SETTINGS = { url: "https://raoce.test.example/addin/", id: pkg.config.addin.prodId };

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

function parse(xml: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "text/xml");
}

const childElements = (el: Element): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);

const names = (el: Element): string[] => childElements(el).map((c) => c.localName ?? "");

function child(el: Element, name: string): Element {
  const found = childElements(el).filter((c) => c.localName === name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}> under <${el.localName}>, found ${found.length}`);
  return found[0] as Element;
}

function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName("*"));
}

const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, "type");

/** Asserts `actual` lists elements in the order of `sequence` (each at most once) and contains every `required`. */
function expectSequence(actual: string[], sequence: string[], required: string[]): void {
  let position = -1;
  for (const name of actual) {
    const at = sequence.indexOf(name);
    if (at < 0) throw new Error(`unexpected element <${name}>`);
    if (at <= position) throw new Error(`<${name}> is out of schema order in [${actual.join(", ")}]`);
    position = at;
  }
  for (const name of required) expect(actual).toContain(name);
}

/** The manifest's resources: id → { kind, value } (kind = Images | Urls | ShortStrings | LongStrings). */
function resources(doc: Document): Map<string, { kind: string; el: Element }> {
  const map = new Map<string, { kind: string; el: Element }>();
  const res = child(child(doc.documentElement as Element, "VersionOverrides"), "Resources");
  for (const group of childElements(res)) {
    for (const item of childElements(group)) {
      const id = item.getAttribute("id") ?? "";
      if (map.has(id)) throw new Error(`duplicate resource id ${id}`);
      map.set(id, { kind: group.localName ?? "", el: item });
    }
  }
  return map;
}

function urlsIn(doc: Document): string[] {
  const urls: string[] = [];
  for (const el of allElements(doc)) {
    for (const attr of Array.from(el.attributes)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) urls.push(attr.value);
    }
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType === 3 && /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(n.nodeValue ?? "")) urls.push((n.nodeValue ?? "").trim());
    }
  }
  return urls;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  // PNG signature, then the IHDR chunk: length(4) "IHDR"(4) width(4) height(4).
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  const size = { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  const decoded = PNG.sync.read(buf); // and it decodes
  expect({ width: decoded.width, height: decoded.height }).toEqual(size);
  return size;
}

describe.each([
  ["development manifest.xml", DEV_XML, manifestTools.DEV_URL, "RAOCEDEV"],
  ["production rewrite", manifestTools.toProductionManifest(DEV_XML, PROD_SETTINGS), PROD_SETTINGS.url, "RAOCE"],
])("%s", (_label, xml, baseUrl, namespace) => {
  const doc = parse(xml);
  const root = doc.documentElement as Element;
  const vo = child(root, "VersionOverrides");
  const host = child(child(vo, "Hosts"), "Host");
  const res = resources(doc);

  it("is a well-formed TaskPaneApp of the 1.1 schema", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.app);
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(vo.namespaceURI).toBe(NS.ov);
    expect(xsiType(vo)).toBe("VersionOverridesV1_0");
  });

  it("keeps the element order the schema requires under OfficeApp", () => {
    expectSequence(
      names(root),
      [
        "Id",
        "AlternateId",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "Dictionary",
        "AllowSnapshot",
        "VersionOverrides",
      ],
      ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"],
    );
  });

  it("keeps the element order inside VersionOverrides", () => {
    expectSequence(names(vo), ["Description", "Requirements", "Hosts", "Resources"], ["Hosts", "Resources"]);
    expectSequence(names(host), ["Runtimes", "AllFormFactors", "DesktopFormFactor"], ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expectSequence(
      names(child(host, "DesktopFormFactor")),
      ["GetStarted", "FunctionFile", "ExtensionPoint"],
      ["FunctionFile", "ExtensionPoint"],
    );
    expectSequence(
      names(child(vo, "Resources")),
      ["Images", "Urls", "ShortStrings", "LongStrings"],
      ["Images", "Urls", "ShortStrings"],
    );
  });

  it("targets Excel only, with the shared runtime as the first child of Host", () => {
    const hosts = childElements(child(root, "Hosts"));
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(xsiType(host)).toBe("Workbook");
    expect(names(host)[0]).toBe("Runtimes");
    const runtimes = childElements(child(host, "Runtimes"));
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.getAttribute("resid")).toBe("Taskpane.Url");
    expect(runtimes[0]?.getAttribute("lifetime")).toBe("long");
  });

  it("loads custom functions, ribbon commands and the task pane from the same Taskpane.Url", () => {
    const cf = childElements(child(host, "AllFormFactors")).find((e) => xsiType(e) === "CustomFunctions") as Element;
    expect(cf).toBeDefined();
    expect(names(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(child(child(cf, "Page"), "SourceLocation").getAttribute("resid")).toBe("Taskpane.Url");
    expect(child(child(host, "DesktopFormFactor"), "FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");
    const actions = allElements(doc).filter((e) => e.localName === "Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(xsiType(action)).toBe("ShowTaskpane");
      expect(child(action, "SourceLocation").getAttribute("resid")).toBe("Taskpane.Url");
    }
    const taskpaneUrl = res.get("Taskpane.Url")?.el.getAttribute("DefaultValue");
    expect(taskpaneUrl).toBe(`${baseUrl}taskpane.html`);
    expect(child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toBe(taskpaneUrl);
    expect(res.get(child(child(cf, "Script"), "SourceLocation").getAttribute("resid") ?? "")?.el.getAttribute("DefaultValue")).toBe(
      `${baseUrl}functions.js`,
    );
    expect(res.get(child(child(cf, "Metadata"), "SourceLocation").getAttribute("resid") ?? "")?.el.getAttribute("DefaultValue")).toBe(
      `${baseUrl}functions.json`,
    );
  });

  it("registers its own custom-functions namespace (production: the frozen RAOCE; development: RAOCEDEV), never localized", () => {
    const ns = allElements(doc).find((e) => e.localName === "Namespace") as Element;
    const entry = res.get(ns.getAttribute("resid") ?? "");
    expect(entry?.kind).toBe("ShortStrings");
    expect(entry?.el.getAttribute("DefaultValue")).toBe(namespace);
    expect(manifestTools.manifestNamespace(xml)).toBe(namespace);
    expect(childElements(entry?.el as Element)).toHaveLength(0);
  });

  it("puts a button that opens the pane on the Home tab", () => {
    const tab = allElements(doc).find((e) => e.localName === "OfficeTab") as Element;
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = allElements(doc).filter((e) => e.localName === "Control");
    expect(controls.map(xsiType)).toEqual(["Button"]);
  });

  it("defines every resid it uses, in the right resource group, and uses every resource it defines", () => {
    const used = new Set<string>();
    for (const el of allElements(doc)) {
      const resid = el.getAttribute("resid");
      if (!resid) continue;
      used.add(resid);
      const entry = res.get(resid);
      if (!entry) throw new Error(`resid "${resid}" on <${el.localName}> is not defined in Resources`);
      const kindByElement: Record<string, string> = {
        Image: "Images",
        SourceLocation: "Urls",
        FunctionFile: "Urls",
        Runtime: "Urls",
        LearnMoreUrl: "Urls",
        Label: "ShortStrings",
        Title: "ShortStrings",
        Namespace: "ShortStrings",
        Description: "LongStrings",
      };
      const expectedKind = kindByElement[el.localName ?? ""];
      expect(`<${el.localName}> ${resid}: ${entry.kind}`).toBe(`<${el.localName}> ${resid}: ${expectedKind}`);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    expect([...res.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("respects the schema's string lengths", () => {
    for (const [id, { kind, el }] of res) {
      const max = kind === "ShortStrings" ? 125 : kind === "LongStrings" ? 250 : 2048;
      const values = [el.getAttribute("DefaultValue") ?? "", ...childElements(el).map((o) => o.getAttribute("Value") ?? "")];
      for (const v of values) expect(`${id}: ${v.length}`).toBe(`${id}: ${Math.min(v.length, max)}`);
    }
    for (const [name, max] of [
      ["DisplayName", 125],
      ["Description", 250],
    ] as const) {
      const el = child(root, name);
      for (const v of [el.getAttribute("DefaultValue") ?? "", ...childElements(el).map((o) => o.getAttribute("Value") ?? "")]) {
        expect(v.length).toBeGreaterThan(0);
        expect(v.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it("uses https for every URL, all under the add-in's base URL", () => {
    const urls = urlsIn(doc).filter((u) => !Object.values(NS).includes(u));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith("https://")).toBe(true);
      expect(url.startsWith(baseUrl)).toBe(true);
    }
  });

  it("references icons that exist in assets/ with their exact pixel size", () => {
    const icons: [string, number][] = [
      [child(root, "IconUrl").getAttribute("DefaultValue") ?? "", 32],
      [child(root, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64],
    ];
    for (const el of allElements(doc).filter((e) => e.localName === "Image" && e.getAttribute("size"))) {
      const entry = res.get(el.getAttribute("resid") ?? "");
      icons.push([entry?.el.getAttribute("DefaultValue") ?? "", Number(el.getAttribute("size"))]);
    }
    const sizes = new Set<number>();
    for (const [url, size] of icons) {
      expect(url.startsWith(`${baseUrl}assets/`)).toBe(true);
      const file = path.join(ROOT, url.slice(baseUrl.length));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });

  it("declares the requirement sets, ReadWriteDocument only, es-MX with en-US overrides", () => {
    const sets = childElements(child(child(root, "Requirements"), "Sets")).map((s) => [
      s.getAttribute("Name"),
      s.getAttribute("MinVersion"),
    ]);
    expect(sets).toEqual([
      ["SharedRuntime", "1.1"],
      // 1.2: CustomFunctions.Error with a message (functions.ts shows why an input is wrong).
      ["CustomFunctionsRuntime", "1.2"],
      ["ExcelApi", "1.13"],
    ]);
    expect(child(root, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(child(root, "DefaultLocale").textContent).toBe("es-MX");
    // Spanish function names (functions-es.json) are the one override that is not en-US: tests/portfolio/localized-functions.test.ts.
    const overrides = allElements(doc).filter((e) => e.localName === "Override" && (e.parentNode as Element | null)?.getAttribute?.("id") !== "Functions.Metadata.Url");
    expect(overrides.length).toBeGreaterThan(0);
    expect(new Set(overrides.map((o) => o.getAttribute("Locale")))).toEqual(new Set(["en-US"]));
  });

  it("has a four-part version that tracks package.json", () => {
    const version = child(root, "Version").textContent ?? "";
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(version).toBe(`${pkg.version}.0`);
  });
});

describe("development vs production manifest", () => {
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  it("has distinct, well-formed Ids", () => {
    const devId = manifestTools.manifestId(DEV_XML);
    const prodId = manifestTools.manifestId(manifestTools.toProductionManifest(DEV_XML, PROD_SETTINGS));
    expect(devId).toMatch(GUID);
    expect(prodId).toMatch(GUID);
    expect(prodId).toBe(pkg.config.addin.prodId);
    expect(devId.toLowerCase()).not.toBe(prodId.toLowerCase());
  });

  it("serves the development manifest from https://localhost:3000", () => {
    expect(manifestTools.DEV_URL).toBe("https://localhost:3000/");
  });

  it("changes only the URLs, the Id and the namespace in the production rewrite", () => {
    const prod = manifestTools.toProductionManifest(DEV_XML, PROD_SETTINGS);
    expect(prod).not.toMatch(/localhost/i);
    const strip = (xml: string, base: string, id: string, ns: string) =>
      xml
        .replace(/<!--[\s\S]*?-->/, "")
        .split(base)
        .join("BASE/")
        .replace(id, "ID")
        .replace(`id="Functions.Namespace" DefaultValue="${ns}"`, 'id="Functions.Namespace" DefaultValue="NS"');
    expect(strip(prod, PROD_SETTINGS.url, PROD_SETTINGS.id, "RAOCE")).toBe(
      strip(DEV_XML, manifestTools.DEV_URL, manifestTools.manifestId(DEV_XML), "RAOCEDEV"),
    );
  });

  it("gives development and production different namespaces, so both can be loaded in one Excel", () => {
    expect(manifestTools.DEV_NAMESPACE).toBe("RAOCEDEV");
    expect(manifestTools.PROD_NAMESPACE).toBe("RAOCE");
    expect(manifestTools.manifestNamespace(DEV_XML)).toBe("RAOCEDEV");
    expect(manifestTools.manifestNamespace(manifestTools.toProductionManifest(DEV_XML, PROD_SETTINGS))).toBe("RAOCE");
    const wrong = DEV_XML.replace('DefaultValue="RAOCEDEV"', 'DefaultValue="RAOCE"');
    expect(() => manifestTools.toProductionManifest(wrong, PROD_SETTINGS)).toThrow(/RAOCEDEV/);
  });

  it("takes the production URL from ADDIN_URL, else package.json config.addin.prodUrl", () => {
    expect(manifestTools.productionSettings({ ADDIN_URL: "https://cdn.example.org/raoce" })).toEqual({
      url: "https://cdn.example.org/raoce/",
      id: pkg.config.addin.prodId,
    });
    expect(manifestTools.productionSettings({}).url).toBe(manifestTools.normalizeBaseUrl(pkg.config.addin.prodUrl));
    expect(() => manifestTools.productionSettings({ ADDIN_URL: "http://insecure.example.org/" })).toThrow(/https/);
    expect(() => manifestTools.productionSettings({ ADDIN_URL: "not a url" })).toThrow(/not a URL/);
  });

  it("refuses a production Id equal to the development Id", () => {
    const devId = manifestTools.manifestId(DEV_XML);
    expect(() => manifestTools.toProductionManifest(DEV_XML, { url: PROD_SETTINGS.url, id: devId })).toThrow(/Id/);
  });
});
