import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/app/api-client';
import { describeError, fieldErrorsOf } from '../../../src-renderer/app/errors';
import { i18n } from '../../../src-renderer/i18n';

const tooMany = new ApiError({ code: 'too_many_attempts', message: 'För många felaktiga försök. Vänta 16 sekunder och försök igen.', details: { retryAfterSeconds: 16 } });
const badNumber = new ApiError({ code: 'validation', message: 'Uppgifterna är inte giltiga.', details: { issues: [{ path: 'identity.value', code: 'personal_number_checksum', message: 'Kontrollsiffran stämmer inte. Kontrollera numret.' }] } });

describe('error texts', () => {
  afterEach(async () => {
    await i18n.changeLanguage('sv');
  });

  it('uses the server’s own Swedish message in Swedish', () => {
    // Given a refusal / When described in Swedish / Then the server's sentence is used as it is
    expect(describeError(tooMany)).toBe('För många felaktiga försök. Vänta 16 sekunder och försök igen.');
    expect(fieldErrorsOf(badNumber)).toEqual({ 'identity.value': 'Kontrollsiffran stämmer inte. Kontrollera numret.' });
  });

  it('translates the code (with the seconds) in English', async () => {
    // Given the English language pack
    await i18n.changeLanguage('en');
    // When the same refusals are described / Then the codes are translated
    expect(describeError(tooMany)).toBe('Too many failed attempts. Wait 16 seconds and try again.');
    expect(fieldErrorsOf(badNumber)).toEqual({ 'identity.value': 'The check digit does not match. Check the number.' });
    expect(describeError(new Error('boom'))).toBe('An unexpected error occurred. Nothing was saved. Try again, and contact IT if it persists.');
  });
});
