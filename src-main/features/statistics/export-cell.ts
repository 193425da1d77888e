import type { Mark } from '../../domain/suppression.js';
import type { ExportCell } from './contract.js';

/** How a suppressed count is written: the count, `<threshold` (small), `..` (hidden to protect another), or nothing (not part of the table). */
export function cell(mark: Mark, threshold: number): ExportCell {
  switch (mark.kind) {
    case 'shown':
      return mark.value;
    case 'primary':
      return `<${threshold}`;
    case 'secondary':
      return '..';
    case 'absent':
      return '';
  }
}
