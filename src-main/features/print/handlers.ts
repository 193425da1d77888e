import type { Handlers } from '../../api/context.js';
import type { printContract } from './contract.js';
import { preparePrint, printToPaper, printToPdf, readLogo, setLogo } from './service.js';

export const printHandlers: Handlers<typeof printContract> = {
  'print.preview': (input, { session }) => preparePrint(session, input.document, input.variant, 'preview'),
  'print.pdf': (input, { core, session }) => printToPdf(core, session, input.document, input.variant),
  'print.paper': (input, { core, session }) => printToPaper(core, session, input.document, input.variant),
  'print.logo': async (_input, { session }) => ({ logo: await readLogo(session) }),
  'print.setLogo': (input, { session }) => setLogo(session, input.logo),
};
