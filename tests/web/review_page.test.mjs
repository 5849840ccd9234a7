// The review page end to end in Debian's chromium (headless, driven by playwright-core): a real `jobcenter
// serve` on its own database, a staff member of pakila signing in, reviewing, merging, unmerging, logging a
// contact and checking a name, by keyboard where the page promises it; the database checked with the CLI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildFixture, jc, ordererNamed, paths, requestsAudited } from './register_fixture.mjs';
import { startServe, stopServe } from './serve_process.mjs';

const laptop = { width: 1366, height: 768 };
const tablet = { width: 768, height: 1024 };
let fixture, server, browser, context, page;
const policyViolations = [];

async function screenshot(target, name) {
  await target.screenshot({ path: path.join(fixture.screenshots, `${name}.png`), fullPage: true });
}

async function signIn(target, secret) {
  await target.goto(server.url);
  await target.locator('#signin-token').fill(secret);
  await target.locator('#signin-token').press('Enter');
  await target.locator('#who-text').waitFor();
}

// The review item of the pair with these two names, from the CLI.
function itemOf(nameA, nameB) {
  const row = jc('register', 'review', 'list').rows.find((r) => r.name_a === nameA && r.name_b === nameB);
  assert.ok(row, `no review item for ${nameA} / ${nameB}`);
  return row;
}

before(async () => {
  fixture = buildFixture();
  server = await startServe(paths.binary, fixture.config);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
  context = await browser.newContext({ viewport: laptop });
  page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`the page threw: ${error.message}`));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
  });
});

after(async () => {
  await browser?.close();
  await stopServe(server);
});

test('a wrong token is refused in words and a good one shows the unit and role', async () => {
  await page.goto(server.url);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fi');
  await page.locator('#signin-token').fill('jc_not-a-token');
  await page.locator('#signin-form button[type=submit]').click();
  const refusal = page.locator('#signin-messages [role=alert]');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /HTTP 401/);
  assert.equal(await page.locator('#nav').isHidden(), true);

  await signIn(page, fixture.secrets.pakila);
  assert.match(await page.locator('#who-text').textContent(), /web-pakila, yksikkö pakila, rooli työntekijä/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('jobcenter.token')), fixture.secrets.pakila);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('jc_')), false);
  await page.locator('#queue-table').waitFor();
});

test('the language switch puts every label and the lang attribute into English and back', async () => {
  assert.equal(await page.locator('#nav a[data-view=queue]').textContent(), 'Tarkistusjono');
  await page.locator('#language').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#nav a[data-view=queue]').textContent(), 'Review queue');
  assert.equal(await page.locator('#queue-table th').first().textContent(), 'Item');
  assert.match(await page.locator('#who-text').textContent(), /web-pakila, unit pakila, role staff/);
  await page.reload();
  await page.locator('#queue-table').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the choice survives a reload');
  await page.locator('#language').click();
  assert.equal(await page.locator('#signin-heading').textContent(), 'Kirjaudu sisään');
  await page.locator('#language').click();
  assert.equal(await page.locator('#queue-heading').textContent(), 'Review queue');
});

