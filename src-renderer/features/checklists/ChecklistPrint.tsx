import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../src-main/features/print/models';
import { formatDateTime } from '../../app/dates';
import { PrintLayout, PrintSection } from '../../components/print/PrintLayout';

type Doc = Extract<PrintedDocument, { kind: 'checklist' }>;

/** The printed checklist: each step ticked or not, by whom and when; notes only on the internal copy. */
export function ChecklistPrint({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  return (
    <PrintLayout letterhead={doc.letterhead} person={doc.person} facts={[{ label: t('print.progress'), value: t('documents.checklist.progress', doc.progress) }]} signatures={[]}>
      {doc.sections.map((s) => (
        <PrintSection key={s.title} title={s.title}>
          <ul className="print-checks">
            {s.items.map((i) => (
              <li key={i.text}>
                <span className="print-box">{i.tick ? '✓' : ''}</span>
                <span>
                  {i.text}
                  {i.tick ? <span className="print-help"> — {t('print.tickedBy', { name: i.tick.by, at: formatDateTime(i.tick.at) })}</span> : null}
                  {i.note ? <span className="print-comment print-text"> {i.note}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </PrintSection>
      ))}
    </PrintLayout>
  );
}
