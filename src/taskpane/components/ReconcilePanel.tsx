import { Badge, Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReconciledFigure } from "../operations";
import { formatNumber, pick, type Strings } from "../strings";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  figure: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  numbers: { color: tokens.colorNeutralForeground2 },
  explains: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const INTENT = { conciliado: "success", "dentro-materialidad": "informative", "diferencia-material": "warning", "sin-captura": "subtle", "sin-datos": "subtle" } as const;

/** The figures after «Conciliar»: captured vs customs (or tax return), the status, and what explains a difference. */
export function ReconcilePanel({ strings, figures }: { strings: Strings; figures: readonly ReconciledFigure[] }) {
  const styles = useStyles();
  const n = (v: number | null) => (v === null ? "—" : formatNumber(strings, v));
  return (
    <ul className={styles.list}>
      {figures.map((f) => (
        <li key={f.figure} className={styles.figure}>
          <div className={styles.head}>
            <Body1>
              <strong>{strings.reconcileFigure[f.letter]}</strong>
            </Body1>
            <Badge appearance="tint" color={INTENT[f.status]}>
              {strings.reconcileStatus[f.status]}
            </Badge>
          </div>
          <Caption1 className={styles.numbers}>
            {strings.reconcileCaptured} {n(f.captured)} · {strings.reconcileReference(f.letter)} {n(f.reference)} · {strings.reconcileDifference} {n(f.difference)}
            {f.differencePct !== null ? ` (${formatNumber(strings, f.differencePct * 100, 1)} %)` : ""}
          </Caption1>
          {f.explains.length > 0 && (
            <ul className={styles.explains} aria-label={strings.reconcileExplains}>
              {f.explains.map((l) => (
                <li key={l.title}>
                  <Caption1>
                    {strings.reconcileExplains}: {pick(strings, l.title, l.titleEn)} ({n(l.effectMiles)}; {l.pedimentos})
                  </Caption1>
                </li>
              ))}
              {f.unexplained !== null && (
                <li>
                  <Caption1>
                    {strings.reconcileUnexplained}: {n(f.unexplained)}
                  </Caption1>
                </li>
              )}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
