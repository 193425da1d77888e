import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OpenVault } from '../vault/vault.js';
import type { AuditLog } from '../features/audit/audit-log.js';
import type { WorkerRole } from '../domain/vocabulary.js';
import type { Access, AnyContract, AccessOf, OutputOf, ParsedOf } from './channel.js';
import type { Core } from '../core.js';

export interface SessionWorker {
  id: string;
  name: string;
  role: WorkerRole;
}

/** Who is working, attached by the router to every call but the public ones. */
export interface Session {
  readonly vault: OpenVault;
  readonly db: Kysely<Database>;
  readonly worker: SessionWorker;
  readonly audit: AuditLog;
}

export interface PublicContext {
  readonly core: Core;
  readonly session: Session | null;
}

export interface WorkerContext {
  readonly core: Core;
  readonly session: Session;
}

export type ContextFor<A extends Access> = A extends 'public' ? PublicContext : WorkerContext;

/** A feature's handlers, typed from its contract: input already parsed, output as declared. */
export type Handlers<C extends AnyContract> = {
  readonly [K in keyof C]: (input: ParsedOf<C[K]>, ctx: ContextFor<AccessOf<C[K]>>) => Promise<OutputOf<C[K]>>;
};
