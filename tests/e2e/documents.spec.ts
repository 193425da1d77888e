import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect, SCREENS } from './fixtures.js';

const PASSPHRASE = 'grön uggla läser tidningen';
const PDFS = join(import.meta.dirname, '..', 'artifacts', 'pdf');
mkdirSync(PDFS, { recursive: true });

/** Strings only the internal copy may carry: the protected address must be on neither. */
const INTERNAL_ONLY = ['Sa det i telefon till systern', 'Två barn, båda sov', 'Hemliga gatan 7', 'INTERN-PLAN-ANTECKNING', 'INTERN-HANDLINGSPLAN-ANTECKNING', 'INTERN-RISK-ANTECKNING', 'Grannen såg en kniv', 'Poäng och förslag'];
const NEVER = ['Skyddade vägen 3', 'Hemlingby'];

/** The PDF's text in reading order, white space (line breaks in table cells) folded to one space. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function savePdf(page: Page, controls: ReturnType<Page['getByRole']>, variant: 'Klientkopia' | 'Internt exemplar', name: string): Promise<string> {
  await controls.getByLabel(variant).check();
  const [download] = (await Promise.all([page.waitForEvent('download'), controls.getByRole('button', { name: 'Spara som PDF' }).click()])) as [Download, void];
  const file = join(PDFS, `${name}.pdf`);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(variant === 'Klientkopia' ? /-klientkopia-/ : /-internt-/);
  expect(download.suggestedFilename()).not.toMatch(/Elin|Påhitt/);
  return file;
}

test('risk assessment, checklist, safety plan and action plan → both copies as PDF; the client copy holds none of the secrets', async ({ page, host }) => {
  test.setTimeout(120_000);
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `documents-${name}.png`), fullPage: true });
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Socialsekreterare', passphrase: PASSPHRASE });
  // A victim with protected registration and an address on file that must never print.
  const person = await host.router.invoke('persons.create', {
    firstName: 'Elin',
    lastName: 'Påhittsdotter',
    identity: { kind: 'none', birthYear: 1987 },
    gender: 'kvinna',
    protectionLevel: 'skyddad_folkbokforing',
    contact: { streetAddress: 'Skyddade vägen 3', postalCode: '111 22', city: 'Hemlingby' },
  });
  if (!person.ok) throw new Error(JSON.stringify(person.error));
  const personId = (person.value as { id: string }).id;
  const today = new Date().toISOString().slice(0, 10);
  const created = await host.router.invoke('cases.create', { mainPersonId: personId, intakeDate: today, intakeSource: 'islandsmodellen', violenceTypes: ['physical', 'psychological'] });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const caseNumber = (created.value as { caseNumber: string }).caseNumber;

  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await page.getByRole('button', { name: caseNumber }).click();
  await expect(page.getByRole('heading', { name: 'Bedömningar och planer' })).toBeVisible();

  // Risk assessment: answer some questions; the score suggests, the worker decides and says why.
  await page.getByRole('button', { name: 'Ny riskbedömning' }).click();
  await page.getByRole('group', { name: /hotat att döda/ }).getByLabel('Ja', { exact: true }).check();
  const threats = page.locator('.risk-question', { has: page.getByRole('group', { name: /hotat att döda/ }) });
  await threats.getByText('Lägg till en intern anteckning till frågan').click();
  await threats.getByLabel('Anteckning till frågan (intern)').fill('Sa det i telefon till systern');
  await page.getByRole('group', { name: /stryptag/ }).getByLabel('Nej', { exact: true }).check();
  await page.getByRole('group', { name: /tillgång till vapen/ }).getByLabel('Vet inte').check();
  await expect(page.getByText(/Poängen föreslår risknivå: Hög/)).toBeVisible();
  await expect(page.getByText(/Besvarade 3 av 18 frågor\. Obesvarade: 15\./)).toBeVisible();
  await page.getByRole('group', { name: 'Din bedömning av risknivån' }).getByLabel('Akut').check();
  await page.getByLabel('Din samlade bedömning').fill('Akut risk: hot om att döda, separation nyss. <b>Inte fetstil</b>');
  await page.getByRole('button', { name: 'Spara riskbedömning' }).click();
  await expect(page.getByText('Skriv varför du väljer en annan nivå än den föreslagna.')).toBeVisible();
  await page.getByLabel('Varför avviker din bedömning från förslaget?').fill('Grannen såg en kniv i hallen i förrgår.');
  await page.getByLabel('Intern anteckning').fill('INTERN-RISK-ANTECKNING');
  await shot('01-risk-form');
  await page.getByRole('button', { name: 'Spara riskbedömning' }).click();
  await expect(page.getByText('Riskbedömningen är sparad.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Akut' })).toBeVisible();
  await expect(page.getByText(/Nästa riskbedömning ska göras senast/)).toBeVisible();
  const riskControls = page.getByRole('group', { name: /Skriv ut riskbedömningen/ });
  const riskClient = await savePdf(page, riskControls, 'Klientkopia', 'risk-client');
  const riskInternal = await savePdf(page, riskControls, 'Internt exemplar', 'risk-internal');

  // Checklist: Islandsmodellen on site, one step ticked with a note.
  await page.getByRole('tab', { name: 'Checklistor' }).click();
  await page.getByLabel('Påbörja checklista').selectOption({ label: 'Checklista på plats – Islandsmodellen (polis och socialtjänst tillsammans)' });
  await page.getByRole('button', { name: 'Påbörja', exact: true }).click();
  await page.getByLabel('Anteckning till ”Alla barn i bostaden sedda och deras behov bedömda”').fill('Två barn, båda sov');
  // The box shows the stored state: it turns checked when the tick is saved, so wait for that rather than for the click.
  const childrenSeen = page.getByRole('checkbox', { name: 'Alla barn i bostaden sedda och deras behov bedömda' });
  await childrenSeen.click();
  await expect(childrenSeen).toBeChecked();
  await expect(page.getByText(/Avbockad av Nora Socialsekreterare/)).toBeVisible();
  await expect(page.getByText('1 av 8 klara')).toBeVisible();
  await expect(page.getByText('Checklistor: 1 av 8 punkter klara')).toBeVisible();
  await shot('02-checklist');
  const listControls = page.getByRole('group', { name: /Skriv ut Checklista på plats/ });
  const listClient = await savePdf(page, listControls, 'Klientkopia', 'checklist-client');
  const listInternal = await savePdf(page, listControls, 'Internt exemplar', 'checklist-internal');

  // Safety plan, with text a person typed that looks like markup, and the shelter's address for the file.
  await page.getByRole('tab', { name: 'Säkerhetsplan' }).click();
  await page.getByRole('button', { name: 'Skriv säkerhetsplan' }).click();
  await page.getByLabel('Gjord tillsammans med').fill('Elin själv och tolk');
  await page.getByLabel('Varningstecken').fill('Han slutar prata och kollar min telefon. <script>alert(1)</script>');
  await page.getByLabel('Personer jag litar på och vårt kodord').fill('Syster Anna. Kodordet är "paraplyet".');
  await page.getByLabel('Legitimation och pass').check();
  await page.getByLabel('Telefonladdare').check();
  await page.getByLabel('Skyddat boendes adress').fill('Hemliga gatan 7, 123 45 Gömstad');
  await page.getByLabel('Intern anteckning').fill('INTERN-PLAN-ANTECKNING');
  await page.getByRole('button', { name: 'Spara ny version' }).click();
  await expect(page.getByText('Säkerhetsplanen är sparad som en ny version.')).toBeVisible();
  const planControls = page.getByRole('group', { name: /Skriv ut säkerhetsplanen/ });
  const planClient = await savePdf(page, planControls, 'Klientkopia', 'safety-plan-client');
  const planInternal = await savePdf(page, planControls, 'Internt exemplar', 'safety-plan-internal');
  await shot('03-safety-plan');

  // Action plan: a goal, an action with who and by when, signatures.
  await page.getByRole('tab', { name: 'Handlingsplan' }).click();
  await page.getByRole('button', { name: 'Ny handlingsplan' }).click();
  await page.getByLabel('Planens status').selectOption({ label: 'Pågår' });
  await page.getByLabel('Mål 1').fill('Elin och barnen bor tryggt och har skyddade personuppgifter.');
  await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const action = page.getByRole('group', { name: 'Åtgärd 1' });
  await action.getByLabel('Vad ska göras').fill('Ansöka om skyddade personuppgifter hos Skatteverket');
  await action.getByLabel('Vem ansvarar').fill('Elin, med stöd av Nora');
  await action.getByLabel('Klart senast').fill(today);
  await page.getByLabel('Handläggaren skrev under').fill(today);
  await page.getByLabel('Intern anteckning').fill('INTERN-HANDLINGSPLAN-ANTECKNING');
  await page.getByRole('button', { name: 'Spara handlingsplan' }).click();
  await expect(page.getByText('Handlingsplanen är sparad.')).toBeVisible();
  const actionControls = page.getByRole('group', { name: /Skriv ut handlingsplanen/ });
  const actionClient = await savePdf(page, actionControls, 'Klientkopia', 'action-plan-client');
  const actionInternal = await savePdf(page, actionControls, 'Internt exemplar', 'action-plan-internal');
  await shot('04-action-plan');

  // Read the PDFs back.
  const texts = Object.fromEntries([riskClient, riskInternal, listClient, listInternal, planClient, planInternal, actionClient, actionInternal].map((f) => [f, pdfText(f)]));
  const all = (files: string[]) => files.map((f) => texts[f]).join('\n');
  const clients = all([riskClient, listClient, planClient, actionClient]);
  const internals = all([riskInternal, listInternal, planInternal, actionInternal]);
  expect(texts[listClient]).toMatch(/Alla barn i bostaden sedda och deras behov bedömda — Nora Socialsekreterare, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  for (const s of INTERNAL_ONLY) {
    expect(internals, s).toContain(s);
    expect(clients, s).not.toContain(s);
  }
  for (const s of NEVER) {
    expect(internals, s).not.toContain(s);
    expect(clients, s).not.toContain(s);
  }
  // Every page carries the marking and its number; what the person typed prints as text.
  for (const text of Object.values(texts)) {
    expect(text).toContain('Omfattas av sekretess enligt 26 kap. OSL');
    expect(text).toMatch(/Sida 1 av \d/);
  }
  expect(texts[planClient]).toContain('<script>alert(1)</script>');
  expect(texts[planClient]).toContain('Han slutar prata');
  expect(texts[planClient]).toContain('020-50 50 50');
  expect(texts[riskClient]).toContain('<b>Inte fetstil</b>');
  expect(texts[actionClient]).toContain('Ansöka om skyddade personuppgifter');
  expect(texts[planClient]).toMatch(/KLIENTKOPIA/);
  expect(texts[planInternal]).toMatch(/INTERNT EXEMPLAR/);

  // A page of the client's safety plan as an image, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', planClient, join(SCREENS, 'documents-05-safety-plan-client')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', actionInternal, join(SCREENS, 'documents-06-action-plan-internal')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', riskInternal, join(SCREENS, 'documents-07-risk-internal')]);
  expect(pageErrors).toEqual([]);
  writeFileSync(join(PDFS, 'texts.txt'), Object.entries(texts).map(([f, t]) => `== ${f}\n${t}`).join('\n'));
});
