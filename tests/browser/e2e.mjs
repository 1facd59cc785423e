// e2e.mjs: the real-browser end-to-end test. Debian's headless Chromium, driven by playwright-core, does what
// a press officer does: signs in, writes a statement, previews it, goes back to editing, publishes it, and
// finds it on the home page as the latest press release, then on its own page; then adds its Russian version
// and follows the language links between the two pages.
//
//   node tests/browser/e2e.mjs BASE_URL USER PASSWORD [SCREENSHOT_DIR]
//
// tests/browser/run_e2e.py starts a private site (tests/integration/harness.py) and runs this against it.
// Every wait is bounded, so a broken page fails within seconds instead of hanging CI. Prints one line per
// step and a closing "N passed, M failed"; exits 0 only if every step passed.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';

const [base, user, password, shotDir] = process.argv.slice(2);
if (!base || !user || !password) {
  console.error('usage: node e2e.mjs BASE_URL USER PASSWORD [SCREENSHOT_DIR]');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT = 5000;   // any one click, fill, navigation or expectation
const WATCHDOG = 60000;      // the whole run, whatever happens

// The statement, as typed. Unique per run; a Cyrillic word and an ampersand test escaping end to end.
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const TITLE = `Statement on Arctic cooperation & Заявление ${stamp}`;
const TEASER = `The Embassy comments on cooperation in the Arctic Council (${stamp}).`;
const POINTS = ['Dialogue in the Arctic Council must continue.', 'Scientific cooperation & rescue at sea come first.'];
const BODY = [
  'The Arctic must remain a territory of peace, stability and constructive cooperation.',
  '',
  'We call on our partners to return to a depoliticised dialogue on the following:',
  '',
  `1. ${POINTS[0]}`,
  `2. ${POINTS[1]}`,
].join('\n');
const TYPE_LABEL = 'Press release';   // not the form's default (Statement), so the choice is seen to stick

// ---- a tiny runner: ordered steps, each depends on the ones before ----

let passed = 0, failed = 0, notRun = 0, stopped = false;
const problems = [];   // console errors and failed requests, with the page they happened on
let problemsShown = false;

class Failure extends Error {}
function check(cond, message) {
  if (!cond) throw new Failure(message);
}
function same(actual, expected, what) {
  check(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function sameList(actual, expected, what) {
  same(JSON.stringify(actual), JSON.stringify(expected), what);
}

async function step(name, fn) {
  if (stopped) {
    notRun++;
    console.log(`skip ${name}`);
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    stopped = true;
    const msg = (e instanceof Failure ? e.message : (e && e.stack) || String(e)).replace(/\x1b\[[0-9;]*m/g, '');
    const lines = msg.split('\n').filter((l) => l.trim() && !/^=+( logs =+)?$/.test(l.trim()));
    console.log(`FAIL ${name}: ${lines.slice(0, 6).join('\n     ')}`);
    if (page) {
      console.log(`     at ${page.url()}`);
      await saveShot('browser-e2e-failure.png');
    }
  }
}

async function saveShot(name) {
  if (!shotDir || !page) return;
  try {
    fs.mkdirSync(shotDir, { recursive: true });
    const file = path.join(shotDir, name);
    await page.screenshot({ path: file, fullPage: true, timeout: STEP_TIMEOUT });
    console.log(`     screenshot: ${file}`);
  } catch (e) {
    console.log(`     (no screenshot: ${String(e.message || e).split('\n')[0]})`);
  }
}

function finish(code) {
  if (stopped && problems.length && !problemsShown) console.log(`     seen in the browser so far:\n     ${problems.join('\n     ')}`);
  console.log(`${passed} passed, ${failed} failed${notRun ? `, ${notRun} not run` : ''}`);
  process.exit(code);
}

const watchdog = setTimeout(() => {
  console.log(`FAIL the whole run took over ${WATCHDOG / 1000} s`);
  failed++;
  finish(1);
}, WATCHDOG);
watchdog.unref();

// ---- the browser ----

let browser, page;
const url = (p) => new URL(p, base).href;
const pathOf = (u) => new URL(u).pathname + new URL(u).search;

try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
    timeout: 20000,
  });
} catch (e) {
  console.log(`FAIL launch ${CHROMIUM}: ${String(e.message || e).split('\n')[0]}`);
  failed++;
  finish(1);
}

const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
context.setDefaultTimeout(STEP_TIMEOUT);
context.setDefaultNavigationTimeout(STEP_TIMEOUT);
page = await context.newPage();

page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`console error on ${pathOf(page.url())}: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`script error on ${pathOf(page.url())}: ${e.message}`));
page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${pathOf(r.url())}: ${r.failure()?.errorText}`));
page.on('response', (r) => {
  if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${pathOf(r.url())}`);
});

// Click, then wait until the page the click leads to has loaded. Waiting for the element first makes a
// missing button fail as "waiting for getByRole(...)" rather than as a navigation timeout.
async function clickAndLoad(locator, urlPattern) {
  await locator.waitFor({ state: 'visible' });
  await Promise.all([page.waitForURL(urlPattern, { waitUntil: 'load' }), locator.click()]);
}

const textOf = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));

let itemId;

await step('sign in', async () => {
  const resp = await page.goto(url('/admin/login'));
  same(resp.status(), 200, 'GET /admin/login status');
  await page.getByLabel('Name').click();
  await page.keyboard.type(user);
  await page.getByLabel('Password').fill(password);
  await clickAndLoad(page.getByRole('button', { name: 'Sign in' }), (u) => u.pathname === '/admin');
  same(await page.locator('h1.page-title').textContent(), 'All items', 'heading after signing in');
  same(await page.locator('.signout .who').textContent(), `${user} (publisher)`, 'who is signed in');
});

await step('open "New statement" and type the statement', async () => {
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await clickAndLoad(nav.getByRole('link', { name: 'New statement' }), (u) => u.pathname === '/admin/new');
  same(await page.locator('h1.page-title').textContent(), 'New statement', 'heading of the form');
  check(/^\d{4}-\d\d-\d\d$/.test(await page.locator('#date').inputValue()), 'the date is filled in for today');
  check(/^\d\d:\d\d$/.test(await page.locator('#time').inputValue()), 'the time is filled in for now');
  await page.getByLabel('Type').selectOption({ label: TYPE_LABEL });
  await page.locator('#title').click();
  await page.keyboard.type(TITLE);
  await page.locator('#teaser').fill(TEASER);
  await page.locator('#body').fill(BODY);
  same(await page.locator('#title').inputValue(), TITLE, 'the title as typed');
});

await step('preview shows the title, the paragraphs and the numbered list', async () => {
  await clickAndLoad(page.getByRole('button', { name: 'Preview', exact: true }), (u) => u.pathname === '/admin/new');
  const banner = page.locator('.preview-banner');
  await banner.waitFor({ state: 'visible' });
  check((await banner.textContent()).includes('Preview.'), 'the preview banner says "Preview."');
  same(await page.locator('article h1.item-title').textContent(), TITLE, 'preview title');
  same(await page.locator('article .item-type').textContent(), TYPE_LABEL, 'preview type');
  sameList(await textOf(page.locator('article .item-body ol > li')), POINTS, 'preview list items');
  same(await page.locator('article .item-body > p').count(), 2, 'preview paragraphs before the list');
  const windowTitle = await page.title();
  check(windowTitle.includes(TITLE), `the window title names the statement: ${JSON.stringify(windowTitle)}`);
});

await step('"Back to editing" keeps what was typed', async () => {
  await clickAndLoad(page.getByRole('button', { name: 'Back to editing' }), (u) => u.pathname === '/admin/new');
  await page.locator('#title').waitFor({ state: 'visible' });
  same(await page.locator('#title').inputValue(), TITLE, 'title after editing');
  same(await page.locator('#teaser').inputValue(), TEASER, 'teaser after editing');
  same(await page.locator('#body').inputValue(), BODY, 'text after editing');
  same(await page.locator('#item_type').inputValue(), 'press-release', 'type after editing');
  same(await page.locator('#kind').inputValue(), 'release', 'kind after editing');
});

await step('"Publish or schedule" publishes it', async () => {
  await clickAndLoad(page.getByRole('button', { name: 'Publish or schedule' }),
                     (u) => /^\/admin\/items\/\d+$/.test(u.pathname) && u.searchParams.get('done') === 'published');
  itemId = Number(new URL(page.url()).pathname.split('/').pop());
  same(await page.locator('p.notice[role=status]').textContent(), 'Published: it is on the public site now.', 'notice');
  same(await page.locator('.status-line .status').textContent(), 'published', 'status');
  same(await page.locator('#title').inputValue(), TITLE, 'title of the saved item');
});

await step('the home page shows it as the latest release', async () => {
  await clickAndLoad(page.getByRole('link', { name: 'Public site' }), (u) => u.pathname === '/');
  const latest = page.locator('article.latest-release');
  await latest.waitFor({ state: 'visible' });
  same(await latest.locator('h2.item-title').textContent(), TITLE, 'latest release title');
  same(await latest.locator('.item-type').textContent(), TYPE_LABEL, 'latest release type');
  sameList(await textOf(latest.locator('.item-body ol > li')), POINTS, 'latest release list items');
  if (shotDir) {
    fs.mkdirSync(shotDir, { recursive: true });
    const file = path.join(shotDir, 'browser-e2e-home.png');
    await page.screenshot({ path: file, fullPage: true });
    console.log(`     screenshot: ${file}`);
  }
});

await step('its title leads to its /releases/<id>-<slug> page', async () => {
  const link = page.locator('article.latest-release h2.item-title a');
  await clickAndLoad(link, (u) => u.pathname.startsWith('/releases/'));
  const p = new URL(page.url()).pathname;
  check(new RegExp(`^/releases/${itemId}-[^/]+$`).test(p), `the address is /releases/${itemId}-<slug>, not ${p}`);
  check(p.includes('arctic-cooperation'), `the slug comes from the title (${p})`);
  same(await page.locator('article h1.item-title').textContent(), TITLE, 'release page title');
  sameList(await textOf(page.locator('article .item-body ol > li')), POINTS, 'release page list items');
  same(await page.locator('.preview-banner').count(), 0, 'no preview banner on the public page');
});

// ---- a Russian version of the statement, linked both ways ----

const RU_TITLE = `Заявление о сотрудничестве в Арктике ${stamp}`;
const RU_BODY = 'Арктика должна оставаться территорией мира и сотрудничества.\n\n1. Диалог в Арктическом совете должен продолжаться.';
let englishPath, russianPath;

await step('"Add Russian version" opens the form beside the original, and publishing links the two', async () => {
  englishPath = new URL(page.url()).pathname;
  await page.goto(url(`/admin/items/${itemId}`));
  await clickAndLoad(page.getByRole('link', { name: 'Add Russian version' }),
                     (u) => u.pathname === `/admin/items/${itemId}/translate` && u.searchParams.get('lang') === 'ru');
  same(await page.locator('#source-body').inputValue(), BODY, "the original's text beside the form");
  same(await page.locator('#lang').inputValue(), 'ru', 'the language of the new version');
  same(await page.locator('#title').inputValue(), TITLE, 'the title, prefilled to translate');
  await page.locator('#title').fill(RU_TITLE);
  await page.locator('#body').fill(RU_BODY);
  await clickAndLoad(page.getByRole('button', { name: 'Publish or schedule' }),
                     (u) => /^\/admin\/items\/\d+$/.test(u.pathname) && u.searchParams.get('done') === 'published');
  same(await page.locator('#title').inputValue(), RU_TITLE, 'title of the saved translation');
  same(await page.locator('.translations .item-language').textContent(), 'Russian', 'its language');
});

await step('the English page links "Русская версия", which leads to the Russian page and back', async () => {
  // The browser saw this page before the translation existed and may keep it for the cache's max-age:
  // reloading revalidates it, as a reader's reload would.
  await page.goto(url(englishPath), { waitUntil: 'networkidle' });
  await page.reload({ waitUntil: 'networkidle' }); // a reload revalidates the favicon too: let it finish
  await clickAndLoad(page.getByRole('link', { name: 'Русская версия' }), (u) => u.pathname !== englishPath);
  russianPath = new URL(page.url()).pathname;
  same(await page.locator('html').getAttribute('lang'), 'ru', '<html lang> of the Russian page');
  same(await page.locator('article h1.item-title').textContent(), RU_TITLE, 'Russian page title');
  await clickAndLoad(page.getByRole('link', { name: 'English version' }), (u) => u.pathname === englishPath);
  same(await page.locator('html').getAttribute('lang'), 'en', '<html lang> of the English page');
  same(await page.locator('article h1.item-title').textContent(), TITLE, 'back on the English page');
});

// ---- issue 12: two officers, one statement. A second browser context (its own session) opens the form,
// the first saves a correction, and the second's older form meets it: 409, his text kept, the change shown
// word by word; after merging by hand his save goes through. Its 409 is expected, so the second page is not
// watched for problems like the first. ----
let otherPage;
const SECOND_TITLE = `${TITLE} (second officer)`;
const CORRECTION = 'A correction from the first officer.';

await step('a second browser signs in and opens the same statement', async () => {
  const other = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  other.setDefaultTimeout(STEP_TIMEOUT);
  other.setDefaultNavigationTimeout(STEP_TIMEOUT);
  otherPage = await other.newPage();
  await otherPage.goto(url('/admin/login'));
  await otherPage.fill('#username', user);
  await otherPage.fill('#password', password);
  await Promise.all([otherPage.waitForURL((u) => u.pathname === '/admin'), otherPage.getByRole('button', { name: 'Sign in' }).click()]);
  await otherPage.goto(url(`/admin/items/${itemId}`));
  same(await otherPage.locator('#title').inputValue(), TITLE, 'the second browser sees the statement');
});

await step('the first browser saves a correction', async () => {
  await page.goto(url(`/admin/items/${itemId}`));
  await page.fill('#body', `${BODY}\n\n${CORRECTION}`);
  await page.fill('#note', 'Added a sentence');
  await clickAndLoad(page.getByRole('button', { name: 'Save changes' }), (u) => u.searchParams.get('done') === 'saved');
});

await step('the second browser saving its older form sees the conflict, its text kept', async () => {
  await otherPage.fill('#title', SECOND_TITLE);
  await otherPage.fill('#note', 'Retitled');
  const [resp] = await Promise.all([
    otherPage.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/admin/items/${itemId}`),
    otherPage.getByRole('button', { name: 'Save changes' }).click(),
  ]);
  await otherPage.waitForLoadState('load');
  same(resp.status(), 409, 'the stale save is refused');
  const heading = await otherPage.locator('.conflict h2').textContent();
  check(heading.startsWith(`Changed by ${user} at`) && heading.endsWith('since you opened it'), `conflict heading: ${heading}`);
  same(await otherPage.locator('#title').inputValue(), SECOND_TITLE, 'the second officer\'s title is kept');
  const inserted = (await otherPage.locator('.conflict .diff ins').allTextContents()).join(' ');
  check(inserted.includes(CORRECTION), `the other change is shown as inserted words: ${inserted}`);
});

