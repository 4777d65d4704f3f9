import { Badge, Body1, Body1Strong, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ProgramResult, ReportResult } from "../../domain/evaluate";
import { exchangeRateFor } from "../../domain/exchange-rates";
import type { StatusCode } from "../../domain/status";
import { explainRuleIds } from "../../domain/rules-catalog";
import { formatDate, formatNumber, pick, type Strings } from "../strings";

type BadgeColor = "brand" | "danger" | "important" | "informative" | "severe" | "subtle" | "success" | "warning";

/** Status → badge color: green filed on time, amber filed late, orange suspended, red cancelled, grey not obliged. */
export const STATUS_COLOR: Record<StatusCode, BadgeColor> = {
  NO_OBLIGADO: "subtle",
  PERIODO_NO_ABIERTO: "informative",
  EN_PLAZO: "brand",
  PRESENTADO: "success",
  SUSPENDIDO: "severe",
  PRESENTADO_EXTEMPORANEO: "warning",
  CANCELADO: "danger",
};

const VERDICT_COLOR: Record<ProgramResult["commitment"], BadgeColor> = {
  CUMPLE: "success",
  NO_CUMPLE: "danger",
  NO_EVALUADO: "subtle",
  POR_CONFIRMAR: "warning",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // A plain article styled like a Fluent card (Fluent's Card adds ~6 KB gzipped for interactivity we don't use).
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    width: "100%",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  inline: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  figures: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

function ProgramCard({ strings, program }: { strings: Strings; program: ProgramResult }) {
  const styles = useStyles();
  const status = program.status;
  const statusText = pick(strings, program.statusLabel ?? "", program.statusLabelEn ?? "");
  const next = program.nextMilestone;
  const headingId = `program-${program.index}`;
  return (
    <article className={styles.card} aria-labelledby={headingId} data-program={program.type} data-status={status ?? ""}>
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {strings.programHeading(program.type, program.number)}
        </Subtitle2>
        {status && (
          <Badge appearance="filled" color={STATUS_COLOR[status]} data-testid="status-badge">
            {statusText}
          </Badge>
        )}
      </div>
      <div className={styles.row}>
        <Caption1 className={styles.muted}>{strings.nextDeadline}</Caption1>
        {next ? (
          <Body1>
            <Body1Strong>{strings.milestone[next.milestone]}</Body1Strong>: {formatDate(strings, next.date)} · {strings.daysLeft(next.daysLeft)}
          </Body1>
        ) : (
          <Body1>{strings.noNextDeadline}</Body1>
        )}
        {program.reactivationBy && (
          <Body1>
            {strings.reactivationBy}: {formatDate(strings, program.reactivationBy)}
          </Body1>
        )}
        {program.deadlines && (
          <Caption1 className={styles.muted}>
            {strings.datesSource}: {explainRuleIds(program.deadlines.source.replace(/^(Todas las fechas|All dates):\s*/i, ""), strings.lang)}
          </Caption1>
        )}
      </div>
      <div className={styles.row}>
        <Caption1 className={styles.muted}>{strings.commitmentLabel}</Caption1>
        <div className={styles.inline}>
          <Badge appearance="tint" color={VERDICT_COLOR[program.commitment]}>
            {strings.commitment[program.commitment]}
          </Badge>
        </div>
        <Body1>{pick(strings, program.commitmentReason, program.commitmentReasonEn)}</Body1>
        {program.nearThreshold && <Caption1>{strings.nearThreshold}</Caption1>}
      </div>
      <div className={styles.row}>
        <Caption1 className={styles.muted} id={`${headingId}-capture`}>
          {strings.captureTitle}
        </Caption1>
        {program.capture.length > 0 ? (
          <ul className={styles.list} aria-labelledby={`${headingId}-capture`}>
            {program.capture.map((f) => (
              <li key={f}>
                <Body1>{strings.captureField[f]}</Body1>
              </li>
            ))}
          </ul>
        ) : (
          <Body1>{strings.captureNothing}</Body1>
        )}
      </div>
    </article>
  );
}

/** The engine gives the rate's source in Spanish; in English the same source is looked up again (R24). */
function rateSource(strings: Strings, result: ReportResult): string {
  const es = result.figures.exchangeRateSource ?? "";
  if (strings.lang === "es" || result.fiscalYear === null) return es;
  for (const r of [exchangeRateFor(result.fiscalYear, null), exchangeRateFor(result.fiscalYear, result.figures.exchangeRate)]) {
    if (r && r.source === es) return r.sourceEn;
  }
  return es;
}

function Figures({ strings, result }: { strings: Strings; result: ReportResult }) {
  const styles = useStyles();
  const f = result.figures;
  const rows: [string, string][] = [];
  if (f.exportShare !== null) rows.push([strings.exportShare, `${formatNumber(strings, f.exportShare)} %`]);
  if (f.balance !== null) rows.push([strings.balance, formatNumber(strings, f.balance)]);
  if (f.exchangeRate !== null) rows.push([strings.exchangeRateUsed, formatNumber(strings, f.exchangeRate, 4)]);
  if (rows.length === 0) return null;
  return (
    <section className={styles.card} aria-labelledby="figures-heading">
      <Subtitle2 as="h3" id="figures-heading" className={styles.heading}>
        {strings.figuresTitle}
      </Subtitle2>
      <dl className={styles.figures}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt>
              <Body1>{k}</Body1>
            </dt>
            <dd className={styles.dd}>
              <Body1Strong>{v}</Body1Strong>
            </dd>
          </div>
        ))}
      </dl>
      {f.exchangeRateSource && <Caption1 className={styles.muted}>{strings.exchangeRateSource(rateSource(strings, result))}</Caption1>}
    </section>
  );
}

/** One card per program: status badge, next date and days left, commitment verdict and reason, what to capture. */
export function ProgramCards({ strings, result }: { strings: Strings; result: ReportResult }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={strings.programsTitle}>
      {result.programs.length === 0 ? <Body1>{strings.noPrograms}</Body1> : result.programs.map((p) => <ProgramCard key={p.index} strings={strings} program={p} />)}
      <Figures strings={strings} result={result} />
    </section>
  );
}
