import { channel } from '../../api/channel.js';
import { noInput } from '../../api/schemas.js';
import type { WorkerRole } from '../../domain/vocabulary.js';

export interface WorkerSummary {
  id: string;
  name: string;
  role: WorkerRole;
  active: boolean;
}

export const workersContract = {
  /** The unit's workers, for assigning cases and filtering the case list. */
  'workers.list': channel(noInput).returns<WorkerSummary[]>(),
} as const;
