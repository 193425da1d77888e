import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { download } from '../../components/print/PrintControls';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import type { ExportCell, ExportFile } from '../../../src-main/features/statistics/contract';
import { useStatisticsStore } from './statistics-store';

/** Hands the file's bytes to the browser's save (Electron asks where to save it). */
function saveFile(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A cell as the file will hold it: numbers with a decimal comma, as Swedish Excel shows them. */
function shown(cell: ExportCell): string {
  return typeof cell === 'number' ? String(cell).replace('.', ',') : cell;
}

/** The anonymised export: preview every cell, then save as CSV or Excel. */
export function ExportSection() {
  const { t } = useTranslation();
  const preview = useStatisticsStore((s) => s.preview);
  const previewing = useStatisticsStore((s) => s.previewing);
  const exporting = useStatisticsStore((s) => s.exporting);
  const exportError = useStatisticsStore((s) => s.exportError);
  const savedFile = useStatisticsStore((s) => s.savedFile);
  const loadPreview = useStatisticsStore((s) => s.loadPreview);
  const exportAs = useStatisticsStore((s) => s.exportAs);
  const [report, setReport] = useState<{ busy: boolean; saved: string | null; error: unknown }>({ busy: false, saved: null, error: null });
  /** The board report: the suppressed export as an A4 PDF made in main through the print engine, never the dashboard's raw counts. */
  const saveReport = async () => {
    const period = useStatisticsStore.getState().dashboard?.period;
    if (!period) return;
    setReport({ busy: true, saved: null, error: null });
    try {
      const r = await invoke('statistics.reportPdf', period);
      if (r.outcome === 'download') download(r.fileName, r.pdfBase64);
      setReport({ busy: false, saved: r.outcome === 'download' || r.outcome === 'saved' ? r.fileName : null, error: null });
    } catch (e) {
      setReport({ busy: false, saved: null, error: e });
    }
  };
  const width = preview ? Math.max(...preview.rows.map((r) => r.length), 1) : 0;
  return (
    <section className="figure figure-wide export-section" aria-labelledby="export-title">
      <h2 id="export-title" className="figure-title">
        {t('statistics.export.title')}
      </h2>
      <p className="no-print">{t('statistics.export.text')}</p>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={() => void loadPreview()} disabled={previewing}>
          {t('statistics.export.preview')}
        </button>
        <button type="button" className="button" onClick={() => void saveReport()} disabled={report.busy}>
          {t('statistics.export.print')}
        </button>
      </div>
      <div className="no-print">
        {exportError ? <Alert>{describeError(exportError)}</Alert> : null}
        {report.error ? <Alert>{describeError(report.error)}</Alert> : null}
        {report.saved ? <Alert kind="success">{t('statistics.export.reportSaved', { name: report.saved })}</Alert> : null}
        {savedFile ? <Alert kind="success">{t('statistics.export.saved', { name: savedFile })}</Alert> : null}
      </div>
      {preview ? (
        <>
          <p className="field-hint export-legend">{t('statistics.export.legend', { threshold: preview.threshold })}</p>
          {preview.withheld.length > 0 ? <Alert kind="warning">{t('statistics.export.withheld', { count: preview.withheld.length })}</Alert> : null}
          <div className="button-row no-print">
            <button type="button" className="button button-primary" onClick={() => void exportAs('csv', saveFile)} disabled={exporting !== null}>
              {t('statistics.export.csv')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void exportAs('xlsx', saveFile)} disabled={exporting !== null}>
              {t('statistics.export.xlsx')}
            </button>
          </div>
          <div className="export-preview" tabIndex={0} role="region" aria-label={t('statistics.export.previewCaption', { rows: preview.rows.length })}>
            <table className="preview-table" data-testid="export-preview">
              <caption>{t('statistics.export.previewCaption', { rows: preview.rows.length })}</caption>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    {r.length <= 1 ? (
                      <td colSpan={width} className="preview-title">
                        {r.length === 1 ? shown(r[0]!) : ''}
                      </td>
                    ) : (
                      Array.from({ length: width }, (_, j) => (
                        <td key={j} className={typeof r[j] === 'number' || /^(<\d+|\.\.)$/.test(String(r[j] ?? '')) ? 'num' : undefined}>
                          {j < r.length ? shown(r[j]!) : ''}
                        </td>
                      ))
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
