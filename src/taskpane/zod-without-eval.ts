/**
 * The pane's CSP has no 'unsafe-eval'. zod 4 builds every object schema with a probe, `new Function("")`, to decide
 * whether to JIT-compile its parser: under the CSP the browser refuses it and reports a violation (zod then falls
 * back). Imported before any module that builds a schema, so the domain's schemas are interpreted from the start.
 */
import { config } from "zod";

config({ jitless: true });
