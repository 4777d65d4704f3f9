import { Body1, Caption1, CounterBadge, Subtitle2, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../../domain/issues";
import type { LocatedIssue } from "../operations";
import { findRule } from "../../domain/rules-catalog";
import { pick, type Strings } from "../strings";

/** The catalog entry of an issue's rule ("R8/R10" → R8), so the pane names it and the Reglas dialog finds it. */
const ruleOf = (rule: string | undefined) => (rule ? findRule(rule.split(/[/,\s]+/)[0]) : null);

const ORDER: readonly Severity[] = ["error", "warning", "info"];

const COUNTER_COLOR: Record<Severity, "danger" | "important" | "informative"> = {
  error: "danger",
  warning: "important",
  info: "informative",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
  },
  button: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  location: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  noLocation: { color: tokens.colorNeutralForeground3 },
  focus: createFocusOutlineStyle(),
});

export interface IssueListProps {
  strings: Strings;
  issues: readonly LocatedIssue[];
  /** Called with the issue's "Sheet!A1" when the user activates it. */
  onSelect(location: string): void;
}

/** Issues grouped by severity (errors first) with counts; each located issue is a button that selects its cell. */
export function IssueList({ strings, issues, onSelect }: IssueListProps) {
  const styles = useStyles();
  if (issues.length === 0) {
    return (
      <section aria-label={strings.issuesTitle}>
        <Body1 role="status">{strings.noIssues}</Body1>
      </section>
    );
  }
  return (
    <section className={styles.root} aria-label={strings.issuesTitle}>
      {ORDER.map((severity) => {
        const group = issues.filter((i) => i.severity === severity);
        if (group.length === 0) return null;
        const headingId = `issues-${severity}`;
        return (
          <div key={severity} className={styles.group}>
            <Subtitle2 as="h3" id={headingId} className={styles.heading}>
              {strings.severityTitle[severity]}
              <CounterBadge count={group.length} overflowCount={999} color={COUNTER_COLOR[severity]} aria-label={strings.issueCount(group.length)} />
            </Subtitle2>
            <ul className={styles.list} aria-labelledby={headingId}>
              {group.map((issue, k) => {
                const text = pick(strings, issue.message, issue.messageEn);
                const body = (
                  <>
                    <Body1>{text}</Body1>
                    {ruleOf(issue.rule) && <Caption1 className={styles.noLocation}>{strings.ruleRef(ruleOf(issue.rule)!.id, pick(strings, ruleOf(issue.rule)!.title, ruleOf(issue.rule)!.titleEn))}</Caption1>}
                    {issue.location ? (
                      <Caption1 className={styles.location}>{strings.goToCell(issue.location)}</Caption1>
                    ) : (
                      <Caption1 className={styles.noLocation}>{strings.noLocation}</Caption1>
                    )}
                  </>
                );
                return (
                  <li key={`${issue.code}-${issue.path}-${k}`}>
                    {issue.location ? (
                      <button
                        type="button"
                        className={mergeClasses(styles.item, styles.button, styles[severity], styles.focus)}
                        data-code={issue.code}
                        onClick={() => onSelect(issue.location!)}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className={mergeClasses(styles.item, styles[severity])} data-code={issue.code}>
                        {body}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
