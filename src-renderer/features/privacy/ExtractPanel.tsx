import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { PersonSearchBox } from '../persons/PersonChooser';
import { usePrivacyStore } from './privacy-store';
import { ExtractDocument } from './ExtractDocument';
import { download } from '../../components/print/PrintControls';

/**
 * The register extract: pick the person, see exactly what will be included
 * (and what is left out), then print it. The printout is the document shown,
 * with the secrecy marking; printing is logged.
 */
export function ExtractPanel({ personId }: { personId?: string | undefined }) {
  const { t } = useTranslation();
  const extract = usePrivacyStore((s) => s.extract);
  const extractPersonId = usePrivacyStore((s) => s.extractPersonId);
  const extractError = usePrivacyStore((s) => s.extractError);
  const loadExtract = usePrivacyStore((s) => s.loadExtract);
  const clearExtract = usePrivacyStore((s) => s.clearExtract);
  const [printed, setPrinted] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (personId && personId !== extractPersonId) void loadExtract(personId);
  }, [personId, extractPersonId, loadExtract]);

  const [savingPdf, setSavingPdf] = useState(false);
  const onPdf = async () => {
    if (!extractPersonId) return;
    setError(null);
    setSavingPdf(true);
    try {
      const r = await invoke('privacy.extractPdf', { personId: extractPersonId });
      if (r.outcome === 'download') download(r.fileName, r.pdfBase64);
      if (r.outcome !== 'cancelled') setPrinted(true);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSavingPdf(false);
    }
  };

  const onPrint = async () => {
    if (!extractPersonId) return;
    setError(null);
    try {
      await invoke('privacy.extractProduced', { personId: extractPersonId });
      setPrinted(true);
      window.print();
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <>
      <section className="panel no-print" aria-labelledby="extract-heading">
        <h2 id="extract-heading">{t('privacy.extract.heading')}</h2>
        <p className="muted">{t('privacy.extract.intro')}</p>
        {extractPersonId ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              clearExtract();
              setPrinted(false);
            }}
          >
            {t('privacy.extract.change')}
          </button>
        ) : (
          <>
            <p>{t('privacy.extract.choose')}</p>
            <PersonSearchBox idPrefix="extract-person" invalid={false} onPick={(p) => void loadExtract(p.id)} />
          </>
        )}
        {extractError ? <Alert>{describeError(extractError)}</Alert> : null}
        {error ? <Alert>{error}</Alert> : null}
        {extract ? (
          <>
            <h3>{t('privacy.extract.withheldHeading')}</h3>
            <p>
              {t('privacy.extract.withheld', {
                otherPersons: extract.withheld.otherPersons,
                maskedMentions: extract.withheld.maskedMentions,
                casesWithoutJournal: extract.withheld.casesWithoutJournal,
                others: extract.withheld.decisionsForOthers + extract.withheld.servicesForOthers,
              })}
            </p>
            <p>{t('privacy.extract.documentsWithheld', { internalNotes: extract.withheld.internalNotes, shelterAddresses: extract.withheld.shelterAddresses, documentsForOthers: extract.withheld.documentsForOthers })}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={savingPdf} onClick={() => void onPdf()}>
                {t('privacy.extract.pdf')}
              </button>
              <button type="button" className="button" onClick={() => void onPrint()}>
                {t('privacy.extract.print')}
              </button>
            </div>
            {printed ? <Alert kind="success">{t('privacy.extract.printed')}</Alert> : null}
          </>
        ) : null}
      </section>
      {extract ? <ExtractDocument extract={extract} /> : null}
    </>
  );
}
