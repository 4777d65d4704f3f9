export const SPANISH_NAMES: Readonly<Record<string, string>>;
export const SPANISH_LOCALES: readonly string[];
export const LOCALIZED_FILE: string;
export function localizeMetadata<T extends { functions: { id: string; name: string }[] }>(metadata: T, names?: Readonly<Record<string, string>>): T;
export class LocalizedFunctionsPlugin {
  apply(compiler: unknown): void;
}
