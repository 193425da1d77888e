import { describe, expect, it } from 'vitest';
import { canChangeStatus, nextStatuses } from '../../../src-main/domain/case-status.js';
import { CASE_STATUSES } from '../../../src-main/domain/vocabulary.js';

describe('case status transitions', () => {
  it('go forward only, may close from any open status, and never leave closed', () => {
    expect(canChangeStatus('intake', 'investigation')).toBe(true);
    expect(canChangeStatus('intake', 'ongoing')).toBe(true);
    expect(canChangeStatus('investigation', 'ongoing')).toBe(true);
    expect(canChangeStatus('ongoing', 'investigation')).toBe(false);
    expect(canChangeStatus('investigation', 'intake')).toBe(false);
    for (const s of CASE_STATUSES) {
      expect(canChangeStatus(s, s)).toBe(false);
      expect(canChangeStatus('closed', s)).toBe(false);
      if (s !== 'closed') expect(canChangeStatus(s, 'closed')).toBe(true);
    }
    expect(nextStatuses('closed')).toEqual([]);
  });
});
