/** `raoce evaluate <file.json | -> [--as-of DATE] [--json]` */
import { evaluate } from "../../domain/evaluate";
import { hasErrors } from "../../domain/issues";
import { BoundedReadError, readFileBounded, readStdinBounded } from "../../workbook/bounded-read";
import { todayInMexico } from "../../workbook/today";
import { optionalDate, parse } from "../args";
import { EXIT, UsageError } from "../errors";
import { json } from "../format";
import { reportText } from "../report-text";
import type { CommandResult } from "./types";

/** JSON documents larger than this are refused (a report with 100,000 goods rows is ~15 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

function readDocument(file: string): unknown {
  let text: string;
  try {
    // Never more than MAX_BYTES: an endless stdin (`yes | raoce evaluate -`), a device or a FIFO stops at the cap.
    text = (file === "-" ? readStdinBounded(MAX_BYTES) : readFileBounded(file, MAX_BYTES)).toString("utf8");
  } catch (e) {
    if (e instanceof BoundedReadError) throw new UsageError(`${file === "-" ? "entrada estándar" : file}: ${e.message}`);
    throw e;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`${file} no es JSON válido: ${(e as Error).message}`);
  }
}

export function evaluateCommand(argv: string[], now: Date): CommandResult {
  const { values, positionals } = parse(argv, { "as-of": { type: "string" }, json: { type: "boolean" } }, true);
  if (positionals.length !== 1) throw new UsageError("indique un archivo JSON (o - para leer de la entrada estándar): raoce evaluate reporte.json");
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  let doc = readDocument(positionals[0]!);
  if (asOf && doc !== null && typeof doc === "object" && !Array.isArray(doc)) doc = { ...doc, asOf };
  const result = evaluate(doc, asOf ?? todayInMexico(now));
  const exitCode = hasErrors(result.issues) ? EXIT.inputErrors : EXIT.ok;
  return { stdout: values.json ? json(result) : reportText(result), exitCode };
}
