import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../src-renderer/features/vault/passphrase-strength';

describe('passphraseStrength', () => {
  it('follows the server rule of 10 characters for "too short"', () => {
    // Given passphrases on either side of the minimum, when rated, then 9 is too short and 10 is not
    expect(passphraseStrength('')).toBe('empty');
    expect(passphraseStrength('abcdefgh1')).toBe('too_short');
    expect(passphraseStrength('abcdefgh12')).toBe('acceptable');
  });

  it('rates a phrase of several words as strong, and a long run of one character as merely acceptable', () => {
    // Given a passphrase of words, and one repeated letter of the same length
    // When rated / Then only the phrase is strong
    expect(passphraseStrength('blå cykel vid sjön')).toBe('strong');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaaaaa')).toBe('acceptable');
  });
});