test('the help opens with ? and closes with Esc, and the focus ring shows', async () => {
  await page.locator('#queue-heading').focus();
  await page.keyboard.press('?');
  assert.equal(await page.locator('#help').isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#help').isVisible(), false);
  await page.locator('#queue-refresh').focus();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
});

test('another unit\'s pair shows its records withheld, is refused in words and stays open', async () => {
  const item = itemOf('Kallion Kukka Ky', 'Kallion Kukkakauppa');
  await page.goto(`${server.url}#/item/${item.item}`);
  await page.locator('#item-fields').waitFor();
  assert.match(await page.locator('[data-side=a] .sources').textContent(), /P-3/);
  assert.equal(await page.locator('[data-side=b] .sources tr.withheld').count(), 1, 'vallila\'s record is withheld');
  assert.doesNotMatch(await page.locator('[data-side=b] .sources').textContent(), /V-5/);
  await page.locator('#decide-reason').fill('looks the same');
  await page.locator('#decide-same').click();
  const refusal = page.locator('#decide-messages [role=alert]');
  await refusal.waitFor();
  const text = await refusal.textContent();
  assert.match(text, /vallila/);
  assert.match(text, /HTTP 403/);
  assert.match(text, /Where: register review decide/);
  assert.equal(jc('register', 'review', 'show', String(item.item)).status, 'open');
  const audited = requestsAudited('web-pakila').find((row) => row.subject === 'register.review-decide');
  assert.match(audited.outcome, /^refused: orderers 6 and 8/, 'the refusal is in the audit trail');
});

test('a pair is reviewed side by side and decided the same by keyboard', async () => {
  const item = itemOf('Malmin Maalaus Ky', 'Malmin Maalausliike');
  await page.goto(`${server.url}#/queue`);
  const open = page.locator(`#queue-table tr[data-item="${item.item}"] a`);
  await open.focus();
  await page.keyboard.press('Enter');
  await page.locator('#item-fields').waitFor();
  assert.equal(await page.locator('#item-heading').textContent(), `Review item ${item.item}`);
  assert.equal(await page.locator('#item-fields tr[data-field=name]').getAttribute('data-comparison'), 'different');
  assert.equal(await page.locator('#item-fields tr[data-field=postcode]').getAttribute('data-comparison'), 'same');
  assert.equal(await page.locator('#item-fields tr[data-field=phone]').getAttribute('data-comparison'), 'one missing');
  assert.match(await page.locator('#item-fields tr[data-field=phone]').textContent(), /missing on one side/);
  assert.match(await page.locator('#item-evidence').textContent(), /Name/);
  assert.match(await page.locator('[data-side=a] .sources').textContent(), /P-103/);
  assert.match(await page.locator('[data-side=b] .sources').textContent(), /P-104/);
  await screenshot(page, 'laptop-review-item');
  const sides = await page.locator('.sides > .side').evaluateAll((all) => all.map((e) => e.getBoundingClientRect().top));
  assert.equal(sides[0], sides[1], 'on a laptop the two orderers stand side by side');

  await page.keyboard.press('s');
  assert.match(await page.locator('#decide-messages [role=alert]').textContent(), /Write a reason/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'decide-reason');
  await page.keyboard.type('one painter, called them');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'decide-same');
  await page.keyboard.press('s');
  await page.locator('#decide-messages .news').waitFor();
  assert.match(await page.locator('#decide-messages').textContent(),
    new RegExp(`Merged orderer ${item.orderer_b} into ${item.orderer_a}`));

  assert.equal(jc('register', 'show', String(item.orderer_b)).orderer.id, item.orderer_a);
  const merge = jc('register', 'history', String(item.orderer_a)).rows.find((row) => row.kind === 'merge');
  assert.equal(merge.by, 'web-pakila');
  assert.equal(merge.unit, 'pakila');
  assert.equal(merge.reason, 'one painter, called them');
});

test('two orderers are merged by hand with a field chosen from the other side, then unmerged from history', async () => {
  const survivor = ordererNamed('Siivous Salo Oy');
  const other = ordererNamed('Pihatyöt Nieminen');
  await page.locator('#nav a[data-view=merge]').click();
  await page.locator('#merge-other').fill(String(other));
  await page.locator('#merge-into').fill(String(survivor));
  await page.locator('#merge-compare').click();
  await page.locator('#merge-keep-phone-other').waitFor();
  await page.locator('#merge-keep-phone-other').check();
  await page.locator('#merge-reason').fill('one family business');
  await screenshot(page, 'laptop-merge-by-hand');
  await page.locator('#merge-submit').click();
  await page.locator('#merge-result .news').waitFor();

  const merged = jc('register', 'show', String(survivor));
  assert.equal(merged.orderer.phone, '050 987 6543', 'the phone chosen from the other side survives');
  assert.equal(merged.orderer.street, 'Kirkkotie 3', 'the survivor keeps the fields not chosen');
  assert.equal(jc('register', 'show', String(other)).orderer.id, survivor);

  await page.locator('#merge-history').click();
  const row = page.locator('#history-table tr[data-kind=merge]').first();
  await row.locator('button[data-unmerge]').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'unmerge-reason');
  await page.locator('#unmerge-reason').fill('two different firms after all');
  await page.locator('#unmerge-submit').click();
  await page.locator('#history-messages .news').waitFor();
  assert.match(await page.locator('#history-messages').textContent(), new RegExp(`orderer ${other} is back`));

  assert.equal(jc('register', 'show', String(other)).orderer.id, other, 'the merged-away orderer is its own again');
  assert.equal(jc('register', 'show', String(survivor)).orderer.phone, '040 123 0001');
  const undo = jc('register', 'history', String(survivor)).rows.find((r) => r.kind === 'unmerge');
  assert.equal(undo.reason, 'two different firms after all');
  assert.equal(await page.locator('#history-table tr[data-kind=unmerge]').count() >= 1, true);
  const audited = requestsAudited('web-pakila').map((row) => `${row.subject} ${row.outcome}`);
  assert.ok(audited.includes('register.merge ok') && audited.includes('register.unmerge ok'),
    'the merge and the unmerge are audited under the token\'s name');
});

