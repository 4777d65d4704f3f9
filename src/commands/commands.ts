/**
 * Ribbon actions (FunctionFile = the shared runtime's taskpane.html). Registered at module top level, like the
 * custom functions, so they exist before any UI renders.
 */

/** Opens the task pane (SharedRuntime 1.1). Action id "showTaskpane" is frozen once released. */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("showTaskpane", showTaskpane);
}
