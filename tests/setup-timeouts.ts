/**
 * The jsdom tests wait for the pane with Testing Library's `findBy…`/`waitFor`, whose default is 1 s: on a loaded
 * 2-core machine a lazily loaded panel can take longer to appear, and the test failed for no fault of the pane. The
 * wait is raised (still far below jest's own timeout); a test that waits for something that never comes still fails.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only in jsdom environments
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 15_000 });
}
