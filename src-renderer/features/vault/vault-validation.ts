import type { FieldFindings } from '../../app/validation';
import { MIN_PASSPHRASE_LENGTH } from './passphrase-strength';

/** The checks every new passphrase gets, with the messages on the fields the worker must fix. */
export function checkNewPassphrase(passphrase: string, repeat: string): FieldFindings<'passphrase' | 'passphraseRepeat'> {
  const out: FieldFindings<'passphrase' | 'passphraseRepeat'> = {};
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) out.passphrase = 'passphraseTooShort';
  if (repeat !== passphrase) out.passphraseRepeat = 'passphraseMismatch';
  return out;
}

export interface SetupValues {
  unitName: string;
  workerName: string;
  passphrase: string;
  passphraseRepeat: string;
}

export function validateSetup(v: SetupValues): FieldFindings<keyof SetupValues> {
  const out: FieldFindings<keyof SetupValues> = { ...checkNewPassphrase(v.passphrase, v.passphraseRepeat) };
  if (v.unitName.trim().length === 0) out.unitName = 'required';
  else if (v.unitName.trim().length > 100) out.unitName = 'tooLong';
  if (v.workerName.trim().length === 0) out.workerName = 'required';
  else if (v.workerName.trim().length > 100) out.workerName = 'tooLong';
  return out;
}

export interface RecoveryValues {
  recoveryKey: string;
  workerId: string;
  passphrase: string;
  passphraseRepeat: string;
}

export function validateRecovery(v: RecoveryValues): FieldFindings<keyof RecoveryValues> {
  const out: FieldFindings<keyof RecoveryValues> = { ...checkNewPassphrase(v.passphrase, v.passphraseRepeat) };
  if (!/^[0-9a-f]{64}$/i.test(v.recoveryKey.replace(/[\s-]/g, ''))) out.recoveryKey = 'recoveryKeyFormat';
  if (!v.workerId) out.workerId = 'chooseWorker';
  return out;
}
