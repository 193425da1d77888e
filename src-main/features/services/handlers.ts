import type { Handlers } from '../../api/context.js';
import type { servicesContract } from './contract.js';
import { createService, endService, listServices, saveServiceType, serviceTypes } from './service.js';

export const servicesHandlers: Handlers<typeof servicesContract> = {
  'services.types': (_input, { session }) => serviceTypes(session),
  'services.saveType': (input, { session }) => saveServiceType(session, input),
  'services.list': (input, { session }) => listServices(session, input.caseId),
  'services.create': (input, { session }) => createService(session, input),
  'services.end': (input, { session }) => endService(session, input.id, input.endDate),
};
