import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, showDate } from '../../app/dates';
import type { ReactNode } from 'react';
import type { ExtractCase, RegisterExtract } from '../../../src-main/features/privacy/extract';
import { actionKey } from './audit-actions';
import './privacy.css';

/**
 * The register extract as a document: on screen before it is produced, and
 * on the print route (PrintApp) for the PDF. Calls no channel: everything
 * comes in the extract, already stripped of other people in main.
 */
export function ExtractDocument({ extract: x }: { extract: RegisterExtract }) {
  const { t } = useTranslation();
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
                  {d.decisionDate}: {d.serviceLabel} – {t(`vocab.outcome.${d.outcome}` as 'vocab.outcome.granted')} ({d.legalGround}, {d.decidedBy})
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
                  {s.serviceLabel}: {s.startDate} – {s.endDate ?? ''}
                </li>
              ))}
            </ul>
          )}
          <ExtractCaseDocuments docs={c.documents} />
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

/** Assessments, plans, checklists and placements of one case that concern the person (a shelter by name and phone only). */
function ExtractCaseDocuments({ docs }: { docs: ExtractCase['documents'] }) {
  const { t } = useTranslation();
  const section = <T,>(heading: string, items: T[], line: (x: T) => ReactNode) =>
    items.length === 0 ? null : (
      <>
        <h5>{heading}</h5>
        <ul>
          {items.map((x, i) => (
            <li key={i}>{line(x)}</li>
          ))}
        </ul>
      </>
    );
  return (
    <>
      {section(t('privacy.extract.riskAssessments'), docs.riskAssessments, (r) => (
        <>
          {t('privacy.extract.riskLine', { date: r.assessedOn, level: t(`documents.level.${r.level}`), worker: r.workerName, next: r.nextAssessmentOn })}
          {r.judgement ? <p className="extract-entry-text">{r.judgement}</p> : null}
        </>
      ))}
      {section(t('privacy.extract.safetyPlans'), docs.safetyPlans, (s) => t('privacy.extract.safetyLine', { version: s.version, date: s.madeOn, worker: s.workerName, review: s.reviewOn }))}
      {section(t('privacy.extract.actionPlans'), docs.actionPlans, (a) => (
        <>
          {t('privacy.extract.actionLine', { status: t(`documents.actionPlan.status.${a.status}`), followUp: a.followUpOn ?? '—' })}
          {a.personSignedOn ? ` ${t('privacy.extract.personSigned', { date: a.personSignedOn })}` : ''}
          {a.goals.length ? (
            <ul>
              {a.goals.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ul>
          ) : null}
        </>
      ))}
      {section(t('privacy.extract.outcomeFollowups'), docs.outcomeFollowups, (f) => {
        const rating = (n: number | null) => (n === null ? t('privacy.extract.outcomeDeclined') : String(n));
        return (
          <>
            {t('privacy.extract.outcomeLine', { phase: t(`outcomes.phases.${f.phase}`), date: f.followedUpOn, safety: rating(f.safety), wellBeing: rating(f.wellBeing), stopped: t(`outcomes.stopped.${f.violenceStopped}`) })}
            {f.phase === 'closing' ? ` ${t('privacy.extract.outcomeHelp', { help: rating(f.helpRating) })}` : ''}
          </>
        );
      })}
      {section(t('privacy.extract.checklists'), docs.checklists, (c) => t('privacy.extract.checklistLine', { title: c.title, date: showDate(c.createdAt), count: c.ticked }))}
      {section(t('privacy.extract.placements'), docs.placements, (p) => (
        <>
          {t('privacy.extract.placementLine', { shelter: p.shelterName ?? '—', phone: p.shelterPhone ? ` (${p.shelterPhone})` : '', from: p.startDate, to: p.endDate ?? '' })}
          {p.asChild ? t('privacy.extract.asChild') : ''}
        </>
      ))}
    </>
  );
}
