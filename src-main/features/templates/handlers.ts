import type { Handlers } from '../../api/context.js';
import type { templatesContract } from './contract.js';
import { getTemplate, importTemplate, listTemplates } from './service.js';

export const templatesHandlers: Handlers<typeof templatesContract> = {
  'templates.list': (input, { session }) => listTemplates(session, input.kind),
  'templates.get': (input, { session }) => getTemplate(session, input.id, input.version),
  'templates.import': (input, { session }) => importTemplate(session, input.fileName, input.text),
};
