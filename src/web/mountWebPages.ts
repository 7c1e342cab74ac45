import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Config } from '../config';
import type { Logger } from '../server/logger';

/** The bundles of one page: its folder under WEB_DIR and the URL its assets are served from. */
interface Page {
  name: 'graphiql' | 'explorer';
  dir: string;
}

/**
 * True for a browser opening the URL (it prefers HTML to JSON) rather than a
 * GraphQL client: a GET that carries an operation (`?query=`) always goes to
 * Apollo, so GraphiQL never hides a real GET request.
 */
function wantsPage(req: express.Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * Serves the pages for people, bundled by web/build.ts into WEB_DIR:
 * GraphiQL on GET /graphql for browsers (GRAPHIQL), the explorer on
 * /explorer (EXPLORER), their assets under /graphiql/assets and
 * /explorer/assets, and `/` sends a browser to one of them. Every byte
 * comes from this server, so the pages work offline. Must be mounted
 * before Apollo's middleware.
 */
export function mountWebPages(app: express.Express, config: Config['web'], logger: Logger): void {
  const pages: Page[] = [];
  if (config.graphiql) pages.push({ name: 'graphiql', dir: path.join(config.dir, 'graphiql') });
  if (config.explorer) pages.push({ name: 'explorer', dir: path.join(config.dir, 'explorer') });
  for (const page of pages) {
    if (!fs.existsSync(path.join(page.dir, 'index.html'))) {
      logger.warn({ dir: page.dir }, `the ${page.name} page is not built: run npm run build:web`);
    }
    // Bundles are rebuilt in place by `npm run build:web`, so they are revalidated rather than cached for good.
    app.use(`/${page.name}/assets`, express.static(page.dir, { index: false, fallthrough: false, maxAge: 0 }));
  }

  const sendPage = (page: Page) => (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (page.name === 'graphiql' && !wantsPage(req)) return next();
    const file = path.join(page.dir, 'index.html');
    if (!fs.existsSync(file)) {
      res.status(503).type('text/plain').send(`The ${page.name} page is not built. Run: npm run build:web\n`);
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(file);
  };
  for (const page of pages) app.get(page.name === 'graphiql' ? '/graphql' : '/explorer', sendPage(page));

  const home = config.explorer ? '/explorer' : config.graphiql ? '/graphql' : null;
  if (home) {
    app.get('/', (req, res, next) => (req.accepts(['application/json', 'text/html']) === 'text/html' ? res.redirect(302, home) : next()));
  }
}
