import { useEffect } from 'react';
import type { Settings } from '../../preload/contract/schemas';

type Theme = Settings['theme'];
const CACHE_KEY = 'proxydeck.theme';
const media = () => window.matchMedia?.('(prefers-color-scheme: dark)');

function resolve(theme: Theme): 'light' | 'dark' {
  if (theme === 'system') return media()?.matches ? 'dark' : 'light';
  return theme;
}

/** Sets data-theme (light|dark) and data-theme-setting on <html>. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = resolve(theme);
  root.dataset.themeSetting = theme;
}

/** Applies the last used theme before the first render, to avoid a flash of the wrong colours. */
export function applyCachedTheme(): void {
  let cached: string | null = null;
  try {
    cached = localStorage.getItem(CACHE_KEY);
  } catch {
    // storage unavailable
  }
  applyTheme(cached === 'light' || cached === 'dark' ? cached : 'system');
}

/** Applies the theme and, for "system", follows prefers-color-scheme while it is selected. */
export function useTheme(theme: Theme): void {
  useEffect(() => {
    applyTheme(theme);
    try {
      localStorage.setItem(CACHE_KEY, theme);
    } catch {
      // storage unavailable
    }
    if (theme !== 'system') return;
    const query = media();
    if (!query) return;
    const onChange = () => applyTheme('system');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [theme]);
}
