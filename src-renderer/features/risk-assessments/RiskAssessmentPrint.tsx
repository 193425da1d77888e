import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../src-main/features/print/models';
import { PrintInternalNote, PrintLayout, PrintSection, PrintText } from '../../components/print/PrintLayout';

type Doc = Extract<PrintedDocument, { kind: 'risk_assessment' }>;

/**
 * The printed risk assessment: every question with its answer (unanswered
 * ones said so), the level and the worker's judgement. The internal copy
 * adds the score, the suggested level, the reason for departing from it,
 * comments and the internal note.
 */
export function RiskAssessmentPrint({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  return (
    <PrintLayout
      letterhead={doc.letterhead}
      person={doc.person}
      facts={[
        { label: t('print.assessedOn'), value: doc.assessedOn },
        { label: t('print.assessedBy'), value: doc.workerName },
        { label: t('print.template'), value: t('print.templateVersion', { title: doc.template.title, version: doc.template.version }) },
        { label: t('print.nextAssessment'), value: doc.nextAssessmentOn },
      ]}
      signatures={[t('print.signatureWorker')]}
    >
      <PrintSection title={t('print.levelTitle')}>
        <p className="print-level">{t(`documents.level.${doc.level}`)}</p>
        <PrintText text={doc.judgement} />
        <p className="print-help">{t('print.answeredCount', { unanswered: doc.unanswered, unknown: doc.unknown })}</p>
      </PrintSection>
      {doc.scoring ? (
        <PrintSection title={t('print.scoring')} internal>
          <p>{t('print.scoreLine', { score: doc.scoring.score, max: doc.scoring.maxScore, level: t(`documents.level.${doc.scoring.suggestedLevel}`) })}</p>
          {doc.scoring.levelReason ? (
            <>
              <p className="print-help">{t('print.levelReason')}</p>
              <PrintText text={doc.scoring.levelReason} />
            </>
          ) : null}
        </PrintSection>
      ) : null}
      {doc.sections.map((s) => (
        <PrintSection key={s.title} title={s.title}>
          {s.questions.map((q) => (
            <div key={q.text} className="print-qa">
              <span>{q.text}</span>{' '}
              {q.answer === null ? <span className="print-unanswered">{t('print.unanswered')}</span> : <span className="print-answer print-text">{q.answer}</span>}
              {q.comment ? <p className="print-comment print-text">{q.comment}</p> : null}
            </div>
          ))}
        </PrintSection>
      ))}
      <PrintInternalNote note={doc.internalNote} />
    </PrintLayout>
  );
}
