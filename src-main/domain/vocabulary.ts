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

/** Relation of the victim to the person who used violence. */
export const RELATIONS = ['partner', 'ex_partner', 'parent', 'child', 'sibling', 'other_relative', 'other_close'] as const;
export type Relation = (typeof RELATIONS)[number];

/** How a child in a case was exposed: saw or heard it (barnfridsbrott), was subjected to it, or both. */
export const CHILD_EXPOSURES = ['witnessed', 'subjected', 'both'] as const;
export type ChildExposure = (typeof CHILD_EXPOSURES)[number];

/** Why a case was closed; national follow-up counts those closed with the goal met. */
export const CLOSING_REASONS = ['goal_met', 'goal_partly_met', 'goal_not_met', 'moved_away', 'declined_help', 'other'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];
