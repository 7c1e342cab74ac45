import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Where screenshots of browser tests are kept (gitignored), for a person to look at after a run. */
export const ARTIFACTS_DIR = path.join(__dirname, '..', '..', 'test-artifacts');

/** A headless Chromium for tests, with one page that may only reach loopback. */
export interface TestBrowser {
  browser: Browser;
  page: Page;
  /** Console errors, page errors and failed loopback requests seen so far: a test expects none. */
  problems: string[];
  /** URLs the page tried to reach outside 127.0.0.1/localhost; all were refused. */
  blocked: string[];
  /** Saves a full-page PNG as test-artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The Chromium of @sparticuz/chromium: its path (the binary is unpacked into
 * the temp folder on first use) and the flags it needs. The package is ESM
 * only and Jest runs these tests as CommonJS, so a short Node process asks it.
 */
async function shippedChromium(): Promise<{ executablePath: string; args: string[] }> {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))";
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..', '..') });
  return JSON.parse(stdout) as { executablePath: string; args: string[] };
}

/** True for URLs a test page may load: loopback over HTTP(S), and inline data. */
export function isLoopbackUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}

/**
 * Launches the Chromium shipped in @sparticuz/chromium (unpacked into the
 * temp folder on first use, so `npm install` is all a machine needs) and
 * opens a page whose every request outside loopback is aborted: the pages
 * under test must work with the network off, and tests must never reach
 * another host.
 */
export async function launchTestBrowser(viewport = { width: 1400, height: 900 }): Promise<TestBrowser> {
  const { executablePath, args } = await shippedChromium();
  const browser = await puppeteer.launch({ executablePath, args, headless: true, defaultViewport: viewport });
  const page = await browser.newPage();
  const problems: string[] = [];
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (isLoopbackUrl(request.url())) return void request.continue(undefined, 0);
    blocked.push(request.url());
    void request.abort('blockedbyclient', 0);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => {
    if (isLoopbackUrl(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    browser,
    page,
    problems,
    blocked,
    async screenshot(name) {
      const file = path.join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
      return file;
    },
    close: () => browser.close(),
  };
}
