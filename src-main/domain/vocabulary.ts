/**
 * The fixed vocabularies of the glossary (DOMAIN.md). Codes are English and
 * stable; the renderer translates them. Kept as tuples so zod enums and
 * TypeScript unions come from the same list.
 */

export const PROTECTION_LEVELS = ['none', 'sekretessmarkering', 'skyddad_folkbokforing', 'fingerade'] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

/** Protection levels whose address is never shown by default, printed or exported. */
export const ADDRESS_PROTECTED_LEVELS: readonly ProtectionLevel[] = ['skyddad_folkbokforing', 'fingerade'];

export function isAddressProtected(level: ProtectionLevel): boolean {
  return ADDRESS_PROTECTED_LEVELS.includes(level);
}

export const GENDERS = ['kvinna', 'man', 'annat', 'okant'] as const;
export type Gender = (typeof GENDERS)[number];

export const NUMBER_KINDS = ['personnummer', 'samordningsnummer', 'reservnummer', 'none'] as const;
export type PersonNumberKind = (typeof NUMBER_KINDS)[number];

export const INTAKE_SOURCES = [
  'own_application',
  'report_police',
  'report_school',
  'report_health_care',
  'report_other_authority',
  'report_public',
  'islandsmodellen',
  'screening_other_agency',
  'transfer_municipality',
  'womens_shelter',
] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

export const VIOLENCE_TYPES = [
  'physical',
  'psychological',
  'sexual',
  'economic',
  'material',
  'latent',
  'neglect',
  'honour_related',
  'digital',
] as const;
export type ViolenceType = (typeof VIOLENCE_TYPES)[number];

export const CASE_ROLES = ['victim', 'perpetrator', 'child', 'other'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_STATUSES = ['intake', 'investigation', 'ongoing', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const WORKER_ROLES = ['handlaggare', 'samordnare'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];
