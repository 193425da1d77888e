/** The main process refuses shorter passphrases (vault.ts MIN_PASSPHRASE_LENGTH); the hint follows the same rule. */
export const MIN_PASSPHRASE_LENGTH = 10;

export type PassphraseStrength = 'empty' | 'too_short' | 'acceptable' | 'strong';

/**
 * A rough, honest hint while typing – not a promise. Length counts most (a
 * phrase of several words beats a short tangle of symbols); variety or
 * several words lift a long passphrase to "strong"; a run of one repeated
 * character never does.
 *
 * @example passphraseStrength('blå cykel vid sjön i juni') // 'strong'
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length === 0) return 'empty';
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return 'too_short';
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 2).length;
  const distinct = new Set(passphrase.toLowerCase()).size;
  if (distinct < 6) return 'acceptable';
  if (passphrase.length >= 24) return 'strong';
  if (passphrase.length >= 16 && (classes >= 3 || words >= 3)) return 'strong';
  return 'acceptable';
}
