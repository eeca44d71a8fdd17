// Headless Chromium from the system's packages, driven by playwright-core (which never downloads a browser).
// Without a browser the tests skip with one line, unless LIVEDIFF_BROWSER_REQUIRED=1 (CI) makes that a failure.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** LIVEDIFF_CHROMIUM names the browser to use (and only it); else Debian's and other usual places. */
const CANDIDATES = process.env.LIVEDIFF_CHROMIUM ? [process.env.LIVEDIFF_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const executablePath = CANDIDATES.find((p) => existsSync(p));
export const required = process.env.LIVEDIFF_BROWSER_REQUIRED === '1';

if (!executablePath) {
  if (required) throw new Error('LIVEDIFF_BROWSER_REQUIRED=1 but no Chromium found (apt-get install -y chromium, or set LIVEDIFF_CHROMIUM)');
  console.warn(`browser tests skipped: no Chromium at ${CANDIDATES.join(', ')} (set LIVEDIFF_BROWSER_REQUIRED=1 to fail instead)`);
}

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Screenshots the tests take for people to look at; git-ignored (docs/img holds the two the README shows). */
export const SHOTS = join(import.meta.dirname, '..', '..', '.screenshots');

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser with its own profile folder, removed on close. */
export async function launch(colorScheme: 'light' | 'dark' = 'light'): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'livediff-chromium-'));
  mkdirSync(SHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: ARGS,
    headless: true,
    colorScheme,
    viewport: { width: 1100, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that it must not: requests beyond the document itself, console errors, page errors. */
export interface Watch {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

export function watch(page: Page, documentUrl: string): Watch {
  const w: Watch = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => {
    if (r.url() !== documentUrl) w.requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
