/**
 * The task pane: insert the template, validate (issues that select their cell), calculate and write (program cards),
 * and the workbook's settings. Excel is reached only through `operations` (a prop), so every state is testable in jsdom.
 */
import {
  Body1,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle1,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { Component, Suspense, lazy, useCallback, useMemo, useState, type ErrorInfo, type ReactNode } from "react";
import type { ReportResult } from "../domain/evaluate";
import { IssueList } from "./components/IssueList";
import { ProgramCards } from "./components/ProgramCards";
import { RulesDialog } from "./components/RulesDialog";
import { ReconcilePanel } from "./components/ReconcilePanel";
import { Toolbar, type BusyState, type PaneAction } from "./components/Toolbar";
import { AddRows } from "./components/AddRows";
import { describeError, type ReadableError } from "./errors";
import { summarize, type IssueSummary, type GrowableTable, type LocatedIssue, type PaneOperations, type ProgressStage, type ReconciledFigure, type SettingsChange } from "./operations";
import { changesBetween, draftOf, isEmptyChange, parseDraft, rateSourceText, type PaneSettings, type SettingsDraft } from "./settings-form";
import type { Strings } from "./strings";
import type { PortfolioOperations } from "./portfolio-operations";

/*
 * Rarely used panels are split into their own chunks. tsc's "nodenext" takes an import() in this CommonJS-format file
 * for an ES import that needs a ".js" extension, which neither webpack (no extensionAlias) nor jest maps back to .tsx:
 * the specifier is widened to `string` for tsc only (swc strips the assertion, so webpack still sees a literal and
 * splits the chunk) and the module's type comes from the type query.
 */
type SettingsPanelModule = typeof import("./components/SettingsPanel");
type OutsideOfficeModule = typeof import("./components/OutsideOffice");
type AfterFilingPanelModule = typeof import("./components/AfterFilingPanel");
const AfterFilingPanel = lazy(() => import("./components/AfterFilingPanel" as string) as Promise<AfterFilingPanelModule>);
const SettingsPanel = lazy(() => import("./components/SettingsPanel" as string) as Promise<SettingsPanelModule>);
const OutsideOffice = lazy(() => import("./components/OutsideOffice" as string) as Promise<OutsideOfficeModule>);
type PortfolioPanelModule = typeof import("./components/PortfolioPanel");
const PortfolioPanel = lazy(() => (import("./components/PortfolioPanel" as string) as Promise<PortfolioPanelModule>).then((m) => ({ default: m.PortfolioPanel })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sectionTitle: { margin: 0 },
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
});

/** Provider, theme and page frame shared by every state of the pane (loading, Excel, outside Office). */
export function Shell({ strings, theme = webLightTheme, children }: { strings: Strings; theme?: Theme; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} lang={strings.locale}>
      <main className={styles.root}>
        <Title2 as="h1" className={styles.title}>
          {strings.appTitle}
        </Title2>
        <PaneErrorBoundary strings={strings}>{children}</PaneErrorBoundary>
      </main>
    </FluentProvider>
  );
}

/** A render error becomes a readable message instead of a blank pane. */
class PaneErrorBoundary extends Component<{ strings: Strings; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn("RAOCE pane render error", error, info.componentStack);
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    const e = describeError(this.state.error, this.props.strings);
    return <ErrorBar strings={this.props.strings} error={e} onDismiss={() => this.setState({ error: null })} />;
  }
}

