import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { CASE_LOG_FIELDS, type CaseLogField } from '../../domain/import-case-log-fields.js';
import { INTAKE_SOURCES, type CaseStatus, type IntakeSource } from '../../domain/vocabulary.js';

/** The fields of Fristad a column of the unit's placement log can be mapped to. */
export const IMPORT_FIELDS = ['personalNumber', 'firstName', 'lastName', 'shelterName', 'decisionDate', 'startDate', 'plannedEndDate', 'endDate', 'pricePerDay', 'children', 'childDecisionRefs'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['personalNumber', 'shelterName', 'startDate'];

/** Largest file accepted, in bytes: a placement log of many years is far below it. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

const base64Schema = z
  .string({ error: 'Välj en fil.' })
  .min(1, { error: 'Filen är tom.' })
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { error: 'Filen är för stor (högst 5 MB).' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Filen kunde inte läsas.' });

/** The file as the renderer sends it: its name (for the kind) and its bytes in base64, which both transports carry as JSON. */
export const importFileSchema = z.object({
  fileName: z.string().trim().min(1).max(255).regex(/\.(xlsx|csv|txt)$/i, { error: 'Välj en fil av typen .xlsx eller .csv.' }),
  base64: base64Schema,
});

/** Which column (0-based) holds each field; null or missing: not in the file. */
export const importMappingSchema = z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(200).nullable().optional()])) as Record<ImportField, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>).strict();

export const importRunSchema = importFileSchema
  .extend({
    mapping: importMappingSchema,
    /** How a case opened by the import came in (the log rarely says). */
    newCaseSource: z.enum(INTAKE_SOURCES, { error: 'Välj hur nya ärenden aktualiserades.' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const f of REQUIRED_IMPORT_FIELDS) if (v.mapping[f] == null) ctx.addIssue({ code: 'custom', path: ['mapping', f], message: 'Välj vilken kolumn som innehåller fältet.' });
  });

export interface ImportPreview {
  kind: 'xlsx' | 'csv';
  encoding: string | null;
  separator: string | null;
  headers: string[];
  /** The first rows, for the mapping step. */
  sample: string[][];
  rowCount: number;
  suggested: Partial<Record<ImportField, number>>;
  /** The same for a case log: the worker says in the wizard which kind the file is. */
  suggestedCaseLog: Partial<Record<CaseLogField, number>>;
}

export interface AcceptedRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  personalNumber: string;
  name: string;
  shelterName: string;
  startDate: string;
  endDate: string | null;
  newPerson: boolean;
  newCase: boolean;
  /** Accompanying children placed with the person. */
  children: number;
}

export interface RefusedRow {
  rowNumber: number;
  reasons: string[];
}

export interface ImportReport {
  committed: boolean;
  rowCount: number;
  accepted: AcceptedRow[];
  refused: RefusedRow[];
  newPersons: number;
  newCases: number;
  /** Accompanying children over all accepted rows. */
  children: number;
}

export interface TemplateFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** What a file is: the unit's placement log or its case log (ärendelogg). */
export const IMPORT_KINDS = ['placement_log', 'case_log'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export { CASE_LOG_FIELDS, type CaseLogField };
/** Without these a row cannot be a case; the victim also needs a number, or a name and birth year. */
export const REQUIRED_CASE_LOG_FIELDS: readonly CaseLogField[] = ['intakeDate', 'violenceTypes'];

export const caseLogMappingSchema = z
  .object(Object.fromEntries(CASE_LOG_FIELDS.map((f) => [f, z.number().int().min(0).max(200).nullable().optional()])) as Record<CaseLogField, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();

export const caseLogRunSchema = importFileSchema
  .extend({
    mapping: caseLogMappingSchema,
    /** The source of a row whose source cell is empty, or of every row when the log has no such column. */
    defaultSource: z.enum(INTAKE_SOURCES, { error: 'Välj källa för rader utan källa.' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const f of REQUIRED_CASE_LOG_FIELDS) if (v.mapping[f] == null) ctx.addIssue({ code: 'custom', path: ['mapping', f], message: 'Välj vilken kolumn som innehåller fältet.' });
    if (v.mapping.personalNumber == null && (v.mapping.firstName == null || v.mapping.lastName == null || v.mapping.birthYear == null)) {
      ctx.addIssue({ code: 'custom', path: ['mapping', 'personalNumber'], message: 'Välj kolumnen med personnummer, eller kolumnerna för förnamn, efternamn och födelseår.' });
    }
  });

export interface CaseLogAcceptedRow {
  rowNumber: number;
  /** The unit's own case number, kept beside Fristad's. */
  caseReference: string | null;
  personalNumber: string | null;
  name: string;
  intakeDate: string;
  status: CaseStatus;
  newPerson: boolean;
  workerName: string;
  /** The row's note becomes a draft journal entry. */
  draft: boolean;
}

export interface CaseLogReport {
  committed: boolean;
  rowCount: number;
  accepted: CaseLogAcceptedRow[];
  refused: RefusedRow[];
  newPersons: number;
  newCases: number;
  drafts: number;
}

export const importsContract = {
  'imports.preview': channel(importFileSchema.strict()).returns<ImportPreview>(),
  'imports.dryRun': channel(importRunSchema).returns<ImportReport>(),
  'imports.commit': channel(importRunSchema).returns<ImportReport>(),
  'imports.caseLogDryRun': channel(caseLogRunSchema).returns<CaseLogReport>(),
  'imports.caseLogCommit': channel(caseLogRunSchema).returns<CaseLogReport>(),
  'imports.template': channel(z.object({ format: z.enum(['xlsx', 'csv']), kind: z.enum(IMPORT_KINDS).optional() }).strict()).returns<TemplateFile>(),
} as const;

export type { IntakeSource };
