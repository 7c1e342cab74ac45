/// <reference lib="dom" />
import { launchTestBrowser, type TestBrowser } from '../harness/browser';
import { startTestApp, type TestApp } from '../harness/testApp';
import { ensureWebBuilt } from '../harness/webPages';

/** GraphiQL as a person opens it: served by the API, offline, with the example operations loaded. */
describe('GraphiQL at GET /graphql', () => {
  let t: TestApp;
  let browser: TestBrowser;
  beforeAll(async () => {
    await ensureWebBuilt();
    t = await startTestApp();
    browser = await launchTestBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('loads from the API alone and runs the first example (who proposed what to whom)', async () => {
    const { page } = browser;
    const response = await page.goto(t.url, { waitUntil: 'networkidle0' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/text\/html/);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    const tabs = await page.$$eval('.graphiql-tab', (elements) => elements.length);
    expect(tabs).toBe(5);
    await page.click('.graphiql-execute-button');
    // Monaco draws spaces as no-break spaces.
    const resultText = () => document.querySelector('.result-window')?.textContent?.replace(/\u00a0/g, ' ') ?? '';
    await page.waitForFunction(`(${resultText})().includes('Steve Witkoff')`, { timeout: 30_000 });
    const result = await page.evaluate(resultText);
    expect(result).toContain('"proposals"');
    expect(result).not.toContain('"errors"');
    await browser.screenshot('graphiql');
    expect(browser.blocked).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('leaves operations and CSRF protection to Apollo', async () => {
    // A browser-style GET with an operation but no preflight-forcing header is refused by Apollo's CSRF prevention.
    const get = await fetch(`${t.url}?query=${encodeURIComponent('{ serverInfo { version } }')}`, { headers: { accept: 'text/html' } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/i);
    // A simple form-encoded POST (what a hostile page can send without a preflight) is refused too.
    const post = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ serverInfo { version } }"}' });
    expect(post.status).toBe(400);
    // A JSON POST goes through.
    expect((await t.post('{ serverInfo { version } }')).body.data?.serverInfo.version).toBeTruthy();
  });

  it('is off with GRAPHIQL=false: the browser gets Apollo answer instead', async () => {
    const off = await startTestApp({ GRAPHIQL: 'false' });
    try {
      const response = await fetch(off.url, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect((await fetch(new URL('/graphiql/assets/graphiql.js', off.url))).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
