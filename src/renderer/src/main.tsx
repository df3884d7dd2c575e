// First, before React: modules run in the order they are imported, and this one sends the
// first screen's requests, which then travel while React's 200 KB are evaluated.
import { firstScreen } from './firstData';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { needsToken } from './api';
import { NoAccess } from './views/NoAccess';
import './fonts.css';
import './styles.css';

// The first render waits (200 ms at most) for the library's newest rows, asked for as the
// script started: the window is then drawn once with its rows, not empty and again a moment later.
void firstScreen(200).then(() => createRoot(document.getElementById('root')!).render(<StrictMode>{needsToken ? <NoAccess /> : <App />}</StrictMode>));
