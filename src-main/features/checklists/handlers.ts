import type { Handlers } from '../../api/context.js';
import type { checklistsContract } from './contract.js';
import { listChecklists, startChecklist, tickItem, untickItem } from './service.js';

export const checklistsHandlers: Handlers<typeof checklistsContract> = {
  'checklists.list': (input, { session }) => listChecklists(session, input.caseId),
  'checklists.start': (input, { session }) => startChecklist(session, input.caseId, input.templateId),
  'checklists.tick': (input, { session }) => tickItem(session, input.checklistId, input.itemKey, input.note),
  'checklists.untick': (input, { session }) => untickItem(session, input.checklistId, input.itemKey),
};
