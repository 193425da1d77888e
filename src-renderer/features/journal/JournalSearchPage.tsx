import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { useJournalStore } from './journal-store';
import { Snippet } from './Snippet';
import './journal.css';

/** "Sök i journaler": full-text search over every entry; each hit shows a snippet and opens its case at the entry. */
export function JournalSearchPage() {
  const { t } = useTranslation();
  const query = useJournalStore((s) => s.query);
  const setQuery = useJournalStore((s) => s.setQuery);
  const search = useJournalStore((s) => s.search);
  const hits = useJournalStore((s) => s.hits);
  const hitsFor = useJournalStore((s) => s.hitsFor);
  const order = useJournalStore((s) => s.order);
  const searching = useJournalStore((s) => s.searching);
  const error = useJournalStore((s) => s.searchError);

  // A search is logged, so it runs when asked for (Enter or "Sök"), not on every letter.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void search();
  };

  const answered = hitsFor !== '' && !searching;

  return (
    <section className="page">
      <PageHeading>{t('journalSearch.title')}</PageHeading>
      <form className="search-form" role="search" onSubmit={onSubmit}>
        <div className="field search-field">
          <label htmlFor="journal-search">{t('journalSearch.label')}</label>
          <p id="journal-search-hint" className="field-hint">
            {t('journalSearch.hint')}
          </p>
          <div className="search-row">
            <input id="journal-search" className="input input-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="journal-search-hint journal-search-status" autoComplete="off" maxLength={200} autoFocus />
            <button type="submit" className="button button-primary">
              {t('journalSearch.submit')}
            </button>
          </div>
        </div>
      </form>
      <p id="journal-search-status" className="search-status" role="status">
        {searching ? t('persons.searching') : answered ? (hits.length === 0 ? t('journalSearch.none', { query: hitsFor }) : t('journalSearch.count', { count: hits.length, query: hitsFor })) : ''}
      </p>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {answered && hits.length > 0 && order === 'newest' ? <p className="field-hint">{t('journalSearch.newestFirst')}</p> : null}
      {hits.length > 0 ? (
        <ol className="hit-list" data-testid="journal-hits">
          {hits.map((h) => (
            <li key={h.entryId} className="hit">
              <div className="hit-head">
                <button type="button" className="link-button cell-number" onClick={() => navigate({ name: 'case', caseId: h.caseId, entryId: h.entryId })}>
                  {h.caseNumber}
                </button>
                <span className="muted">{h.entryDate}</span>
                <span className={h.status === 'draft' ? 'badge badge-draft' : 'badge badge-signed'}>{h.status === 'draft' ? t('journal.draft') : t('journalSearch.signed')}</span>
              </div>
              <Snippet parts={h.snippet} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
