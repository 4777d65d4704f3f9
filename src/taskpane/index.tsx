/**
 * Task pane entry. It is loaded after the functions and commands chunks (see webpack.config.js), so custom functions
 * are registered before any UI renders; the page is also loaded headless by the shared runtime.
 */
import { boot } from "./boot";

const container = document.getElementById("root");
if (container) boot(container, { office: typeof Office === "undefined" ? undefined : Office });
