/**
 * The part of the CustomFunctions runtime API (CustomFunctionsRuntime 1.1, provided by office.js in the shared
 * runtime) that src/functions uses. @types/custom-functions-runtime is not among the project's dependencies; this
 * mirrors its declarations for associate, Error and ErrorCode only.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors the upstream declarations */
declare namespace CustomFunctions {
  /** Maps a function id of functions.json to its implementation. */
  function associate(id: string, functionObject: (...args: any[]) => any): void;
  function associate(mappings: { [key: string]: (...args: any[]) => any }): void;

  /** Thrown (or returned) by a custom function to show an Excel error value with a tooltip message. */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
}
