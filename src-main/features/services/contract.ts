import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema, noInput } from '../../api/schemas.js';
import { lineSchema, serviceTypeCodeSchema, type DecisionOutcome, type PersonRef } from '../decisions/contract.js';

export const serviceTypeSaveSchema = z
  .object({
    code: serviceTypeCodeSchema,
    label: lineSchema(100),
    active: z.boolean({ error: 'Ange om insatsen används.' }),
  })
  .strict();

export const serviceCreateSchema = z
  .object({
    caseId: idSchema,
    personId: idSchema,
    serviceType: serviceTypeCodeSchema,
    /** The decision the service rests on, if any: of the same case, person and service type, and not a refusal. */
    decisionId: idSchema.nullable().optional(),
    startDate: isoDateSchema,
    /** Planned or actual end; on or after the start. */
    endDate: isoDateSchema.nullable().optional(),
  })
  .strict();

export const serviceEndSchema = z.object({ id: idSchema, endDate: isoDateSchema }).strict();

/** One entry of the unit's editable list of services. */
export interface ServiceType {
  code: string;
  label: string;
  active: boolean;
  sortOrder: number;
}

export interface Service {
  id: string;
  caseId: string;
  person: PersonRef;
  serviceType: string;
  serviceTypeLabel: string;
  decision: { id: string; decisionDate: string; outcome: DecisionOutcome } | null;
  startDate: string;
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export const servicesContract = {
  'services.types': channel(noInput).returns<ServiceType[]>(),
  'services.saveType': channel(serviceTypeSaveSchema, 'coordinator').returns<ServiceType[]>(),
  'services.list': channel(z.object({ caseId: idSchema }).strict()).returns<Service[]>(),
  'services.create': channel(serviceCreateSchema).returns<Service>(),
  'services.end': channel(serviceEndSchema).returns<Service>(),
} as const;
