/**
 * GraphiQL as the API serves it at GET /graphql: every script, style and
 * Monaco worker comes from this server (web/build.ts bundles them), so it
 * works offline and behind proxies. Requests go to the same origin with a
 * JSON content type, which Apollo's CSRF prevention accepts.
 */
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples';

// Monaco asks for a worker per language; each is a bundle of its own beside this one.
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(`/graphiql/assets/${name}.worker.js`);
  },
};

// graphql 16 has no incremental delivery (@defer), so plain JSON requests are all the API answers.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString(), enableIncrementalDelivery: false });

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={EXAMPLES}
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
    defaultEditorToolsVisibility="variables"
  />,
);
