import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SCREENS } from './fixtures.js';
import type { Router } from '../../src-main/api/router.js';
import type { CaseDetail } from '../../src-main/features/cases/contract.js';

const PASSPHRASE = 'grön uggla följer upp';

/** The worker's local date `n` days back (dates typed in the app are local dates). */
function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function call<T = unknown>(router: Router, channel: string, input: unknown): Promise<T> {
  const r = await router.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A case closed today with stödsamtal and both follow-ups, written through the router (the other people behind the group figures). */
async function followedUpCase(router: Router, n: number): Promise<void> {
  const c = await call<CaseDetail>(router, 'cases.create', {
    mainNewPerson: { firstName: `Tidigare${n}`, lastName: 'Uppföljdsdotter', identity: { kind: 'none', birthYear: 1980 + n }, gender: 'kvinna', protectionLevel: 'none' },
    intakeDate: daysAgo(40),
    intakeSource: 'own_application',
    violenceTypes: ['psychological'],
  });
  await call(router, 'outcomes.save', { caseId: c.id, personId: c.mainPersonId, phase: 'intake', followedUpOn: daysAgo(39), safety: 1 + n, wellBeing: 2, violenceStopped: 'no', comment: `Hemlig kommentar ${n}` });
  await call(router, 'services.create', { caseId: c.id, personId: c.mainPersonId, serviceType: 'support_talks', startDate: daysAgo(35) });
  await call(router, 'cases.setStatus', { id: c.id, status: 'closed', date: daysAgo(0), closingReason: 'goal_met' });
  await call(router, 'outcomes.save', { caseId: c.id, personId: c.mainPersonId, phase: 'closing', followedUpOn: daysAgo(0), safety: 4, wellBeing: 4, violenceStopped: 'yes', helpRating: 4 });
}

test('outcome follow-up: intake follow-up, a service, closing with a reminder, the closing follow-up — and the pair in the dashboard’s Utfall and the export', async ({ page, host }) => {
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `outcomes-${name}.png`), fullPage: true });
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Socialsekreterare', passphrase: PASSPHRASE });
  const router = host.router;
  await followedUpCase(router, 1);
  await followedUpCase(router, 2);
  await call(router, 'statistics.updateSettings', { suppressionThreshold: 3 });
  const mine = await call<CaseDetail>(router, 'cases.create', {
    mainNewPerson: { firstName: 'Elin', lastName: 'Påhittsdotter', identity: { kind: 'none', birthYear: 1987 }, gender: 'kvinna', protectionLevel: 'none' },
    intakeDate: daysAgo(30),
    intakeSource: 'report_police',
    violenceTypes: ['physical'],
  });

  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await page.getByRole('button', { name: mine.caseNumber }).click();
  await expect(page.getByRole('heading', { name: new RegExp(mine.caseNumber) })).toBeVisible();

  // The intake follow-up, with the keyboard where it counts: the date field has the focus.
  const panel = page.getByTestId('outcomes-panel');
  await panel.getByTestId('outcome-intake').getByRole('button', { name: /Fyll i/ }).click();
  await expect(page.getByLabel('Datum för uppföljningen')).toBeFocused();
  await page.getByLabel('Datum för uppföljningen').fill(daysAgo(29));
  // Saving with questions unanswered says so at the question, in Swedish.
  await page.getByRole('button', { name: 'Spara uppföljning' }).click();
  await expect(page.getByRole('group', { name: 'Hur trygg känner du dig just nu?' }).getByText('Välj 1–5 eller ”Vill inte svara”.')).toBeVisible();
  await page.getByRole('group', { name: 'Hur trygg känner du dig just nu?' }).getByLabel('2').check();
  await page.getByRole('group', { name: 'Hur mår du just nu?' }).getByLabel('1').check();
  await page.getByRole('group', { name: 'Har våldet upphört?' }).getByLabel('Nej').check();
  await page.getByLabel('Intern kommentar (valfri)').fill('Bor tillfälligt hos sin moster i Tallbacka');
  await shot('01-intake-form');
  await page.getByRole('button', { name: 'Spara uppföljning' }).click();
  await expect(panel.getByText('Uppföljningen är sparad.')).toBeVisible();
  await expect(panel.getByTestId('outcome-intake').getByText('2 av 5')).toBeVisible();

  // A service.
  await page.getByRole('button', { name: 'Ny insats' }).click();
  await page.getByLabel('Insats', { exact: true }).selectOption({ label: 'Stödsamtal' });
  await page.locator('#service-person').selectOption({ index: 1 });
  await page.getByLabel('Startdatum').fill(daysAgo(20));
  await page.getByRole('button', { name: 'Spara insats' }).click();
  await expect(page.getByText('Insatsen är sparad.')).toBeVisible();

  // Closing: the closing step reminds of the follow-up, gently.
  await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
  await expect(page.getByText(/Glöm inte uppföljningen vid avslut/)).toBeVisible();
  await page.getByRole('group', { name: 'Avslutsorsak' }).getByLabel('Målet uppnått').check();
  await page.getByRole('button', { name: 'Spara avslut' }).click();
  await expect(page.getByText('Ärendet är avslutat.')).toBeVisible();
  await expect(panel.getByText(/Ärendet är avslutat men uppföljningen vid avslut är inte gjord/)).toBeVisible();

  // The closing follow-up, after closing.
  await panel.getByTestId('outcome-closing').getByRole('button', { name: /Fyll i/ }).click();
  await page.getByRole('group', { name: 'Hur trygg känner du dig just nu?' }).getByLabel('4').check();
  await page.getByRole('group', { name: 'Hur mår du just nu?' }).getByLabel('Vill inte svara').check();
  await page.getByRole('group', { name: 'Har våldet upphört?' }).getByLabel('Ja').check();
  await page.getByRole('group', { name: 'Hur ser du på hjälpen du har fått?' }).getByLabel('5').check();
  await page.getByRole('button', { name: 'Spara uppföljning' }).click();
  await expect(panel.getByText('Uppföljningen är sparad.')).toBeVisible();
  await expect(panel.getByText(/uppföljningen vid avslut är inte gjord/)).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await shot('02-case-panel');

  // The dashboard: the year's Utfall has the three pairs, by service and in total.
  await page.getByRole('button', { name: 'Statistik' }).click();
  await page.getByLabel('Periodtyp').selectOption({ label: 'År' });
  await page.getByLabel('År', { exact: true }).selectOption(daysAgo(0).slice(0, 4));
  await page.getByRole('button', { name: 'Visa' }).click();
  const figures = page.getByTestId('outcome-figures');
  await expect(figures.getByRole('heading', { name: /Utfall/ })).toBeVisible();
  const talks = figures.getByRole('row', { name: /^Stödsamtal/ });
  await expect(talks.getByRole('cell').first()).toHaveText('3');
  // safety: (4−2) + (4−3) + (4−2) = 5 over 3 → +1,7; well-being: only the two who answered → +2,0
  await expect(talks.getByRole('cell').nth(1)).toHaveText('+1,7 (n = 3)');
  await expect(talks.getByRole('cell').nth(2)).toHaveText('+2,0 (n = 2)');
  await expect(talks.getByRole('cell').nth(4)).toHaveText('100 % (3 av 3)');
  await expect(figures.getByRole('row', { name: /^Alla uppföljda/ }).getByRole('cell').first()).toHaveText('3');
  // and beside them everyone followed up in the same period a year earlier: nobody yet
  await expect(figures.getByRole('row', { name: /^Året innan, alla uppföljda/ }).getByRole('cell')).toHaveText(['0', '–', '–', '–', '–', '–']);
  await expect(figures.getByText(/räknas på varje insats rad/)).toBeVisible();
  await figures.screenshot({ path: join(SCREENS, 'outcomes-03-dashboard.png') });

  // The export preview: three people pass the threshold of 3, so the means leave — but not well-being, which only two answered.
  await page.getByRole('button', { name: 'Förhandsgranska export' }).click();
  const preview = page.getByTestId('export-preview');
  const row = preview.getByRole('row').filter({ hasText: /^Stödsamtal/ }).filter({ hasText: '4,3' });
  await expect(row).toBeVisible();
  const cells = await row.locator('td').allTextContents();
  expect(cells.slice(0, 7)).toEqual(['Stödsamtal', '3', '1,7', '..', '0 %', '100 %', '4,3']);
  const all = (await preview.textContent()) ?? '';
  for (const secret of ['Tallbacka', 'Hemlig kommentar', 'Påhittsdotter', 'Uppföljdsdotter']) expect(all.includes(secret)).toBe(false);
  const at = await preview.locator('tr').evaluateAll((rows) => rows.findIndex((r) => (r.textContent ?? '').startsWith('Utfall:')));
  await preview.locator('tr').nth(at).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, 'outcomes-04-export-preview.png') });

  // The board report carries the same outcome table, and no comment.
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Spara nämndrapport som PDF' }).click()]);
  const reportFile = join(SCREENS, 'outcomes-05-board-report.pdf');
  await report.saveAs(reportFile);
  const text = execFileSync('pdftotext', ['-layout', reportFile, '-']).toString('utf8').replace(/\s+/g, ' ');
  expect(text).toContain('Utfall: förändring mellan aktualisering och avslut');
  expect(text).toMatch(/Stödsamtal 3 1,7 \.\. 0 ?% 100 ?% 4,3/);
  for (const secret of ['Tallbacka', 'Hemlig kommentar', 'Påhittsdotter']) expect(text.includes(secret)).toBe(false);
  if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', reportFile, join(SCREENS, 'outcomes-05-board-report')]);
});
