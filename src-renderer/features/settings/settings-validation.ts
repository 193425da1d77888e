import type { FieldFindings } from '../../app/validation';
import type { Settings } from '../../../src-main/features/settings/contract';

export interface SettingsFormValues {
  unitName: string;
  autoLockMinutes: string;
  backupFolder: string;
  backupGenerations: string;
}

export function toFormValues(s: Settings): SettingsFormValues {
  return { unitName: s.unitName, autoLockMinutes: String(s.autoLockMinutes), backupFolder: s.backupFolder ?? '', backupGenerations: String(s.backupGenerations) };
}

function wholeNumberIn(text: string, min: number, max: number): boolean {
  if (!/^\d+$/.test(text.trim())) return false;
  const n = Number(text.trim());
  return n >= min && n <= max;
}

export function validateSettings(v: SettingsFormValues): FieldFindings<keyof SettingsFormValues> {
  const out: FieldFindings<keyof SettingsFormValues> = {};
  if (v.unitName.trim().length === 0) out.unitName = 'required';
  if (!wholeNumberIn(v.autoLockMinutes, 1, 120)) out.autoLockMinutes = 'autoLockRange';
  if (!wholeNumberIn(v.backupGenerations, 1, 100)) out.backupGenerations = 'generationsRange';
  return out;
}

/** An empty folder field means "no backup folder" (null), as the contract has it. */
export function toSettings(v: SettingsFormValues): Settings {
  const folder = v.backupFolder.trim();
  return { unitName: v.unitName.trim(), autoLockMinutes: Number(v.autoLockMinutes.trim()), backupFolder: folder === '' ? null : folder, backupGenerations: Number(v.backupGenerations.trim()) };
}
