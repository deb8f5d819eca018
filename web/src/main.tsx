import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { client } from './graphql';
import { Health } from './Health';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <header className="banner">
        <h1>
          つなぐ <span lang="en">Tsunagu</span>
        </h1>
        <p>
          通訳・翻訳ボランティア派遣 / <span lang="en">Volunteer interpreter and translator dispatch</span>
        </p>
      </header>
      <main>
        <Health />
      </main>
    </Provider>
  </StrictMode>,
);
