import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { INTAKE_SOURCES, type IntakeSource } from '../../../src-main/domain/vocabulary';
import {
  CASE_LOG_FIELDS,
  IMPORT_FIELDS,
  IMPORT_KINDS,
  MAX_IMPORT_BYTES,
  REQUIRED_CASE_LOG_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type CaseLogField,
  type CaseLogReport,
  type ImportField,
  type ImportKindName,
  type ImportPreview,
  type ImportReport,
} from '../../../src-main/features/imports/contract';
import { CaseLogReportView } from './CaseLogReportView';
import { ACCEPTED_ROWS_SHOWN, ImportReportSection } from './ImportReportSection';
import { downloadBase64, fileToBase64 } from './file-bytes';
import './placements.css';

type Mapping = Partial<Record<string, number>>;
type AnyReport = { kind: 'placement_log'; report: ImportReport } | { kind: 'case_log'; report: CaseLogReport };

/** The fields of each kind of file and the ones that must be mapped. */
const KIND_FIELDS: Record<ImportKindName, { fields: readonly string[]; required: readonly string[] }> = {
  placement_log: { fields: IMPORT_FIELDS, required: REQUIRED_IMPORT_FIELDS },
  case_log: { fields: CASE_LOG_FIELDS, required: REQUIRED_CASE_LOG_FIELDS },
};

/**
 * Import of the unit's placement log or case log: choose what the file is
 * and the file → map its columns → see the dry run (accepted rows, refused
 * rows with reasons) → import. The file's bytes stay in this view only;
 * nothing is saved before "Importera".
 */
