// The public portal's entry (public.html, served at /public/…): its own small bundle — React and
// the portal's pages, none of the console's antd —, for a citizen's phone on a slow network.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { locale } from './intl';
import './public.css';

document.documentElement.lang = locale;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
