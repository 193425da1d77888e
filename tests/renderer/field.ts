import { screen } from '@testing-library/react';

/**
 * The text a screen reader reads as a field's description (its hint and
 * error), found through aria-describedby – so a test checks that an error
 * is tied to the right field, not merely somewhere on the page.
 */
export function descriptionOf(label: string | RegExp): string {
  const field = screen.getByLabelText(label);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}
