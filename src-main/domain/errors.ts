/**
 * The few typed errors that cross the one door. Each carries a stable `code`
 * the renderer translates, a Swedish `message` for logs and fallbacks, and
 * optional `details` with no personal data in them.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'forbidden'
  | 'wrong_passphrase'
  | 'too_many_attempts'
  | 'not_a_vault'
  | 'vault_damaged'
  | 'vault_exists'
  | 'no_vault'
  | 'backup_invalid'
  | 'unknown_channel'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `personalNumber`. */
  path: string;
  /** Stable code for the renderer's i18n, e.g. `checksum`, `required`. */
  code: string;
  /** Swedish text for that field. */
  message: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[]; retryAfterSeconds?: number; existingId?: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorPayload['details'];
  constructor(code: ErrorCode, message: string, details?: ErrorPayload['details']) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message = 'Uppgifterna är inte giltiga. Rätta de markerade fälten.') {
    super('validation', message, { issues });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('not_found', `${what} finns inte.`);
  }
}

export class ConflictError extends AppError {
  /** `existingId`: the record that is already there; `path`: the field that clashed, for forms with many rows. */
  constructor(message: string, existingId?: string, path?: string) {
    super(
      'conflict',
      message,
      existingId || path
        ? { ...(existingId ? { existingId } : {}), ...(path ? { issues: [{ path, code: 'duplicate', message }] } : {}) }
        : undefined,
    );
  }
}

export class VaultLockedError extends AppError {
  constructor() {
    super('locked', 'Valvet är låst. Lås upp med ditt lösenord.');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Du har inte behörighet till den här funktionen.') {
    super('forbidden', message);
  }
}
