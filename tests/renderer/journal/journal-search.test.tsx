import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { installFakeBridge } from '../fake-bridge';
import { CASE_ID, ENTRY_ID, caseViewHandlers, searchHit, session, signedEntry } from '../fixtures';

describe('journal search', () => {
  it('shows matches as <mark> elements made from text, so markup in a note stays text', async () => {
    // Given a hit whose note contains markup
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const bridge = installFakeBridge({
      'journal.search': () => ({
        hits: [
          searchHit({
            snippet: [
              { text: `…skrev ${hostile} och `, match: false },
              { text: 'köket', match: true },
              { text: ' <b>igen</b>…', match: false },
            ],
          }),
        ],
        order: 'best_match',
      }),
    });
    navigate({ name: 'journal-search' });
    render(<Shell session={session} />);
    const user = userEvent.setup();
    // When the worker searches
    await user.type(screen.getByLabelText('Sökord'), 'koket');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    // Then the match is a <mark> with the matched text
    const hits = await screen.findByTestId('journal-hits');
    const marks = hits.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('köket');
    // And the markup is plain text: no element was made from it
    expect(hits.querySelector('img')).toBeNull();
    expect(hits.querySelector('b')).toBeNull();
    expect(hits.textContent).toContain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(bridge.callsTo('journal.search')).toEqual([{ query: 'koket', limit: 50 }]);
    expect(screen.getByText('1 anteckning innehåller ”koket”.')).toBeTruthy();
  });

  it('opens the case at the entry found', async () => {
    const bridge = installFakeBridge({
      ...caseViewHandlers({ 'journal.list': () => [signedEntry()] }),
      'journal.search': () => ({ hits: [searchHit()], order: 'newest' }),
    });
    navigate({ name: 'journal-search' });
    render(<Shell session={session} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Sökord'), 'köket{Enter}');
    const hits = await screen.findByTestId('journal-hits');
    // Very many matches: the worker is told the newest come first
    expect(screen.getByText(/de senast skrivna visas först/)).toBeTruthy();
    await user.click(within(hits).getByRole('button', { name: '2025-0001' }));
    expect(await screen.findByRole('heading', { name: 'Ärende 2025-0001' })).toBeTruthy();
    expect(bridge.callsTo('cases.get')).toEqual([{ id: CASE_ID }]);
    const article = await screen.findByRole('article', { name: '2025-03-02 – Karin Lund' });
    expect(article.id).toBe(`journal-entry-${ENTRY_ID}`);
    expect(document.activeElement).toBe(article);
  });
});
