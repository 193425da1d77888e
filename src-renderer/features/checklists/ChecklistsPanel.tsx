import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { formatDateTime } from '../../app/dates';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { PrintControls } from '../../components/print/PrintControls';
import type { Checklist } from '../../../src-main/features/checklists/contract';
import type { TemplateSummary } from '../../../src-main/features/templates/contract';
import { useChecklistsStore } from './checklists-store';

/** The case's checklists: start one from a template, tick its steps (with an optional note), see how far it has come. */
export function ChecklistsPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const lists = useChecklistsStore((s) => (s.key === caseId ? s.data : null));
  const error = useChecklistsStore((s) => (s.key === caseId ? s.error : null));
  const load = useChecklistsStore((s) => s.load);
  const put = useChecklistsStore((s) => s.put);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [choice, setChoice] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void load(caseId);
    void invoke('templates.list', { kind: 'checklist' })
      .then(setTemplates)
      .catch((err: unknown) => setActionError(describeError(err)));
  }, [caseId, load]);

  const replace = (c: Checklist) => put(caseId, (lists ?? []).some((x) => x.id === c.id) ? (lists ?? []).map((x) => (x.id === c.id ? c : x)) : [...(lists ?? []), c]);
  const act = async (work: () => Promise<Checklist>) => {
    setActionError(null);
    try {
      replace(await work());
    } catch (err) {
      setActionError(describeError(err));
    }
  };

  return (
    <div>
      <h3 className="sub-title">{t('documents.checklist.title')}</h3>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {actionError ? <Alert>{actionError}</Alert> : null}
      {lists && lists.length === 0 ? <p className="empty">{t('documents.checklist.none')}</p> : null}
      {lists?.map((c) => <ChecklistView key={c.id} checklist={c} readOnly={readOnly} act={act} />)}
      {!readOnly ? (
        <div className="form-row checklist-start">
          <SelectField id="checklist-template" label={t('documents.checklist.start')} value={choice} onChange={setChoice} options={templates.map((x) => ({ value: x.id, label: x.title }))} placeholder={t('common.choose')} />
          <button type="button" className="button" disabled={!choice} onClick={() => void act(() => invoke('checklists.start', { caseId, templateId: choice })).then(() => setChoice(''))}>
            {t('documents.checklist.startButton')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function ChecklistView({ checklist: c, readOnly, act }: { checklist: Checklist; readOnly: boolean; act: (work: () => Promise<Checklist>) => Promise<void> }) {
  const { t } = useTranslation();
  const ticks = new Map(c.ticks.map((x) => [x.itemKey, x]));
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <section className="checklist" aria-label={c.template.title}>
      <div className="section-head">
        <h4>{c.template.title}</h4>
        <span className="checklist-progress">
          <progress max={c.progress.total} value={c.progress.done} aria-hidden="true" /> {t('documents.checklist.progress', c.progress)}
        </span>
      </div>
      {c.template.sections.map((s) => (
        <fieldset key={s.key} className="fieldset">
          <legend>{s.title}</legend>
          <ul className="checklist-items">
            {s.items.map((i) => {
              const tick = ticks.get(i.key);
              const id = `check-${c.id}-${i.key}`;
              return (
                <li key={i.key}>
                  <div className="choice">
                    <input
                      type="checkbox"
                      id={id}
                      checked={Boolean(tick)}
                      disabled={readOnly}
                      onChange={(e) =>
                        void act(() => (e.target.checked ? invoke('checklists.tick', { checklistId: c.id, itemKey: i.key, note: notes[i.key] ?? '' }) : invoke('checklists.untick', { checklistId: c.id, itemKey: i.key })))
                      }
                    />
                    <label htmlFor={id}>{i.text}</label>
                  </div>
                  {tick ? (
                    <p className="muted checklist-tick">
                      {t('documents.checklist.tickedBy', { name: tick.by.name, at: formatDateTime(tick.at) })}
                      {tick.note ? ` — ${tick.note}` : ''}
                    </p>
                  ) : !readOnly ? (
                    <input className="input checklist-note" aria-label={t('documents.checklist.noteFor', { item: i.text })} placeholder={t('documents.checklist.note')} value={notes[i.key] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [i.key]: e.target.value }))} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <PrintControls kind="checklist" id={c.id} label={t('documents.checklist.printLabel', { title: c.template.title })} />
    </section>
  );
}
