import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src-main/domain/dates.js';

describe('localIsoDate', () => {
  it('gives the Swedish calendar date just after midnight, when UTC is still on the day before', () => {
    expect(localIsoDate(new Date('2026-11-23T23:30:00Z'), 'Europe/Stockholm')).toBe('2026-11-24');
    expect(localIsoDate(new Date('2026-07-01T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-02');
    expect(localIsoDate(new Date('2026-07-01T21:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-01');
  });
});
