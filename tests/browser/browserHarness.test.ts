/// <reference lib="dom" />
import fs from 'node:fs';
import { isLoopbackUrl, launchTestBrowser, type TestBrowser } from '../harness/browser';

describe('the test browser', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchTestBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('tells loopback URLs from the rest', () => {
    expect(isLoopbackUrl('http://127.0.0.1:4120/graphql')).toBe(true);
    expect(isLoopbackUrl('http://localhost:9/x')).toBe(true);
    expect(isLoopbackUrl('https://cdn.jsdelivr.net/npm/graphiql')).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.example.com/')).toBe(false);
  });

  it('refuses every request outside loopback before it leaves the machine, and takes screenshots', async () => {
    await browser.page.setContent('<h1>offline</h1><img src="https://example.com/pixel.png">');
    // A script's request is refused too (no navigation, so the page stays as it is).
    const fetched = await browser.page.evaluate(() =>
      fetch('https://example.com/data.json').then(
        () => 'loaded',
        (error: Error) => error.name,
      ),
    );
    expect(fetched).toBe('TypeError');
    expect(browser.blocked).toEqual(expect.arrayContaining(['https://example.com/pixel.png', 'https://example.com/data.json']));
    browser.problems.length = 0; // the refusals themselves are logged as console errors
    const file = await browser.screenshot('browser-harness');
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });
});
