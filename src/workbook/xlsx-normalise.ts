/**
 * The one place where a package written by another tool is made readable by ExcelJS as Excel reads it. Runs on the
 * parts the guard has inflated and verified (xlsx-guard.ts), and returns the stored zip ExcelJS loads, so ExcelJS sees
 * exactly the parts the guard checked. Each rule fixes one way ExcelJS 4.4 misreads valid Open XML:
 *
 * 1. Absolute relationship targets (`Target="/xl/tables/table1.xml"`, written by openpyxl and others), or relative ones
 *    with "./" or a detour through "..": ExcelJS matches targets as text against the names Excel writes and crashes
 *    ("Cannot read properties of undefined (reading 'name')") or loses the table. → rewritten relative to the folder
 *    of the part that holds the relationship, as Excel writes them.
 * 2. Booleans written `true`/`false` (LibreOffice: `sheet="true"`, `locked="false"`, `hidden="false"`…; xsd:boolean
 *    allows both forms): ExcelJS compares with "1"/"0", so protection vanished and every cell became locked on `fill`.
 *    → written `1`/`0`. Attributes that hold text (names, formats, prompts, targets…) are never touched.
 * 3. Parts whose names only look like ExcelJS's (`backup/xl/worksheets/sheet1.xml`, `xl/worksheets/sheet1.xml.bak`):
 *    ExcelJS's name patterns are not anchored and would load them over the real sheet or table, a part Excel never
 *    shows. → left out of what ExcelJS loads.
 * 4. Entry names: a leading "/" and "." or ".." segments are resolved by the guard (xlsx-zip.ts) and two entries with
 *    one resolved name are refused there; here every part is stored under that one name.
 */
import { excelJsParses, resolveTarget } from "./xlsx-guard";
import { storedZip, type PackagePart } from "./xlsx-zip";

/** The names ExcelJS's patterns are meant for, anchored. */
const CANONICAL = [
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/tables\/table\d+\.xml$/,
  /^xl\/drawings\/_rels\/[a-zA-Z0-9]+\.xml\.rels$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^(_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|docProps\/app\.xml|docProps\/core\.xml)$/,
];

/** Attributes that hold text, where "true" is a value and not a boolean (OOXML ST_Xstring and friends). */
const TEXT_ATTRIBUTES = new Set([
  "name", "displayName", "formatCode", "prompt", "promptTitle", "error", "errorTitle", "uniqueName", "caption", "totalsRowLabel",
  "Target", "Id", "Type", "ref", "sqref", "text", "comment", "description", "customMenu", "help", "statusBar", "dataCellStyle",
  "headerRowCellStyle", "totalsRowCellStyle", "id", "codeName", "title", "tooltip", "display", "location", "formula", "value",
]);

const TAG_RE = /<[A-Za-z_][^<>]*>/g;
const BOOL_ATTR_RE = /(\s)([A-Za-z_][\w.:-]*)(\s*=\s*)(["'])(true|false)\4/g;

function normaliseBooleans(xml: string): string {
  return xml.replace(TAG_RE, (tag) => {
    if (!tag.includes("true") && !tag.includes("false")) return tag;
    const element = /^<([\w.:-]+)/.exec(tag)?.[1] ?? "";
    const elementLocal = element.slice(element.indexOf(":") + 1);
    return tag.replace(BOOL_ATTR_RE, (all, sp: string, attrName: string, eq: string, q: string, v: string) => {
      const local = attrName.slice(attrName.indexOf(":") + 1);
      if (TEXT_ATTRIBUTES.has(local) || (local === "val" && elementLocal === "name")) return all;
      return `${sp}${attrName}${eq}${q}${v === "true" ? "1" : "0"}${q}`;
    });
  });
}

/** Relative path from the folder of `fromPart` to `toPart` ("xl/worksheets/sheet1.xml" → "xl/tables/t.xml" = "../tables/t.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...Array<string>(from.length - k).fill(".."), ...to.slice(k)].join("/");
}

/** The part whose relationships a .rels part holds: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml; _rels/.rels → "" (the package). */
function sourceOfRels(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : "";
}

/** Every internal target written the way Excel writes it: relative to the source's folder, no "./", no detour via "..". */
function normaliseTargets(relsPart: string, xml: string): string {
  const source = sourceOfRels(relsPart) || "x"; // the package's own rels: relative to the root
  return xml.replace(/<(?:[\w.-]+:)?Relationship\b[^<>]*>/g, (tag) => {
    if (/\sTargetMode\s*=\s*["']External["']/.test(tag)) return tag;
    return tag.replace(/(\sTarget\s*=\s*)(["'])([^"'<>]*)\2/, (all, pre: string, q: string, target: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.includes("#")) return all; // a URI or a fragment: not a part
      return `${pre}${q}${relativeTarget(source, resolveTarget(source, target))}${q}`;
    });
  });
}

/** Parts as ExcelJS should load them (see the rules above), as a stored zip. */
export function normalisePackage(parts: PackagePart[]): Buffer {
  const out: PackagePart[] = [];
  for (const p of parts) {
    if (!excelJsParses(p.name)) {
      out.push(p);
      continue;
    }
    if (!CANONICAL.some((re) => re.test(p.name))) continue; // rule 3
    let xml: string | null = null;
    const text = () => (xml ??= p.data.toString("utf8"));
    if (p.name.endsWith(".rels") && (p.data.includes("Target=\"/") || p.data.includes("Target='/") || p.data.includes("./"))) xml = normaliseTargets(p.name, text());
    if (p.data.includes("\"true\"") || p.data.includes("\"false\"") || p.data.includes("'true'") || p.data.includes("'false'")) xml = normaliseBooleans(text());
    out.push(xml === null ? p : { name: p.name, data: Buffer.from(xml, "utf8") });
  }
  return storedZip(out);
}