function ErrorBar({ strings, error, onDismiss }: { strings: Strings; error: ReadableError; onDismiss(): void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
        {error.message}
        {error.detail && <small className={styles.detail}>{error.detail}</small>}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" onClick={onDismiss}>
          {strings.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function Loading({ strings }: { strings: Strings }) {
  return (
    <div role="status">
      <Body1>{strings.loading}</Body1>
      <ProgressBar aria-label={strings.loading} />
    </div>
  );
}

/** The explanatory state outside Office (a plain browser or another host). */
export function OutsideOfficeState({ strings }: { strings: Strings }) {
  return (
    <Suspense fallback={<Loading strings={strings} />}>
      <OutsideOffice strings={strings} />
    </Suspense>
  );
}

interface Notice {
  intent: "success" | "warning" | "info";
  title?: string;
  text: string;
}

interface SettingsState {
  saved: PaneSettings;
  draft: SettingsDraft;
  justSaved: boolean;
}

export interface AppProps {
  operations: PaneOperations;
  strings: Strings;
  /** The portfolio section (new filing year, Cartera sheet, reminders); absent, the section is not shown. */
  portfolio?: PortfolioOperations;
}

export function App({ operations, strings, portfolio }: AppProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<BusyState | null>(null);
  const [error, setError] = useState<ReadableError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<LocatedIssue[] | null>(null);
  const [result, setResult] = useState<ReportResult | null>(null);
  const [reconciled, setReconciled] = useState<ReconciledFigure[] | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settings, setSettings] = useState<SettingsState | null>(null);
  const [afterFilingOpen, setAfterFilingOpen] = useState(false);

  const parsed = useMemo(() => (settings ? parseDraft(settings.draft, strings) : null), [settings, strings]);
  const change: SettingsChange | "invalid" = useMemo(() => {
    if (!settings || !parsed) return {};
    if (!parsed.value) return "invalid";
    return changesBetween(settings.saved, parsed.value);
  }, [settings, parsed]);
  const dirty = change === "invalid" || !isEmptyChange(change);

  const stageLabel = useCallback(
    (stage: ProgressStage): string =>
      ({ saving: strings.busySavingSettings, reading: strings.busyReading, validating: strings.busyValidating, writing: strings.busyWriting, inserting: strings.busyInserting, addingRows: strings.busyAddingRows })[stage],
    [strings],
  );

  /** Runs one action: progress while it runs, any failure as a readable message, never an unhandled rejection. */
  const run = useCallback(
    async (action: PaneAction, first: ProgressStage, work: (onStage: (s: ProgressStage) => void) => Promise<void>) => {
      setBusy({ action, label: stageLabel(first) });
      setError(null);
      setNotice(null);
      try {
        await work((s) => setBusy({ action, label: stageLabel(s) }));
      } catch (e) {
        setError(describeError(e, strings));
      } finally {
        setBusy(null);
      }
    },
    [stageLabel, strings],
  );

  /** After the workbook was read, the pane's copy of the settings follows it (unless the user is mid-edit). */
  const syncSettings = (stored: PaneSettings, applied: boolean) => {
    setSettings((prev) => {
      if (prev && !applied && dirty) return { ...prev, saved: stored };
      return { saved: stored, draft: draftOf(stored), justSaved: applied };
    });
  };

  const pendingChange = (): SettingsChange | undefined | "invalid" => {
    if (change === "invalid") return "invalid";
    return isEmptyChange(change) ? undefined : change;
  };

  const blockedBySettings = () => {
    setError(null);
    setNotice({ intent: "warning", text: strings.settingsFixFirst });
    setSettingsOpen(true);
  };

  const onInsert = () =>
    run("insert", "inserting", async () => {
      const outcome = await operations.insertTemplate();
      if (outcome.status === "inserted") setNotice({ intent: "success", text: strings.templateInserted(outcome.sheets.length) });
      else if (outcome.status === "present") setNotice({ intent: "info", text: strings.templateAlreadyThere });
      else setNotice({ intent: "warning", title: strings.templateClashTitle, text: strings.templateClash(outcome.sheets.join(", ")) });
      if (outcome.status === "inserted") {
        // The new template's settings are empty: show them if the panel is open, else read them when it opens.
        setSettings(null);
        if (settingsOpen) {
          const stored = await operations.readSettings();
          setSettings({ saved: stored, draft: draftOf(stored), justSaved: false });
        }
      }
    });

  const onValidate = () => {
    const pending = pendingChange();
    if (pending === "invalid") return blockedBySettings();
    void run("validate", pending ? "saving" : "reading", async (onStage) => {
      const outcome = await operations.validate(pending, onStage);
      setIssues(outcome.issues);
      setResult(null);
      syncSettings(outcome.settings, pending !== undefined);
    });
  };

  const onCalculate = () => {
    const pending = pendingChange();
    if (pending === "invalid") return blockedBySettings();
    void run("calculate", pending ? "saving" : "reading", async (onStage) => {
      const outcome = await operations.calculateAndWrite(pending, onStage);
      setIssues(outcome.issues);
      setResult(outcome.result);
      syncSettings(outcome.settings, pending !== undefined);
      setNotice(
        outcome.summary.errors > 0
          ? { intent: "warning", title: strings.writeBlockedTitle, text: strings.writeBlocked(outcome.summary.errors) }
          : { intent: "success", text: strings.writeDone(outcome.cellsWritten) },
      );
    });
  };

  const onReconcile = () =>
    void run("reconcile", "reading", async (onStage) => {
      const outcome = await operations.reconcile!(onStage);
      if (outcome.status === "empty-list") return setNotice({ intent: "info", text: strings.reconcileEmpty });
      if (outcome.status === "no-sheet") return setNotice({ intent: "warning", text: strings.reconcileNoSheet });
      setReconciled(outcome.figures);
      setIssues(outcome.issues);
      setNotice({ intent: "success", text: strings.reconcileDone(outcome.pedimentos) });
    });

  const reloadSettings = () =>
    void run("settings", "reading", async () => {
      const stored = await operations.readSettings();
      setSettings({ saved: stored, draft: draftOf(stored), justSaved: false });
    });

  const onToggleSettings = () => {
    const open = !settingsOpen;
    setSettingsOpen(open);
    if (open && !settings) reloadSettings();
  };

  const onSaveSettings = () => {
    const pending = pendingChange();
    if (pending === "invalid") return blockedBySettings();
    if (!pending) return;
    void run("settings", "saving", async () => {
      const stored = await operations.writeSettings(pending);
      setSettings({ saved: stored, draft: draftOf(stored), justSaved: true });
    });
  };

  const onAddRows = (table: GrowableTable, rows: number) =>
    void run("addRows", "addingRows", async () => {
      const r = await operations.addRows(table, rows);
      setNotice({ intent: "success", text: strings.rowsAdded(r.added, r.table, r.rows) });
    });

  const onSelect = (location: string) => {
    operations.selectCell(location).catch((e: unknown) => setError(describeError(e, strings)));
  };

  const summary = issues ? summaryText(strings, summarize(issues)) : null;

  return (
    <>
      <Toolbar
        strings={strings}
        busy={busy}
        settingsOpen={settingsOpen}
        onInsert={() => void onInsert()}
        onValidate={onValidate}
        onCalculate={onCalculate}
        onToggleSettings={onToggleSettings}
        onReconcile={operations.reconcile ? onReconcile : undefined}
        afterFilingOpen={afterFilingOpen}
        {...(operations.markFiled ? { onToggleAfterFiling: () => setAfterFilingOpen(!afterFilingOpen) } : {})}
      />
      <AddRows strings={strings} disabled={busy !== null} onAdd={onAddRows} />
      <RulesDialog strings={strings} />
      {afterFilingOpen && (
        <Suspense fallback={<Loading strings={strings} />}>
          <AfterFilingPanel strings={strings} operations={operations} onIssues={setIssues} />
        </Suspense>
      )}
      {error && <ErrorBar strings={strings} error={error} onDismiss={() => setError(null)} />}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => setNotice(null)}>
              {strings.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {settingsOpen && (
        <Suspense fallback={<Loading strings={strings} />}>
          {settings && parsed ? (
            <SettingsPanel
              strings={strings}
              draft={settings.draft}
              errors={parsed.errors}
              rateSource={rateSourceText(parsed.value?.filingYear ?? settings.saved.filingYear, parsed.value?.exchangeRate ?? null, strings)}
              dirty={dirty}
              busy={busy !== null}
              saved={settings.justSaved}
              onChange={(draft: SettingsDraft) => setSettings({ ...settings, draft, justSaved: false })}
              onSave={onSaveSettings}
            />
          ) : busy?.action === "settings" ? null : (
            <div className={styles.section}>
              <Body1>{strings.settingsLoadFailed}</Body1>
              <Button onClick={reloadSettings}>{strings.reloadSettings}</Button>
            </div>
          )}
        </Suspense>
      )}
      {result && (
        <section className={styles.section} aria-labelledby="programs-title">
          <Subtitle1 as="h2" id="programs-title" className={styles.sectionTitle}>
            {strings.programsTitle}
          </Subtitle1>
          <ProgramCards strings={strings} result={result} />
        </section>
      )}
      {reconciled && (
        <section className={styles.section} aria-labelledby="reconcile-title">
          <Subtitle1 as="h2" id="reconcile-title" className={styles.sectionTitle}>
            {strings.reconcileTitle}
          </Subtitle1>
          <ReconcilePanel strings={strings} figures={reconciled} />
        </section>
      )}
      {issues && (
        <section className={styles.section} aria-labelledby="issues-title">
          <Subtitle1 as="h2" id="issues-title" className={styles.sectionTitle}>
            {strings.issuesTitle}
          </Subtitle1>
          <Body1 role="status">{summary}</Body1>
          <IssueList strings={strings} issues={issues} onSelect={onSelect} />
        </section>
      )}
      {portfolio && (
        <Suspense fallback={null}>
          <PortfolioPanel strings={strings} operations={portfolio} disabled={busy !== null} />
        </Suspense>
      )}
    </>
  );
}

const summaryText = (strings: Strings, s: IssueSummary): string => strings.issueSummary(s.errors, s.warnings, s.infos);
