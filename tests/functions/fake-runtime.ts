/**
 * The part of Excel's custom-functions runtime our functions use (`CustomFunctions.associate`, `Error`, `ErrorCode`),
 * installed as a global before src/functions/functions.ts loads, so tests call every id through the same registration
 * map the runtime uses.
 */
import path from "node:path";
import type * as FunctionsModule from "../../src/functions/functions";

export type Fn = (...args: unknown[]) => unknown;

export class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A" } as const;

export const FUNCTIONS_MODULE = path.resolve(__dirname, "../../src/functions/functions");

/** Installs the fake global, loads the functions module and returns it with what it registered. */
export async function loadWithFakeRuntime(associate: (id: string, fn: Fn) => void) {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { associate, Error: FakeError, ErrorCode };
  return (await import(FUNCTIONS_MODULE)) as typeof FunctionsModule;
}

export function removeFakeRuntime(): void {
  delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions;
}
