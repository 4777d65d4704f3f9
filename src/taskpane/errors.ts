/**
 * Excel (and our own) errors → a sentence the accountant can act on, in the pane's language, plus the technical
 * detail for support. Office.js rejects with an `OfficeExtension.Error` carrying a `code` (see the ErrorCodes of the
 * Excel JavaScript API); the pane never shows a bare stack or a blank state.
 */
import type { Strings } from "./strings";

export interface ReadableError {
  message: string;
  detail: string | null;
}

/** Error the operations throw when the workbook has no RAOCE template (its version name is missing). */
export class TemplateMissingError extends Error {
  readonly code = "TemplateMissing";
  constructor() {
    super("");
    this.name = "TemplateMissingError";
  }
}

const CODE_GROUPS: [keyof Omit<Strings["errors"], "detail" | "generic" | "sheetPassword">, readonly string[]][] = [
  ["editMode", ["InvalidOperationInEditMode"]],
  ["protectedSheet", ["AccessDenied", "ProtectedSheet", "SheetProtected"]],
  ["notFound", ["ItemNotFound", "InvalidReference", "InvalidBinding"]],
  ["hiddenSheet", ["HiddenSheet"]],
  ["templateMissing", ["TemplateMissing"]],
  ["tooLarge", ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadSizeLimitExceeded"]],
  ["busy", ["ActivityLimitReached", "Conflict", "ServiceNotAvailable", "InsertDeleteConflict", "RequestAborted"]],
  ["unsupported", ["ApiNotFound", "NotImplemented", "UnsupportedOperation", "UnsupportedFeature"]],
  ["network", ["ConnectionFailure", "Unauthenticated", "Timeout"]],
];

function fieldOf(e: unknown, key: string): string {
  if (e && typeof e === "object" && key in e) {
    const v = (e as Record<string, unknown>)[key];
    return typeof v === "string" ? v : "";
  }
  return "";
}

/** Maps any thrown value to a readable message; unknown errors keep their code and text as the detail. */
export function describeError(e: unknown, strings: Strings): ReadableError {
  const code = fieldOf(e, "code");
  // Our own errors may carry the text in English too (PaneError.messageEn).
  const english = strings.lang === "en" ? fieldOf(e, "messageEn") : "";
  const message = english || (e instanceof Error || (e && typeof e === "object") ? fieldOf(e, "message") : String(e ?? ""));
  const errors = strings.errors;
  // A password-protected sheet: name it (the error carries the sheets; see workbook/office/sheet-protection.ts).
  if (code === "SheetPassword") {
    const sheets = e && typeof e === "object" && Array.isArray((e as { sheets?: unknown }).sheets) ? ((e as { sheets: unknown[] }).sheets.map(String)) : [];
    return { message: errors.sheetPassword(sheets.map((s) => `«${s}»`).join(", ")), detail: null };
  }
  for (const [key, codes] of CODE_GROUPS) {
    if (codes.includes(code)) return { message: errors[key], detail: errors.detail(code, message) };
  }
  // Some hosts report protection as a GeneralException whose text mentions it.
  if (/protect/i.test(message)) return { message: errors.protectedSheet, detail: errors.detail(code || "Error", message) };
  if (/edit mode|modo de edición/i.test(message)) return { message: errors.editMode, detail: errors.detail(code || "Error", message) };
  return { message: errors.generic, detail: code || message ? errors.detail(code || fieldOf(e, "name") || "Error", message) : null };
}
