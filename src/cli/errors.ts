/** A problem with the invocation or an unusable input file: exit code 2 with one Spanish line on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT = { ok: 0, inputErrors: 1, unusable: 2 } as const;
