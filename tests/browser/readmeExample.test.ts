/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { launchTestBrowser, type TestBrowser } from '../harness/browser';
import { startTestApp, type TestApp } from '../harness/testApp';

const root = path.join(__dirname, '..', '..');
/** The address the README's example calls; the test browser sends it to the test server instead. */
const README_API = 'http://127.0.0.1:4000';

/** The README's Cytoscape.js example, exactly as written there. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Exploring the graph'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no js block under "Exploring the graph"');
  return match[1]!;
}

describe("the README's Cytoscape.js example", () => {
  let t: TestApp;
  let browser: TestBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchTestBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("builds with esbuild as written and draws Witkoff's neighbourhood in Chromium", async () => {
    const bundle = await build({ stdin: { contents: readmeExample(), resolveDir: root, loader: 'js' }, bundle: true, write: false, logLevel: 'silent' });
    expect(bundle.errors).toEqual([]);
    const script = bundle.outputFiles[0]!.text;
    const html =
      '<!doctype html><meta charset="utf-8"><div id="graph" style="height: 600px"></div><pre id="evidence"></pre><script src="/example.js"></script>';

    const { page } = browser;
    const apiCalls: string[] = [];
    // Serves the page at the README's address and forwards its API calls to the test server (priority over plain loopback).
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== README_API) return;
      if (url.pathname === '/example.html') return void request.respond({ status: 200, contentType: 'text/html', body: html }, 1);
      if (url.pathname === '/example.js') return void request.respond({ status: 200, contentType: 'text/javascript', body: script }, 1);
      apiCalls.push(request.postData() ?? '');
      return void request.continue({ url: t.url }, 1);
    });
    await page.goto(`${README_API}/example.html`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#graph canvas', { timeout: 15_000 });
    expect(apiCalls.some((body) => body.includes('query Witkoff'))).toBe(true);
    expect(await page.$eval('#evidence', (element) => element.textContent)).toBe('');
    await browser.screenshot('readme-example');
    expect(browser.problems).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });
});
