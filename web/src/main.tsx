import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Placeholder shell until the web application issue lands: it tells the
 * visitor the server is up and where the API description lives.
 */
function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>后勤 Houqin</h1>
      <p>
        服务已启动。接口文档见 <a href="/api/docs">/api/docs</a>。
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