test('logging a contact warns of the other unit\'s recent one', async () => {
  const orderer = ordererNamed('Esimerkki Siivous Oy');
  const uusix = await fetch(new URL('api/register/contact-add', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${fixture.secrets.uusix}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ orderer, staff: 'Pekka', outcome: 'follow-up' }),
  });
  assert.equal(uusix.status, 200);

  await page.goto(`${server.url}#/orderer/${orderer}`);
  const warning = page.locator('#orderer-warnings [role=alert]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /unit uusix \(Pekka\) contacted this orderer/);
  await page.locator('#contact-staff').fill('Liisa');
  await page.locator('#contact-outcome').selectOption('waiting');
  await page.locator('#contact-note').fill('asked about spring work');
  await page.locator('#contact-submit').click();
  await page.locator('#contact-messages .news').waitFor();
  assert.match(await page.locator('#contact-messages .warning').textContent(), /uusix/);
  assert.match(await page.locator('#orderer-contacts').textContent(), /asked about spring work/);
  await screenshot(page, 'laptop-orderer-contacts');

  const logged = jc('register', 'contact', 'list', String(orderer)).rows.find((row) => row.unit === 'pakila');
  assert.equal(logged.staff, 'Liisa');
  assert.equal(logged.outcome, 'ODOTTAMASSA');
  assert.equal(logged.note, 'asked about spring work');
});

test('the name check runs as the name is typed and drops a stale reply', async () => {
  let release = null;
  await page.route('**/api/register/check', async (route) => {
    if (route.request().postDataJSON().name === 'Es' && !release) {
      // The first keystroke's reply arrives last, saying something the page must not show.
      await new Promise((resolve) => (release = resolve));
      await route.fulfill({ json: { count: 1, matches: [{ orderer: 999, name: 'STALE REPLY', score: '9.9',
        probability: '1.000', verdict: 'same orderer', matched_record: 'x', reasons: [] }] } });
      return;
    }
    await route.continue();
  });
  await page.locator('#nav a[data-view=search]').click();
  await page.locator('#search-name').fill('Es');
  await page.waitForRequest((request) => request.url().endsWith('/api/register/check'));
  await page.locator('#search-name').pressSequentially('imerkki Siivo', { delay: 20 });
  const first = page.locator('#search-candidates li').first();
  await first.waitFor();
  assert.match(await first.textContent(), /Esimerkki Siivous Oy/);
  assert.match(await first.textContent(), /same orderer|possibly the same/);
  assert.match(await page.locator('#search-results').textContent(), /unit uusix \(Pekka\)/);

  const stale = page.waitForResponse((response) => response.url().endsWith('/api/register/check')
    && response.request().postDataJSON().name === 'Es');
  release();
  await stale;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  assert.doesNotMatch(await page.locator('#search-results').textContent(), /STALE REPLY/);
  await page.unroute('**/api/register/check');
  await screenshot(page, 'laptop-name-check');
});

test('a weak bridge shows the part that stays and the part joined, and n splits it off', async () => {
  const bridge = jc('register', 'review', 'list').rows.find((row) => row.kind === 'bridge');
  assert.ok(bridge, 'the fixture leaves a weak bridge in the queue');
  await page.goto(`${server.url}#/item/${bridge.item}`);
  await page.locator('#item-fields').waitFor();
  assert.match(await page.locator('[data-side=a]').textContent(), /The part that stays in orderer/);
  assert.match(await page.locator('[data-side=a] .sources').textContent(), /P-107/);
  assert.match(await page.locator('[data-side=b] .sources').textContent(), /P-109/);
  assert.equal(await page.locator('#decide-by-hand').isHidden(), true, 'a bridge is not merged by hand');
  await page.locator('#decide-reason').fill('the hat shop and Salminen are two firms');
  await page.locator('#decide-reason').press('Escape');
  await page.keyboard.press('n');
  await page.locator('#decide-messages .news').waitFor();
  assert.match(await page.locator('#decide-messages').textContent(), /Recorded as not the same/);

  const split = ordererNamed('Herttoniemen Hattuliike Salminen');
  assert.notEqual(split, bridge.orderer, 'the part joined through the bridge is an orderer of its own again');
  assert.equal(jc('register', 'show', String(bridge.orderer)).sources.some((s) => s.source_id === 'P-109'), false);
});

test('on a tablet the page fits the width and the two orderers stack', async () => {
  const tabletContext = await browser.newContext({ viewport: tablet });
  const tabletPage = await tabletContext.newPage();
  await signIn(tabletPage, fixture.secrets.pakila);
  const item = itemOf('Kallion Kukka Ky', 'Kallion Kukkakauppa');
  await tabletPage.goto(`${server.url}#/item/${item.item}`);
  await tabletPage.locator('#item-fields').waitFor();
  const [a, b] = await tabletPage.locator('.sides > .side').evaluateAll((all) =>
    all.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  assert.ok(b.top >= a.bottom, 'the second orderer stands below the first');
  const overflow = await tabletPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the tablet`);
  await screenshot(tabletPage, 'tablet-review-item');
  await tabletPage.locator('#sign-out').click();
  assert.equal(await tabletPage.evaluate(() => sessionStorage.getItem('jobcenter.token')), null);
  await tabletPage.locator('#signin-token').waitFor();
  await tabletContext.close();
});

test('the page ran under the server\'s Content-Security-Policy without a violation', async () => {
  const reply = await fetch(server.url);
  assert.match(reply.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.deepEqual(policyViolations, []);
});