export function ImportWizard({ initialKind = 'placement_log' }: { initialKind?: ImportKindName | undefined }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKindName>(initialKind);
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [source, setSource] = useState<IntakeSource>('own_application');
  const [anyReport, setReport] = useState<AnyReport | null>(null);
  const report = anyReport?.kind === 'placement_log' ? anyReport.report : null;
  const caseReport = anyReport?.kind === 'case_log' ? anyReport.report : null;
  const committed = anyReport?.report.committed ?? false;
  const { fields, required } = KIND_FIELDS[kind];
  const fieldLabel = (f: string) => (kind === 'case_log' ? t(`caseLogImport.fields.${f as CaseLogField}`) : t(`imports.fields.${f as ImportField}`));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(describeError(err));
      setFieldErrors(fieldErrorsOf(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setPreview(null);
    setReport(null);
    setFieldErrors({});
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      setError(t('imports.fileTooBig', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    const chosen = { fileName: f.name, base64: await fileToBase64(f) };
    setFile(chosen);
    const p = await run(() => invoke('imports.preview', chosen));
    if (p) {
      setPreview(p);
      setMapping(kind === 'case_log' ? p.suggestedCaseLog : p.suggested);
    }
  };

  const chooseKind = (k: ImportKindName) => {
    setKind(k);
    setReport(null);
    setFieldErrors({});
    if (preview) setMapping(k === 'case_log' ? preview.suggestedCaseLog : preview.suggested);
  };

  const mapped = (list: readonly string[]) => Object.fromEntries(list.map((f) => [f, mapping[f] ?? null]));

  const send = async (step: 'dryRun' | 'commit') => {
    if (kind === 'case_log') {
      const input = { ...file!, mapping: mapped(CASE_LOG_FIELDS), defaultSource: source };
      const r = await run(() => invoke(step === 'dryRun' ? 'imports.caseLogDryRun' : 'imports.caseLogCommit', input));
      if (r) setReport({ kind, report: r });
    } else {
      const input = { ...file!, mapping: mapped(IMPORT_FIELDS), newCaseSource: source };
      const r = await run(() => invoke(step === 'dryRun' ? 'imports.dryRun' : 'imports.commit', input));
      if (r) setReport({ kind, report: r });
    }
  };

  const dryRun = async () => {
    const missing = required.filter((f) => mapping[f] === undefined);
    if (missing.length > 0) {
      setFieldErrors(Object.fromEntries(missing.map((f) => [`mapping.${f}`, t('imports.required')])));
      return;
    }
    setFieldErrors({});
    await send('dryRun');
  };

  const template = async (format: 'xlsx' | 'csv') => {
    const f = await run(() => invoke('imports.template', { format, kind }));
    if (f) downloadBase64(f.fileName, f.mimeType, f.base64);
  };

  return (
    <section className="page">
      <p>
        <button type="button" className="link-button" onClick={() => navigate({ name: kind === 'case_log' ? 'cases' : 'placements' })}>
          {t(kind === 'case_log' ? 'cases.title' : 'placements.title')}
        </button>
      </p>
      <PageHeading>{t('caseLogImport.title')}</PageHeading>
      <RadioGroup name="import-kind" legend={t('caseLogImport.kindLegend')} hint={t('caseLogImport.kindHint')} value={kind} onChange={(v) => chooseKind(v as ImportKindName)} options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`caseLogImport.kinds.${k}`) }))} />
      <p className="lead">{t(kind === 'case_log' ? 'caseLogImport.intro' : 'imports.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void template('xlsx')}>{t('imports.templateXlsx')}</button>
        <button type="button" className="button" onClick={() => void template('csv')}>{t('imports.templateCsv')}</button>
      </div>
      {error ? <Alert>{error}</Alert> : null}

      <section className="case-section" aria-labelledby="import-step1">
        <h2 id="import-step1">{t('imports.step1')}</h2>
        <div className="field">
          <label htmlFor="import-file">{t('imports.file')}</label>
          <input id="import-file" type="file" className="input" accept=".xlsx,.csv,.txt" onChange={(e) => void onFile(e)} disabled={busy} />
        </div>
        {busy && !preview ? <p className="loading">{t('imports.reading')}</p> : null}
      </section>

      {preview && !committed ? (
        <section className="case-section" aria-labelledby="import-step2">
          <h2 id="import-step2">{t('imports.step2')}</h2>
          <p className="field-hint">
            {preview.kind === 'csv'
              ? t('imports.fileSummary', { rows: preview.rowCount, encoding: preview.encoding, separator: preview.separator === '\t' ? 'tab' : preview.separator })
              : t('imports.xlsxSummary', { rows: preview.rowCount })}
          </p>
          <div className="mapping-grid">
            {fields.map((f) => (
              <SelectField
                key={`${kind}-${f}`}
                id={`map-${f}`}
                label={`${fieldLabel(f)}${required.includes(f) ? ' *' : ''}`}
                value={mapping[f] === undefined ? '' : String(mapping[f])}
                onChange={(x) => {
                  setReport(null);
                  setMapping((m) => ({ ...m, [f]: x === '' ? undefined : Number(x) }));
                }}
                placeholder={t('imports.notInFile')}
                options={preview.headers.map((h, i) => ({ value: String(i), label: `${i + 1}: ${h || '–'}${preview.sample[0]?.[i] ? ` (${preview.sample[0][i]})` : ''}` }))}
                error={fieldErrors[`mapping.${f}`]}
              />
            ))}
          </div>
          <p className="field-hint">{t(kind === 'case_log' ? 'caseLogImport.hint' : 'imports.childrenHint')}</p>
          <SelectField id="import-source" label={t(kind === 'case_log' ? 'caseLogImport.defaultSource' : 'imports.newCaseSource')} value={source} onChange={(x) => setSource(x as IntakeSource)} options={INTAKE_SOURCES.map((s) => ({ value: s, label: t(`vocab.intakeSource.${s}`) }))} />
          <button type="button" className="button button-primary" onClick={() => void dryRun()} disabled={busy}>{t('imports.dryRun')}</button>
        </section>
      ) : null}

      {report ? <ImportReportView report={report} busy={busy} onCommit={() => void send('commit')} /> : null}
      {caseReport ? <CaseLogReportView report={caseReport} busy={busy} onCommit={() => void send('commit')} /> : null}
      {committed ? (
        <button type="button" className="button" onClick={() => navigate({ name: kind === 'case_log' ? 'cases' : 'placements' })}>
          {t(kind === 'case_log' ? 'caseLogImport.done' : 'imports.done')}
        </button>
      ) : null}
    </section>
  );
}

function ImportReportView({ report, busy, onCommit }: { report: ImportReport; busy: boolean; onCommit: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportReportSection
      committed={report.committed}
      committedText={t('imports.committed', { count: report.accepted.length })}
      accepted={report.accepted.length}
      refused={report.refused}
      summary={
        <>
          {t('imports.newPersons', { count: report.newPersons, cases: report.newCases })} {report.children > 0 ? t('imports.childrenCount', { count: report.children }) : null}
        </>
      }
      columns={
        <>
          <th scope="col">{t('imports.fields.personalNumber')}</th>
          <th scope="col">{t('placements.person')}</th>
          <th scope="col">{t('placements.shelter')}</th>
          <th scope="col">{t('placements.start')}</th>
          <th scope="col">{t('placements.end')}</th>
          <th scope="col" className="cell-num">{t('imports.childrenColumn')}</th>
        </>
      }
      rows={report.accepted.slice(0, ACCEPTED_ROWS_SHOWN).map((a) => (
        <tr key={a.rowNumber}>
          <td className="cell-num">{a.rowNumber}</td>
          <td className="cell-number">{a.personalNumber}</td>
          <td>{a.name}</td>
          <td>{a.shelterName}</td>
          <td className="cell-nowrap">{a.startDate}</td>
          <td className="cell-nowrap">{a.endDate ?? '–'}</td>
          <td className="cell-num">{a.children}</td>
        </tr>
      ))}
      busy={busy}
      onCommit={onCommit}
    />
  );
}
