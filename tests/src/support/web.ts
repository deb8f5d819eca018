import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rootDir } from '@tsunagu/server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { type ApiProcess, eventually, freePort, graphql, spawnApi, temporaryDir } from './processes';

export const webDist = join(rootDir, 'web', 'dist');
export const artifactsDir = join(rootDir, 'tests', 'artifacts');
/** Debian's Chromium; `.ci/run` installs it when it is missing. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Builds web/dist unless it is newer than every source of the web app (`npm test` has just built it). */
export function ensureWebBuilt(): void {
  const built = join(webDist, 'index.html');
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((path) => newestMtime(join(rootDir, path)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  execFileSync('pnpm', ['--dir', 'web', 'build'], { cwd: rootDir, stdio: 'ignore' });
}

export interface FirstLoad {
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
}

const staticImport = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * The JavaScript a browser fetches before the app can start: index.html's module scripts and
 * modulepreload links, and whatever those import statically (dynamic imports are the lazy
 * portals, fetched later). Each file is gzipped as a server would send it.
 */
export function measureFirstLoad(distDir: string = webDist): FirstLoad {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const queue = tags.flatMap((tag) => {
    const isModule = /<script\b/.test(tag) && /type=["']module["']/.test(tag);
    const isPreload = /<link\b/.test(tag) && /rel=["']modulepreload["']/.test(tag);
    const url = /(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    return (isModule || isPreload) && url ? [join(distDir, url.replace(/^\//, ''))] : [];
  });
  const seen = new Set<string>();
  const files: FirstLoad['files'] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file);
    files.push({ file: file.slice(distDir.length + 1), gzipBytes: gzipSync(source, { level: 9 }).length });
    for (const match of source.toString('utf8').matchAll(staticImport)) {
      queue.push(resolve(dirname(file), match[1] as string));
    }
  }
  return { files, gzipBytes: files.reduce((sum, entry) => sum + entry.gzipBytes, 0) };
}

export interface WebApp {
  url: string;
  api: ApiProcess;
  stop(): Promise<void>;
}

/**
 * The real API process on the embedded default (PGlite and a Temporal dev server in a temporary
 * folder), which loads the demo population on its first start and serves web/dist.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const api = spawnApi({
    TSUNAGU_DATA_DIR: temporaryDir('web'),
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    ...env,
  });
  await eventually(
    'the API to answer',
    async () => {
      const { health } = await graphql<{ health: { database: string } }>(api.url, '{ health { database } }');
      if (health.database !== 'ok') throw new Error(`database: ${health.database}`);
    },
    api,
    // The first start loads the demo population: on a busy machine it takes minutes (useBrowser allows 240 s).
    200_000,
  );
  return {
    url: api.url,
    api,
    stop: async () => {
      api.child.kill('SIGINT');
      await api.exited;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not at ${chromiumPath}: install Debian's package (apt-get install chromium).`);
  }
  // The tests may run as root (CI), where Chromium refuses its sandbox.
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Where a test keeps what it saw (screenshots), for a person to look at after the run. */
export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
}

export type Role = 'requester' | 'volunteer' | 'coordinator' | 'admin';

/** The demo population's sign-ins (db/src/seed/demo.ts) and its shared password (services/server/src/demo.ts). */
export const demoPassword = 'tsunagu-demo';
export const emailOf = (role: Role) => `${role}@demo.example.jp`;

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 900 };

/** Signs in with the keyboard only, as a screen-reader or keyboard user would. */
export async function signIn(page: Page, url: string, role: Role): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForURL('**/sign-in');
  await page.getByRole('textbox', { name: /メールアドレス|E-mail address/ }).fill(emailOf(role));
  await page.keyboard.press('Tab');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/${role}`);
}

/**
 * A GraphQL call with the page's session, for what a test arranges beside the story (a policy, a
 * profile) or reads behind it (the mail catcher). Throws on errors, so that setup never fails quietly.
 */
export async function graphqlIn<Data>(
  page: Page,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  const response = await page.request.post(`${url}/graphql`, {
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: Data; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** The demo volunteer is free any day, all day, anywhere in Osaka: a candidate for the demo requester's requests. */
export async function freeAnyDay(volunteer: Page, url: string): Promise<void> {
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
  const profile = await graphqlIn<{ updateMyVolunteerProfile: { __typename: string } }>(
    volunteer,
    url,
    `mutation ($input: VolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { __typename } }`,
    {
      input: {
        availability: everyDay,
        daysOff: [],
        holidaysOff: false,
        regions: ['270008'],
        maxTravelKm: null,
        monthlyCap: null,
      },
    },
  );
  expect(profile.updateMyVolunteerProfile.__typename).toBe('MutationUpdateMyVolunteerProfileSuccess');
}

/** A coordinator approves a filed request, asking again while its workflow is still starting. */
export async function approveWhenReady(coordinator: Page, url: string, requestId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await graphqlIn<{ approveRequest: { __typename: string } }>(
            coordinator,
            url,
            'mutation ($id: ID!) { approveRequest(requestId: $id) { __typename } }',
            { id: requestId },
          )
        ).approveRequest.__typename,
      { timeout: 30_000 },
    )
    .toBe('MutationApproveRequestSuccess');
}

/**
 * The volunteer accepts the offer of the request that starts at `startsAt` (a volunteer sees no
 * request ids), waiting for it: the offers go out from the workflow, a moment after the approval.
 */
export async function acceptOfferStarting(volunteer: Page, url: string, startsAt: string): Promise<void> {
  let offer: { id: string } | undefined;
  for (let tries = 0; !offer && tries < 60; tries++) {
    const { myOffers } = await graphqlIn<{
      myOffers: { nodes: Array<{ id: string; request: { startsAt: string } }> };
    }>(volunteer, url, '{ myOffers(first: 50) { nodes { id request { startsAt } } } }');
    offer = myOffers.nodes.find((one) => Date.parse(one.request.startsAt) === Date.parse(startsAt));
    if (!offer) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const accepted = await graphqlIn<{ acceptOffer: { __typename: string } }>(
    volunteer,
    url,
    'mutation ($id: ID!) { acceptOffer(offerId: $id) { __typename } }',
    { id: offer?.id },
  );
  expect(accepted.acceptOffer.__typename).toBe('MutationAcceptOfferSuccess');
}

/**
 * The harness of a browser test file: the real app and Chromium started once for the file; each
 * test opens fresh browser profiles with `openPage`, which are closed after it (with a screenshot of
 * each page when it failed); any uncaught error in the app fails the test that saw it.
 */
/** A language a test reads the app in: the device's locale, the page's lang, and the header's button for it. */
export interface Speaking {
  locale: 'ja-JP' | 'en-GB';
  lang: string;
  button: string;
}

export function useBrowser(options: { env?: () => Promise<Record<string, string>> } = {}): {
  app(): WebApp;
  openPage(locale: 'ja-JP' | 'en-GB', viewport?: typeof desktop): Promise<Page>;
  openSignedIn(language: Speaking, role: Role, viewport?: typeof desktop): Promise<Page>;
} {
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  let pageErrors: string[] = [];
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    const env = (await options.env?.()) ?? {};
    [app, browser] = await Promise.all([startWebApp(env), launchChromium()]);
    // Starting the embedded default (Temporal dev server, worker bundle, demo data) takes a while on a busy machine.
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(() => {
    pageErrors = [];
    contexts = [];
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const name = context.task.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
      const pages = contexts.flatMap((browserContext) => browserContext.pages());
      await Promise.all(
        pages.map((page, index) =>
          page.screenshot({ path: artifactPath(`failed-${name}-${index}.png`), fullPage: true }),
        ),
      );
    }
    await Promise.all(contexts.map((browserContext) => browserContext.close()));
    expect(pageErrors).toEqual([]);
  });

  const started = () => {
    if (!app) throw new Error('the app is not started yet');
    return app;
  };
  /** A fresh browser profile: no cookie, no stored language, the device's language as given. */
  async function openPage(locale: Speaking['locale'], viewport = desktop) {
    if (!browser) throw new Error('Chromium is not started yet');
    // A device in London: what the app shows in Japan time must not depend on the device's zone.
    const context = await browser.newContext({ locale, viewport, timezoneId: 'Europe/London' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }
  return {
    app: started,
    openPage,
    /** A fresh profile signed in as `role`, with the header's language switched to `language`'s (and checked). */
    async openSignedIn(language, role, viewport) {
      const page = await openPage(language.locale, viewport);
      await signIn(page, started().url, role);
      await page.getByRole('button', { name: language.button, exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language.lang);
      return page;
    },
  };
}
