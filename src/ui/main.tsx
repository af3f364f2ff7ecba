import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';
import { preloadWorkerScripts } from '../worker/workerScripts';
import { startOfflineSupport } from './offline';
import { startLanguage } from './language';

// Kept from the start, so workers started later never need the network (see workerScripts).
void preloadWorkerScripts();
startOfflineSupport();
startLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
