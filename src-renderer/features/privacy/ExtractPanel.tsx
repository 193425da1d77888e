import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { formatDate, formatDateTime, showDate } from '../../app/dates';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import type { RegisterExtract } from '../../../src-main/features/privacy/extract';
import { PersonSearchBox } from '../persons/PersonChooser';
import { usePrivacyStore } from './privacy-store';
import { actionKey } from './audit-actions';

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
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => void onPrint()}>
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

function ExtractDocument({ extract: x }: { extract: RegisterExtract }) {
  const { t } = useTranslation();
  const [serviceLabels, setServiceLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    void invoke('services.types')
      .then((types) => setServiceLabels(Object.fromEntries(types.map((s) => [s.code, s.label]))))
      .catch(() => setServiceLabels({}));
  }, []);
  const service = (code: string) => serviceLabels[code] ?? code;
  const p = x.person;
  return (
    <article className="extract-document" aria-labelledby="extract-doc-title">
      <p className="extract-confidential">{t('privacy.extract.confidential')}</p>
      <h2 id="extract-doc-title">
        {t('privacy.extract.docTitle')}: {p.firstName} {p.lastName}
      </h2>
      <p>
        {t('privacy.extract.producedFor', { unit: x.unitName })}. {t('privacy.extract.producedBy', { date: formatDateTime(x.producedAt), name: x.producedByName })}
      </p>

      <h3>{t('privacy.extract.personHeading')}</h3>
      <dl className="facts">
        <dt>{t('privacy.extract.name')}</dt>
        <dd>
          {p.firstName} {p.lastName}
        </dd>
        <dt>{t('privacy.extract.number')}</dt>
        <dd>{p.personalNumber ?? t('privacy.extract.noNumber')}</dd>
        <dt>{t('privacy.extract.birthYear')}</dt>
        <dd>{p.birthYear ?? '—'}</dd>
        <dt>{t('privacy.extract.gender')}</dt>
        <dd>{t(`vocab.gender.${p.gender}`)}</dd>
        <dt>{t('privacy.extract.protection')}</dt>
        <dd>{t(`vocab.protection.${p.protectionLevel}`)}</dd>
        <dt>{t('privacy.extract.address')}</dt>
        <dd>{p.addressWithheld ? t('privacy.extract.addressWithheld') : p.address ? [p.address.streetAddress, [p.address.postalCode, p.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '—'}</dd>
        <dt>{t('privacy.extract.phone')}</dt>
        <dd>{p.phone ?? '—'}</dd>
        <dt>{t('privacy.extract.email')}</dt>
        <dd>{p.email ?? '—'}</dd>
        <dt>{t('privacy.extract.language')}</dt>
        <dd>
          {p.language ?? '—'}
          {p.interpreterNeeded ? ` (${t('privacy.extract.interpreter')})` : ''}
        </dd>
        <dt>{t('privacy.extract.registered')}</dt>
        <dd>{formatDate(p.registeredAt)}</dd>
      </dl>

      <h3>{t('privacy.extract.casesHeading')}</h3>
      {x.cases.length === 0 ? <p>{t('privacy.extract.noCases')}</p> : null}
      {x.cases.map((c) => (
        <section key={c.caseNumber} className="extract-case">
          <h4>
            {c.caseNumber} · {c.roles.map((r) => t(`vocab.role.${r}`)).join(', ')}
          </h4>
          <p>
            {t('privacy.extract.intake')}: {c.intakeDate} · {t('privacy.extract.source')}: {t(`vocab.intakeSource.${c.intakeSource}` as 'vocab.intakeSource.report_police')} · {t('privacy.extract.status')}: {t(`vocab.status.${c.status}`)}
            {c.closedAt ? ` · ${t('privacy.extract.closed')}: ${showDate(c.closedAt)}` : ''} · {t('privacy.extract.worker')}: {c.assignedWorkerName}
          </p>
          <p>
            {t('privacy.extract.violence')}: {c.violenceTypes.map((v) => t(`vocab.violenceType.${v}` as 'vocab.violenceType.physical')).join(', ') || '—'}
          </p>
          <h5>{t('privacy.extract.journal')}</h5>
          {!c.isMainPerson ? (
            <p className="muted">{t('privacy.extract.journalWithheld')}</p>
          ) : c.journal.length === 0 ? (
            <p>{t('privacy.extract.noJournal')}</p>
          ) : (
            <ol className="extract-journal">
              {c.journal.map((j, i) => (
                <li key={i}>
                  <p className="extract-entry-head">
                    {j.entryDate} · {j.authorName}
                    {j.isCorrection ? ` · ${t('privacy.extract.correction')}` : ''}
                  </p>
                  <p className="extract-entry-text">{j.text}</p>
                </li>
              ))}
            </ol>
          )}
          <h5>{t('privacy.extract.decisions')}</h5>
          {c.decisions.length === 0 ? (
            <p>{t('privacy.extract.none')}</p>
          ) : (
            <ul>
              {c.decisions.map((d, i) => (
                <li key={i}>
                  {d.decisionDate}: {service(d.serviceType)} – {t(`vocab.outcome.${d.outcome}` as 'vocab.outcome.granted')} ({d.legalGround}, {d.decidedBy})
                </li>
              ))}
            </ul>
          )}
          <h5>{t('privacy.extract.services')}</h5>
          {c.services.length === 0 ? (
            <p>{t('privacy.extract.none')}</p>
          ) : (
            <ul>
              {c.services.map((s, i) => (
                <li key={i}>
                  {service(s.serviceType)}: {s.startDate} – {s.endDate ?? ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <h3>{t('privacy.extract.accessHeading')}</h3>
      {x.accessTruncated ? <p className="muted">{t('privacy.extract.accessTruncated')}</p> : null}
      <table className="table extract-access">
        <tbody>
          {x.access.map((a, i) => (
            <tr key={i}>
              <td className="cell-nowrap">{formatDateTime(a.at)}</td>
              <td>{a.workerName}</td>
              <td>{t(`privacy.log.actions.${actionKey(a.action)}` as 'privacy.log.actions.persons__read', { defaultValue: a.action })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="extract-confidential">{t('privacy.extract.confidential')}</p>
    </article>
  );
}
