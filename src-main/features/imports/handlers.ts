import type { Handlers } from '../../api/context.js';
import type { importsContract } from './contract.js';
import { commitCaseLog, dryRunCaseLog } from './case-log.js';
import { commitImport, dryRunImport, importTemplate, previewImport } from './service.js';

export const importsHandlers: Handlers<typeof importsContract> = {
  'imports.preview': (input) => previewImport(input.fileName, input.base64),
  'imports.dryRun': (input, { session }) => dryRunImport(session, input),
  'imports.commit': (input, { session }) => commitImport(session, input),
  'imports.caseLogDryRun': (input, { session }) => dryRunCaseLog(session, input),
  'imports.caseLogCommit': (input, { session }) => commitCaseLog(session, input),
  'imports.template': (input) => importTemplate(input.format, input.kind),
};
