import fs from 'node:fs';
import path from 'node:path';
import { WEB_OUT_DIR, buildWeb, webSourcesChangedAt } from '../../web/build';

/**
 * Builds dist-web/ when it is missing or older than web/, so that `npx jest`
 * tests the pages as they are in the working tree (npm start builds them
 * through `npm run build`).
 */
export async function ensureWebBuilt(): Promise<void> {
  const marker = path.join(WEB_OUT_DIR, 'explorer', 'index.html');
  const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
  if (builtAt < webSourcesChangedAt()) await buildWeb();
}
