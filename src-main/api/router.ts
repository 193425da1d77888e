import { z } from 'zod';
import type { Core } from '../core.js';
import { AppError, ForbiddenError, ValidationError, type FieldIssue } from '../domain/errors.js';
import { classifyOpenError } from '../db/connection.js';
import type { AnyChannel, AnyContract } from './channel.js';
import type { Handlers, PublicContext, WorkerContext } from './context.js';
import type { InvokeResult } from './result.js';

z.config(z.locales.sv());

/** Channels a worker may still use while their first passphrase must be changed. */
const ALLOWED_BEFORE_PASSPHRASE_CHANGE = new Set(['vault.status', 'vault.lock', 'vault.changePassphrase', 'vault.touch']);

interface Route {
  def: AnyChannel;
  handler: (input: unknown, ctx: PublicContext | WorkerContext) => Promise<unknown>;
}

/** A feature's contract and handlers, registered together. */
export interface FeatureRegistration {
  contract: AnyContract;
  handlers: Handlers<AnyContract>;
}

export function feature<C extends AnyContract>(contract: C, handlers: Handlers<C>): FeatureRegistration {
  return { contract, handlers: handlers as unknown as Handlers<AnyContract> };
}

function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

function isSqliteError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_');
}

/**
 * The one door. Looks the channel up, validates the input before any feature
 * code runs, attaches the session (refusing everything but public channels
 * while locked), checks the role, and turns every failure into a typed error.
 */
export class Router {
  readonly #routes = new Map<string, Route>();

  constructor(
    private readonly core: Core,
    registrations: FeatureRegistration[],
  ) {
    for (const { contract, handlers } of registrations) {
      for (const [name, def] of Object.entries(contract)) {
        if (this.#routes.has(name)) throw new Error(`Channel registered twice: ${name}`);
        const handler = (handlers as Record<string, Route['handler'] | undefined>)[name];
        if (typeof handler !== 'function') throw new Error(`Channel without handler: ${name}`);
        this.#routes.set(name, { def, handler });
      }
      for (const name of Object.keys(handlers)) {
        if (!(name in contract)) throw new Error(`Handler without channel in contract: ${name}`);
      }
    }
  }

  get channels(): string[] {
    return [...this.#routes.keys()];
  }

  async invoke(channel: unknown, input: unknown): Promise<InvokeResult> {
    const name = typeof channel === 'string' ? channel : '';
    const route = this.#routes.get(name);
    if (!route) {
      this.core.log.warn('router.unknown_channel', { channel: name.slice(0, 80) });
      return { ok: false, error: { code: 'unknown_channel', message: 'Funktionen finns inte.' } };
    }
    try {
      // A handläggare is refused a coordinator's channel whatever the input: the answer never depends on it.
      const session = route.def.access === 'public' ? null : this.core.session;
      if (session && route.def.access === 'coordinator' && session.worker.role !== 'samordnare') {
        throw new ForbiddenError('Den här funktionen är bara för samordnare.');
      }
      const parsed = route.def.input.safeParse(input);
      if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
      let ctx: PublicContext | WorkerContext;
      if (route.def.access === 'public') {
        ctx = { core: this.core, session: this.core.session };
      } else {
        const current = this.core.requireSession();
        if (this.core.mustChangePassphrase && !ALLOWED_BEFORE_PASSPHRASE_CHANGE.has(name)) {
          throw new ForbiddenError('Du måste byta ditt första lösenord innan du kan arbeta i Fristad.');
        }
        ctx = { core: this.core, session: current };
      }
      if (route.def.activity && this.core.session) this.core.touch();
      const value = await route.handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: this.#toPayload(name, err) };
    }
  }

  #toPayload(channel: string, err: unknown) {
    if (err instanceof AppError) {
      if (err.code !== 'validation') this.core.log.info('router.refused', { channel, code: err.code });
      else this.core.log.info('router.invalid_input', { channel, fields: (err.details?.issues ?? []).map((i) => `${i.path}:${i.code}`).join(',') });
      return err.toPayload();
    }
    if (isSqliteError(err)) {
      const code = String((err as { code: unknown }).code);
      this.core.log.error('router.sqlite_error', { channel, sqliteCode: code });
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('conflict', 'Uppgiften finns redan.').toPayload();
      if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('validation', 'Uppgifterna hänger inte ihop (en koppling saknas).').toPayload();
      return classifyOpenError(err).toPayload();
    }
    // The error's name and where it was thrown, not its message: a message can quote data.
    const at = err instanceof Error ? (err.stack ?? '').split('\n').find((l) => l.trim().startsWith('at '))?.trim().slice(0, 200) ?? '' : '';
    this.core.log.error('router.internal_error', { channel, error: err instanceof Error ? err.name : typeof err, at });
    return new AppError('internal', 'Ett oväntat fel inträffade. Inget har sparats. Försök igen, och kontakta IT om felet kvarstår.').toPayload();
  }
}
