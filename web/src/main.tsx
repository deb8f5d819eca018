import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LocaleProvider } from './i18n';
import { ClientProvider } from './session';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <LocaleProvider>
      <ClientProvider>
        <App />
      </ClientProvider>
    </LocaleProvider>
  </StrictMode>,
);
