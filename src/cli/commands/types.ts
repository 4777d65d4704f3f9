export interface CommandResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}
