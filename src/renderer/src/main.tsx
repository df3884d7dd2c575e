import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { needsToken } from './api';
import { NoAccess } from './views/NoAccess';
import './fonts.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(<StrictMode>{needsToken ? <NoAccess /> : <App />}</StrictMode>);
