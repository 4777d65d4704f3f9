/**
 * Writing into protected sheets without changing how the user left them. Excel refuses writes to locked cells and any
 * table growth on a protected sheet, so a write lifts the protection for the moment and then puts back EACH sheet's
 * own state: a sheet the user had unprotected stays unprotected; a protected one gets its own options back (not the
 * template's). A sheet protected WITH a password cannot be lifted by the add-in (it never asks for or stores the
 * password): that is a clear `SheetPasswordError` naming the sheets, before anything is written.
 *
 * - `readProtection`: one load per sheet (queued by the caller, read after its sync).
 * - Excel on the web says up front whether a password is set (`isPasswordProtected`, ExcelApiOnline 1.1); elsewhere
 *   the `unprotect()` without a password fails inside the write batch, and `afterFailedWrite` finds the sheets that
 *   are still protected — those have a password.
 */

/** Code the pane maps to its message (errors.ts). */
export const SHEET_PASSWORD_CODE = "SheetPassword";

export class SheetPasswordError extends Error {
  readonly code = SHEET_PASSWORD_CODE;
  constructor(readonly sheets: readonly string[]) {
    super(
      `${sheets.length === 1 ? "La hoja" : "Las hojas"} ${sheets.map((s) => `«${s}»`).join(", ")} ${sheets.length === 1 ? "está protegida" : "están protegidas"} con contraseña: RAOCE no puede escribir en ${sheets.length === 1 ? "ella" : "ellas"}. Quite la contraseña (Revisar › Desproteger hoja) y vuelva a intentarlo; RAOCE la protegerá sin contraseña al terminar.`,
    );
    this.name = "SheetPasswordError";
  }
}

export interface SheetProtectionState {
  sheet: string;
  protected: boolean;
  /** The sheet's own options, restored after the write. */
  options: Excel.WorksheetProtectionOptions | undefined;
  /** Known only on hosts with ExcelApiOnline 1.1 (Excel on the web); undefined elsewhere. */
  passwordProtected: boolean | undefined;
}

export type Supports = (set: string, version: string) => boolean;

/** Queues the loads; call `.states()` after the caller's sync. */
export function queueProtectionRead(context: Excel.RequestContext, sheets: readonly string[], supports: Supports): { states(): SheetProtectionState[] } {
  const withPassword = supports("ExcelApiOnline", "1.1");
  const loads = sheets.map((sheet) => ({
    sheet,
    p: context.workbook.worksheets.getItem(sheet).protection.load(withPassword ? "protected, options, isPasswordProtected" : "protected, options"),
  }));
  return {
    states: () =>
      loads.map(({ sheet, p }) => ({
        sheet,
        protected: p.protected,
        options: p.protected ? { ...p.options } : undefined,
        passwordProtected: withPassword ? p.isPasswordProtected : undefined,
      })),
  };
}

/** Throws before any write when the host already knows a sheet has a password. */
export function refusePasswordProtected(states: readonly SheetProtectionState[]): void {
  const locked = states.filter((s) => s.protected && s.passwordProtected === true).map((s) => s.sheet);
  if (locked.length > 0) throw new SheetPasswordError(locked);
}

/** Queues the lift of every protected sheet (no password: the add-in never has one). */
export function queueUnprotect(context: Excel.RequestContext, states: readonly SheetProtectionState[]): void {
  for (const s of states) if (s.protected) context.workbook.worksheets.getItem(s.sheet).protection.unprotect();
}

/** Queues each protected sheet's own protection back (options as they were). */
export function queueRestore(context: Excel.RequestContext, states: readonly SheetProtectionState[]): void {
  for (const s of states) if (s.protected) context.workbook.worksheets.getItem(s.sheet).protection.protect(s.options);
}

/**
 * After a failed write batch: protects again every sheet this write left unprotected (with its own options) and
 * returns a SheetPasswordError when a sheet could not be lifted at all (it has a password), else null.
 * Two syncs; never throws (the caller reports the original error when this returns null).
 */
export async function afterFailedWrite(context: Excel.RequestContext, states: readonly SheetProtectionState[]): Promise<SheetPasswordError | null> {
  const wasProtected = states.filter((s) => s.protected);
  if (wasProtected.length === 0) return null;
  try {
    const now = wasProtected.map((s) => ({ s, p: context.workbook.worksheets.getItem(s.sheet).protection.load("protected") }));
    await context.sync();
    const lifted = now.filter(({ p }) => !p.protected).map(({ s }) => s);
    const stuck = now.filter(({ p }) => p.protected).map(({ s }) => s.sheet);
    if (lifted.length > 0) {
      queueRestore(context, lifted);
      await context.sync();
    }
    // The batch stops at the first unprotect() that fails, so only the FIRST sheet still protected surely has a
    // password (later ones were never tried): name that one; a retry finds the next.
    return stuck.length > 0 ? new SheetPasswordError([stuck[0]!]) : null;
  } catch {
    return null;
  }
}
