import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initApi } from './api';
import './i18n';
import { applyCachedTheme } from './lib/theme';

// Take the token out of the address bar before anything else runs.
initApi();
applyCachedTheme();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
