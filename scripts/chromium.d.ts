export const NAMES: string[];
export function findChromium(env?: NodeJS.ProcessEnv): { path: string; reason?: undefined } | { path: null; reason: string };
export function onPath(name: string, env?: NodeJS.ProcessEnv): string | null;
