import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { Providers } from './Providers.js';
import { SessionProvider } from './session.js';
import './global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <Providers>
          <App />
        </Providers>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
