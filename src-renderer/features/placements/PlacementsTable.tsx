import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation-store';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import type { Placement } from '../../../src-main/features/placements/contract';
import { fullName } from '../persons/person-format';
import { formatOre } from './money';

/** Placements as a table: who, where, dates, days and cost so far, flags; an action per row when given. */
export function PlacementsTable({ placements, showCase, action }: { placements: readonly Placement[]; showCase?: boolean; action?: (p: Placement) => React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
    <table className="table placements-table">
      <thead>
        <tr>
          <th scope="col">{t('placements.person')}</th>
          {showCase ? <th scope="col">{t('placements.case')}</th> : null}
          <th scope="col">{t('placements.shelter')}</th>
          <th scope="col">{t('placements.start')}</th>
          <th scope="col">{t('placements.plannedEnd')}</th>
          <th scope="col">{t('placements.end')}</th>
          <th scope="col" className="cell-num">{t('placements.daysSoFar')}</th>
          <th scope="col" className="cell-num">{t('placements.costSoFar')}</th>
          {action ? (
            <th scope="col">
              <span className="visually-hidden">{t('casePeople.actions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {placements.map((p) => (
          <tr key={p.id} className={p.flags.length > 0 ? 'row-flagged' : undefined}>
            <td>
              <span className="person-cell">
                {fullName(p.person)} <ProtectionMarker level={p.person.protectionLevel} />
              </span>
              {p.children.length > 0 ? (
                <ul className="placement-children">
                  {p.children.map((c) => (
                    <li key={c.id}>
                      {fullName(c.person)} <ProtectionMarker level={c.person.protectionLevel} />
                      {c.startDate !== p.startDate || c.endDate ? <span className="muted"> {c.startDate}–{c.endDate ?? ''}</span> : null}
                      <span className="child-decision">
                        {c.decisionRef ? t('placements.childDecisionShort', { ref: c.decisionRef }) : t('placements.childDecisionMissing')} · {t(`placementVocab.consent.${c.consent}`)}
                        {c.consentGround ? ` (${c.consentGround})` : ''}
                      </span>
                      <span className="child-decision">{t(`placementVocab.schooling.${c.schooling}`)}{c.schoolingNote ? `: ${c.schoolingNote}` : ''}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </td>
            {showCase ? (
              <td>
                <button type="button" className="link-button cell-number" onClick={() => navigate({ name: 'case', caseId: p.caseId })}>
                  {p.caseNumber}
                </button>
              </td>
            ) : null}
            <td>{p.shelter.name}</td>
            <td className="cell-nowrap">{p.startDate}</td>
            <td className="cell-nowrap">
              {p.plannedEndDate ?? '–'}
              {p.flags.map((f) => (
                <span key={f} className="flag">
                  {' '}
                  {t(f === 'planned_end_passed' ? 'placements.flagPlannedEnd' : 'placements.flagFollowUp')}
                </span>
              ))}
            </td>
            <td className="cell-nowrap">
              {p.endDate ?? t('placements.ongoing')}
              {p.destination ? <span className="child-decision">{t(`placementVocab.destination.${p.destination}`)}</span> : null}
            </td>
            <td className="cell-num">
              {p.cost.adultDays}
              {p.cost.childDays > 0 ? <span className="child-decision">{t('placements.childDaysShort', { count: p.cost.childDays })}</span> : null}
            </td>
            <td className="cell-num cell-nowrap">
              {formatOre(p.cost.totalOre)}
              {p.cost.unpricedDays > 0 ? <span className="flag"> {t('placements.unpriced', { count: p.cost.unpricedDays })}</span> : null}
            </td>
            {action ? <td className="cell-actions">{action(p)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
