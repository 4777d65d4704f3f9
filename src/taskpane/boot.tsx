/**
 * Starts the pane in a container: loading (until Office.onReady) → the pane (host Excel) or an explanatory page (a
 * plain browser, another host, or office.js that never answered). Never a blank pane.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { App, Loading, OutsideOfficeState, Shell } from "./App";
import { createExcelOperations, type PaneOperations } from "./operations";
import { createPortfolioOperations } from "./portfolio-lazy";
import { ES, loadStrings, type Strings } from "./strings";
import { loadTheme } from "./theme";

/** office.js outside Office resolves onReady within a second; past this the page explains itself instead of spinning. */
export const READY_TIMEOUT_MS = 10_000;

/** The subset of the `Office` global the entry point reads. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

export interface BootOptions {
  /** The `Office` global, or undefined when office.js did not load. */
  office: OfficeLike | undefined;
  /** Injected by tests; default: the real Excel operations. */
  operations?: () => PaneOperations;
  browserLanguage?: string;
  timeoutMs?: number;
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read() ?? fallback;
  } catch {
    return fallback;
  }
}

/** A chunk that fails to load (offline, blocked) must not leave the pane blank: fall back to Spanish / light. */
const orFallback = <T,>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);

export function boot(container: Element, options: BootOptions): Root {
  const { office, operations = createExcelOperations, browserLanguage = navigator.language, timeoutMs = READY_TIMEOUT_MS } = options;
  const root = createRoot(container);
  let settled = false;
  const outside = async () => {
    const strings: Strings = await orFallback(loadStrings(browserLanguage), ES);
    root.render(
      <Shell strings={strings}>
        <OutsideOfficeState strings={strings} />
      </Shell>,
    );
  };
  const excel = async () => {
    const [strings, theme] = await Promise.all([
      orFallback(loadStrings(safe(() => office?.context?.displayLanguage, browserLanguage)), ES),
      orFallback<Theme>(loadTheme(safe(() => office?.context?.officeTheme ?? null, null)), webLightTheme),
    ]);
    root.render(
      <Shell strings={strings} theme={theme}>
        <App operations={operations()} strings={strings} portfolio={createPortfolioOperations()} />
      </Shell>,
    );
  };
  root.render(
    <Shell strings={ES}>
      <Loading strings={ES} />
    </Shell>,
  );
  if (!office) {
    // office.js did not load (blocked, offline): say so instead of waiting forever.
    void outside();
    return root;
  }
  const timer = setTimeout(() => {
    if (!settled) void outside();
  }, timeoutMs);
  office.onReady().then(
    (info) => {
      settled = true;
      clearTimeout(timer);
      // Outside Office, onReady resolves with host null.
      void (info.host === office.HostType.Excel ? excel() : outside());
    },
    () => {
      settled = true;
      clearTimeout(timer);
      void outside();
    },
  );
  return root;
}
