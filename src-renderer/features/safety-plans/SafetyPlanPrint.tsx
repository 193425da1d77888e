import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../src-main/features/print/models';
import { PrintInternalNote, PrintLayout, PrintSection, PrintText } from '../../components/print/PrintLayout';

type Doc = Extract<PrintedDocument, { kind: 'safety_plan' }>;

/** The printed safety plan: the person's own plan, written with them; the internal copy adds the shelter address and the internal note. */
export function SafetyPlanPrint({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  return (
    <PrintLayout
      letterhead={doc.letterhead}
      person={doc.person}
      facts={[
        { label: t('print.version'), value: t('print.versionOf', { version: doc.version, date: doc.madeOn }) },
        { label: t('print.madeWith'), value: `${doc.madeWith} ${t('print.andWorker', { name: doc.workerName })}` },
        { label: t('print.reviewOn'), value: doc.reviewOn },
      ]}
      signatures={[t('print.signaturePerson'), t('print.signatureWorker')]}
    >
      {doc.intro ? <p className="print-help">{doc.intro}</p> : null}
      {doc.sections.map((s) => (
        <PrintSection key={s.key} title={s.title}>
          {s.kind === 'text' ? <PrintText text={s.text} /> : null}
          {s.kind === 'items' ? (
            <>
              <ul className="print-checks">
                {s.items.map((i) => (
                  <li key={i.text}>
                    <span className="print-box">{i.checked ? '✓' : ''}</span>
                    {i.text}
                  </li>
                ))}
              </ul>
              {s.other ? <PrintText text={s.other} /> : null}
            </>
          ) : null}
          {s.kind === 'numbers' ? (
            <table className="print-table print-numbers">
              <tbody>
                {s.numbers.map((n) => (
                  <tr key={`${n.label}-${n.number}`}>
                    <td>{n.label}</td>
                    <td>{n.number}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </PrintSection>
      ))}
      {doc.shelterAddress ? (
        <PrintSection title={t('print.shelterAddress')} internal>
          <PrintText text={doc.shelterAddress} />
        </PrintSection>
      ) : null}
      <PrintInternalNote note={doc.internalNote} />
    </PrintLayout>
  );
}
