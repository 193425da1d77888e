import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema } from '../../api/schemas.js';
import type { ChecklistTemplate } from '../../domain/templates.js';
import { optionalText } from '../templates/fields.js';

const itemKey = z.string({ error: 'Okänd punkt.' }).regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'Okänd punkt.' });

export interface ChecklistTick {
  itemKey: string;
  by: { id: string; name: string };
  at: string;
  note: string | null;
}

/** A case's checklist: its template version, the ticks, and how far it has come. */
export interface Checklist {
  id: string;
  caseId: string;
  template: ChecklistTemplate;
  ticks: ChecklistTick[];
  progress: { done: number; total: number };
  createdBy: { id: string; name: string };
  createdAt: string;
}

export const checklistsContract = {
  'checklists.list': channel(z.object({ caseId: idSchema }).strict()).returns<Checklist[]>(),
  'checklists.start': channel(z.object({ caseId: idSchema, templateId: z.string({ error: 'Välj en checklista.' }).min(3, { error: 'Välj en checklista.' }).max(80, { error: 'Okänd mall.' }) }).strict()).returns<Checklist>(),
  'checklists.tick': channel(z.object({ checklistId: idSchema, itemKey, note: optionalText(2000) }).strict()).returns<Checklist>(),
  'checklists.untick': channel(z.object({ checklistId: idSchema, itemKey }).strict()).returns<Checklist>(),
} as const;
