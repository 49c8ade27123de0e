// Types of messages.mjs.
export type SetupLanguage = 'en' | 'zh-CN';
export const MESSAGES: Record<SetupLanguage, Record<string, string>>;
export function pickLanguage(env?: Record<string, string | undefined>, fallback?: string): SetupLanguage;
export function translator(lang: SetupLanguage): (key: string, vars?: Record<string, string | number>) => string;
export function listItems(lang: SetupLanguage, items: string[]): string;
