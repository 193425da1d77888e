import { z } from 'zod';
import { channel } from '../../api/channel.js';
import type { Template, TemplateKind } from '../../domain/templates.js';
import { TEMPLATE_KINDS } from '../../domain/templates.js';

export const templateRefSchema = z
  .object({
    id: z.string({ error: 'Välj en mall.' }).min(3, { error: 'Välj en mall.' }).max(80, { error: 'Okänd mall.' }),
    version: z.number({ error: 'Ogiltig version.' }).int({ error: 'Ogiltig version.' }).min(1, { error: 'Ogiltig version.' }).max(100_000, { error: 'Ogiltig version.' }),
  })
  .strict();

/** Largest template file accepted, in characters. */
export const TEMPLATE_FILE_MAX = 500_000;

export const templateImportSchema = z
  .object({
    fileName: z.string({ error: 'Filnamnet saknas.' }).trim().min(1, { error: 'Filnamnet saknas.' }).max(255, { error: 'Filnamnet är för långt.' }),
    text: z.string({ error: 'Filen kunde inte läsas.' }).max(TEMPLATE_FILE_MAX, { error: 'Filen är för stor för en mall (högst 500 000 tecken).' }),
  })
  .strict();

export interface TemplateSummary {
  id: string;
  version: number;
  kind: TemplateKind;
  title: string;
  source: 'builtin' | 'imported';
}

export const templatesContract = {
  'templates.list': channel(z.object({ kind: z.enum(TEMPLATE_KINDS, { error: 'Okänd malltyp.' }).optional() }).strict()).returns<TemplateSummary[]>(),
  'templates.get': channel(templateRefSchema).returns<Template>(),
  'templates.import': channel(templateImportSchema, 'coordinator').returns<TemplateSummary>(),
} as const;
