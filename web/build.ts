/**
 * Bundles the pages the API serves to browsers (GraphiQL at GET /graphql,
 * the explorer at /explorer) from npm packages into dist-web/, so the API
 * serves every byte itself: no CDN, and the pages work with the network off.
 * Run by `npm run build:web` (part of `npm run build`); `npm start` runs it
 * with --if-stale, which skips the bundling when nothing under web/ changed
 * since the last one; the browser tests call buildWeb() when the output is
 * older than its sources. Its own folder, not dist/: scripts/build.js
 * empties dist/ whenever src/ changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = path.join(__dirname, '..');
/** Where the bundles go; src/web serves this folder. */
export const WEB_OUT_DIR = path.join(root, 'dist-web');

const common: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ['chrome110', 'firefox110', 'safari16'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  logLevel: 'warning',
};

/** The Monaco workers GraphiQL 5 needs, one classic-script bundle each (named by the label Monaco asks for). */
const MONACO_WORKERS: Record<string, string> = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

/** Builds GraphiQL, its workers and the explorer into dist-web/; returns the folder. */
export async function buildWeb(): Promise<string> {
  fs.rmSync(WEB_OUT_DIR, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: { graphiql: path.join(root, 'web', 'graphiql', 'main.tsx') },
      outdir: path.join(WEB_OUT_DIR, 'graphiql'),
      format: 'iife',
      jsx: 'automatic',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(Object.entries(MONACO_WORKERS).map(([label, entry]) => [`${label}.worker`, require.resolve(entry)])),
      outdir: path.join(WEB_OUT_DIR, 'graphiql'),
      format: 'iife',
    }),
    build({
      ...common,
      entryPoints: { explorer: path.join(root, 'web', 'explorer', 'main.ts'), 'explorer-style': path.join(root, 'web', 'explorer', 'explorer.css') },
      outdir: path.join(WEB_OUT_DIR, 'explorer'),
      format: 'iife',
    }),
  ]);
  for (const page of ['graphiql', 'explorer']) {
    fs.copyFileSync(path.join(root, 'web', page, 'index.html'), path.join(WEB_OUT_DIR, page, 'index.html'));
  }
  fs.writeFileSync(path.join(WEB_OUT_DIR, '.build-stamp'), new Date().toISOString());
  return WEB_OUT_DIR;
}

/** The newest modification time of the web sources, to tell whether dist-web/ is stale. */
export function webSourcesChangedAt(dir = path.join(root, 'web')): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? webSourcesChangedAt(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist-web holds a bundle at least as new as every web source. */
function webOutputIsCurrent(): boolean {
  const stamp = path.join(WEB_OUT_DIR, '.build-stamp');
  return fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= webSourcesChangedAt();
}

if (require.main === module) {
  if (process.argv.includes('--if-stale') && webOutputIsCurrent()) process.exit(0);
  const started = Date.now();
  buildWeb().then(
    (out) => console.log(`web pages built into ${path.relative(root, out)} in ${Date.now() - started} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
