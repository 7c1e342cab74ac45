#!/usr/bin/env node
'use strict';
/**
 * Compiles src/ to dist/ with esbuild, and only when a source changed since
 * the last build: `npm start`, `npm run seed` and the command lines run this
 * first, so they start at once instead of waiting ~25 s for tsc every time.
 *
 * Each entry point (src/main.ts, src/cli/*.ts) becomes one CommonJS file
 * holding all of its own modules; packages stay in node_modules. Compiled
 * one file per module, every use of a name imported through a folder's
 * index.ts was two getter calls (CommonJS re-exports); bundled, they are
 * plain variables, and the reads of bench:limit took 1-7 % less of the
 * main thread per request (two alternated runs of both builds). esbuild
 * only strips types; type errors are `npm run typecheck`'s job, which CI
 * runs. Plain JavaScript on purpose: it must run before anything is
 * compiled.
 *
 * Usage: node scripts/build.js [--force]
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'src');
const distDir = path.join(root, 'dist');
const stampFile = path.join(distDir, '.build-stamp');

/** What runs as a program: the service and its command lines; everything else is bundled into them. */
const entryPoints = () => [path.join(srcDir, 'main.ts'), ...sources(path.join(srcDir, 'cli'))];

/** Every .ts file under dir, sorted so the fingerprint does not depend on readdir order. */
function sources(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found.sort();
}

/**
 * A digest of every source's path, size and modification time, plus this
 * script and the esbuild version: cheap to compute (a stat per file), and it
 * changes when a file is edited, added or removed.
 */
function fingerprint(files, esbuildVersion) {
  const hash = crypto.createHash('sha256').update(esbuildVersion);
  for (const file of [__filename, path.join(root, 'tsconfig.json'), ...files]) {
    const { size, mtimeMs } = fs.statSync(file);
    hash.update(`${path.relative(root, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function main() {
  const force = process.argv.includes('--force');
  const esbuild = require('esbuild');
  const files = sources(srcDir);
  const stamp = fingerprint(files, esbuild.version);
  if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;

  const started = performance.now();
  // A full rebuild into a clean folder: a removed source leaves no stale .js behind.
  fs.rmSync(distDir, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: entryPoints(),
    bundle: true,
    packages: 'external',
    outdir: distDir,
    outbase: srcDir,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(stampFile, stamp);
  process.stderr.write(`bundled ${files.length} files into dist/ in ${Math.round(performance.now() - started)} ms\n`);
}

try {
  main();
} catch (error) {
  // esbuild has already printed its syntax errors with file and line; the stack adds nothing.
  if (!(error && Array.isArray(error.errors))) process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
}
