/**
 * Settings for what ../shared/domain marks as uncertain (confidence M or L). Every default is the reference's.
 */
export interface RuleSettings {
  /** R9: first filing year in which PROSEC linked with IMMEX/ALTEX/ECEX is due in May (April before). */
  linkedProsecMayFromYear: number;
  /** R28: share of indirect exports an ALTEX direct exporter may add to its direct exports. */
  altexIndirectFactor: number;
  /** R30: ECEX thresholds are unconfirmed; null means "not set by the user" → verdict POR_CONFIRMAR. */
  ecexMinExportsUsd: number | null;
  ecexMinExportShare: number | null;
  /** R12 rev. 2026-11: count the SE's declared periods the product knows (declared-periods.ts) as non-business. */
  seDeclaredPeriods: boolean;
}

export const DEFAULT_SETTINGS: RuleSettings = {
  linkedProsecMayFromYear: 2024,
  altexIndirectFactor: 0.8,
  ecexMinExportsUsd: null,
  ecexMinExportShare: null,
  seDeclaredPeriods: true,
};
