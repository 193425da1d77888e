// Base styles first, so a feature's own stylesheet (imported through App) can build on them.
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/tables.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import { PrintApp } from './app/PrintApp';

/** `#print`: the print route the main process's print engine loads (src-main/print/engine.ts); documents print in Swedish. */
const printing = window.location.hash === '#print';
initI18n(printing ? 'sv' : undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    {printing ? <PrintApp /> : <App />}
  </StrictMode>,
);
