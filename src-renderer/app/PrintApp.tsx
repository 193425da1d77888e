import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PrintedDocument } from '../../src-main/features/print/models';
import { ActionPlanPrint } from '../features/action-plans/ActionPlanPrint';
import { ChecklistPrint } from '../features/checklists/ChecklistPrint';
import { RiskAssessmentPrint } from '../features/risk-assessments/RiskAssessmentPrint';
import { SafetyPlanPrint } from '../features/safety-plans/SafetyPlanPrint';
import type { RegisterExtractPrint } from '../../src-main/features/privacy/extract';
import { ExtractDocument } from '../features/privacy/ExtractDocument';
import type { StatisticsReportPrint } from '../../src-main/features/statistics/report-pdf';
import { StatisticsReportPrintView } from '../features/statistics/StatisticsReportPrint';
import type { AccessLogPrint } from '../../src-main/features/privacy/log-pdf';
import { AccessLogDocument } from '../features/privacy/AccessLogDocument';

/** What the print route renders: a case document, a person's register extract, the statistics board report, or the filtered access log. */
type Printable = PrintedDocument | RegisterExtractPrint | StatisticsReportPrint | AccessLogPrint;

declare global {
  interface Window {
    /** Set by the print route: renders one (already filtered) document; resolves when it can be printed. */
    fristadPrint?: (doc: Printable) => Promise<void>;
  }
}

/** One component per document kind: add a printable document here. */
export function PrintedDocumentView({ doc }: { doc: Printable }) {
  switch (doc.kind) {
    case 'safety_plan':
      return <SafetyPlanPrint doc={doc} />;
    case 'action_plan':
      return <ActionPlanPrint doc={doc} />;
    case 'risk_assessment':
      return <RiskAssessmentPrint doc={doc} />;
    case 'checklist':
      return <ChecklistPrint doc={doc} />;
    case 'register_extract':
      return <ExtractDocument extract={doc.extract} />;
    case 'statistics_report':
      return <StatisticsReportPrintView doc={doc} />;
    case 'access_log':
      return <AccessLogDocument doc={doc} />;
  }
}

/**
 * The print route (`index.html#print`): no app, no vault, no channel. The
 * main process's print engine hands it a document through
 * `window.fristadPrint` and prints the page when the promise resolves.
 */
export function PrintApp() {
  const [doc, setDoc] = useState<Printable | null>(null);
  useEffect(() => {
    document.documentElement.classList.add('print-route');
    window.fristadPrint = async (next) => {
      flushSync(() => setDoc(next));
      await Promise.all([...document.images].map((img) => (img.complete ? Promise.resolve() : img.decode().catch(() => undefined))));
      await document.fonts.ready;
    };
    return () => {
      delete window.fristadPrint;
    };
  }, []);
  return doc ? <PrintedDocumentView doc={doc} /> : null;
}
