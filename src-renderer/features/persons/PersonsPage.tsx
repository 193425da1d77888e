import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { fullName, identityText } from './person-format';
import { selectVisibleResults, usePersonsStore } from './persons-store';

/** How long typing must pause before a search goes out: quick enough to feel live, slow enough not to search every letter. */
export const SEARCH_DEBOUNCE_MS = 150;

/** Search as you type, and the way to register someone new. */
export function PersonsPage() {
  const { t } = useTranslation();
  const query = usePersonsStore((s) => s.query);
  const setQuery = usePersonsStore((s) => s.setQuery);
  const search = usePersonsStore((s) => s.search);
  const results = usePersonsStore(selectVisibleResults);
  const resultsFor = usePersonsStore((s) => s.resultsFor);
  const searching = usePersonsStore((s) => s.searching);
  const searchError = usePersonsStore((s) => s.searchError);

  useEffect(() => {
    const timer = setTimeout(() => void search(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const answered = query.trim() !== '' && resultsFor === query.trim();

  return (
    <section className="page">
      <div className="page-head">
        <PageHeading focusOnMount={false}>{t('persons.title')}</PageHeading>
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'person-new' })}>
          {t('persons.register')}
        </button>
      </div>
      <div className="field search-field">
        <label htmlFor="person-search">{t('persons.searchLabel')}</label>
        <p id="person-search-hint" className="field-hint">
          {t('persons.searchHint')}
        </p>
        <input id="person-search" className="input input-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="person-search-hint person-search-status" autoComplete="off" autoFocus />
      </div>
      <p id="person-search-status" className="search-status" role="status">
        {searching ? t('persons.searching') : answered ? (results.length === 0 ? t('persons.noResults') : t('persons.resultsCount', { count: results.length })) : ''}
      </p>
      {searchError ? <Alert>{describeError(searchError)}</Alert> : null}
      {results.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('persons.colName')}</th>
              <th scope="col">{t('persons.colNumber')}</th>
              <th scope="col">{t('persons.colProtection')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((p) => (
              <tr key={p.id} className={p.protectionLevel === 'none' ? undefined : 'row-protected'}>
                <td>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'person', personId: p.id })}>
                    {fullName(p)}
                  </button>
                </td>
                <td className="cell-number">{identityText(p)}</td>
                <td>
                  <ProtectionMarker level={p.protectionLevel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