await step('after merging by hand the second save goes through', async () => {
  await otherPage.fill('#body', `${BODY}\n\n${CORRECTION}`);
  await Promise.all([otherPage.waitForURL((u) => u.searchParams.get('done') === 'saved'),
                     otherPage.getByRole('button', { name: 'Save changes' }).click()]);
  same(await otherPage.locator('#title').inputValue(), SECOND_TITLE, 'title saved');
  check((await otherPage.locator('#body').inputValue()).includes(CORRECTION), 'the correction survived');
  await otherPage.context().close();
});

await step('on a 390 px screen the admin list keeps the status column in view', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url('/admin'));
  const box = await page.locator('table.admin-items tbody tr').first().locator('td .status').boundingBox();
  check(box !== null && box.x >= 0 && box.x + box.width <= 390, `status cell at ${JSON.stringify(box)}`);
  await page.setViewportSize({ width: 1280, height: 1000 });
});

// ---- issue 14: a photo with alt text, attached through the form, shown on the public page ----
const PHOTO_ALT = `The Arctic Council meeting room (${stamp})`;

// A real PNG of width x height (a colour gradient), made here so the test needs no file of its own.
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([(x * 255) / width, (y * 255) / height, 128], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
                        chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

await step('a photo attached with alt text as the lead image appears on the public page', async () => {
  await page.goto(url(`/admin/items/${itemId}`));
  const slot = page.locator('input[type=file][name^="media_"]').first();
  const n = (await slot.getAttribute('name')).match(/^media_(\d+)_file$/)[1];
  await slot.setInputFiles({ name: 'arctic-council.png', mimeType: 'image/png', buffer: png(800, 500) });
  await page.fill(`#media_${n}_alt`, PHOTO_ALT);
  await page.check(`input[name="media_lead"][value="${n}"]`);
  await page.fill('#note', 'Added a photo');
  await clickAndLoad(page.getByRole('button', { name: 'Save changes' }), (u) => u.searchParams.get('done') === 'saved');
  // A reader who has not seen the page before (a fresh context, so nothing cached from before the photo).
  const reader = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
  reader.setDefaultTimeout(STEP_TIMEOUT);
  const readerPage = await reader.newPage();
  const failed = [];
  readerPage.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText}`));
  readerPage.on('response', (resp) => { if (resp.status() >= 400) failed.push(`${resp.url()}: ${resp.status()}`); });
  await readerPage.goto(url(englishPath), { waitUntil: 'networkidle' });
  const img = readerPage.locator(`article img[alt="${PHOTO_ALT}"]`);
  same(await img.count(), 1, 'the photo with its alt text on the public page');
  await img.scrollIntoViewIfNeeded();
  await readerPage.waitForFunction((alt) => {
    const el = [...document.querySelectorAll('article img')].find((i) => i.alt === alt);
    return el && el.complete && el.naturalWidth > 0;
  }, PHOTO_ALT);
  check(/^\/media\/[0-9a-f]{64}\.(jpg|webp)$/.test(new URL(await img.evaluate((el) => el.currentSrc)).pathname),
        'the photo comes from /media/<sha256>');
  check(!failed.some((f) => f.includes('/media/')), `the photo's requests all succeeded: ${failed.join('; ')}`);
  await reader.close();
});

await step('no console errors and no failed requests', async () => {
  problemsShown = true;
  check(problems.length === 0, `${problems.length} problem(s):\n${problems.join('\n')}`);
});

clearTimeout(watchdog);
await browser.close().catch(() => {});
finish(failed ? 1 : 0);
