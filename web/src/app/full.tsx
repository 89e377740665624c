import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import './first-styles.css';
import './global.css';
import { App } from './App';

/**
 * The whole app (Mantine, the router, the query cache, every screen), loaded by main.tsx once
 * someone is signed in (or when the session cannot be known: no signal, the offline copy).
 */
export function mountFullApp(root: Root) {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
