import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { JournalEntry } from '../../../src-main/features/journal/contract';
import { useSession } from '../../app/session-context';
import { JournalEntryForm } from './JournalEntryForm';
import { selectEntriesOf, useJournalStore } from './journal-store';
import './journal.css';

const entryDomId = (id: string) => `journal-entry-${id}`;

function focusEntry(id: string) {
  const el = document.getElementById(entryDomId(id));
  if (!el) return;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
}

/**
 * The case's journal in order: who wrote each entry, whether it is a draft
 * or signed (by whom, when), and corrections tied to the entry they
 * correct. A signed entry is never edited; it gets a correction instead.
 */
export function JournalSection({ caseId, readOnly, focusEntryId }: { caseId: string; readOnly: boolean; focusEntryId?: string | undefined }) {
  const { t } = useTranslation();
  const entries = useJournalStore(selectEntriesOf(caseId));
  const loaded = useJournalStore((s) => s.caseId === caseId && s.loaded);
  const error = useJournalStore((s) => (s.caseId === caseId ? s.error : null));
  const load = useJournalStore((s) => s.load);
  const create = useJournalStore((s) => s.create);
  const [writing, setWriting] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(focusEntryId ?? null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void load(caseId);
  }, [caseId, load]);

  // Bring an entry into view once it is on screen: one just written, or one found by the journal search.
  useEffect(() => {
    if (!focusId || !entries.some((e) => e.id === focusId)) return;
    focusEntry(focusId);
    setFocusId(null);
  }, [focusId, entries]);

  const byId = new Map(entries.map((e) => [e.id, e]));

  return (
    <section className="case-section" aria-labelledby="journal-title">
      <div className="section-head">
        <h2 id="journal-title">{t('journal.title')}</h2>
        {!readOnly && !writing ? (
          <button ref={opener} type="button" className="button button-primary" onClick={() => setWriting(true)}>
            {t('journal.new')}
          </button>
        ) : null}
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {readOnly ? <p className="field-hint">{t('journal.closedHint')}</p> : null}
      {loaded && entries.length === 0 ? <p className="empty">{t('journal.empty')}</p> : null}
      {entries.length > 0 ? (
        <ol className="journal-list">
          {entries.map((e) => (
            <li key={e.id}>
              <JournalEntryCard entry={e} byId={byId} readOnly={readOnly} onWritten={setFocusId} highlighted={e.id === focusEntryId} />
            </li>
          ))}
        </ol>
      ) : null}
      {writing ? (
        <JournalEntryForm
          idPrefix="journal-new"
          mode="new"
          title={t('journal.new')}
          onSave={async (v) => {
            const entry = await create({ caseId, ...v });
            setWriting(false);
            setFocusId(entry.id);
          }}
          onCancel={() => {
            setWriting(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}

function JournalEntryCard({ entry, byId, readOnly, onWritten, highlighted }: { entry: JournalEntry; byId: Map<string, JournalEntry>; readOnly: boolean; onWritten: (id: string) => void; highlighted: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const updateDraft = useJournalStore((s) => s.updateDraft);
  const sign = useJournalStore((s) => s.sign);
  const correct = useJournalStore((s) => s.correct);
  const deleteDraft = useJournalStore((s) => s.deleteDraft);
  const [mode, setMode] = useState<'view' | 'edit' | 'correct'>('view');
  const [asking, setAsking] = useState<'sign' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = useRef<HTMLDivElement>(null);

  const draft = entry.status === 'draft';
  // The author signs; a samordnare may sign a colleague's draft (the server decides in the end).
  const maySign = draft && (entry.editable || entry.author.id === session?.workerId || session?.role === 'samordnare');
  const titleId = `${entryDomId(entry.id)}-title`;
  const backToActions = () => setTimeout(() => actions.current?.querySelector('button')?.focus(), 0);

  const onConfirm = async () => {
    setBusy(true);
    setError(null);
    try {
      if (asking === 'sign') {
        await sign(entry.id);
        setTimeout(() => focusEntry(entry.id), 0);
      } else if (asking === 'delete') await deleteDraft(entry.id);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const corrected = entry.correctedBy.map((id) => byId.get(id)).filter((e): e is JournalEntry => Boolean(e));

  return (
    <article id={entryDomId(entry.id)} tabIndex={-1} className={`journal-entry journal-${entry.status}${highlighted ? ' journal-found' : ''}${corrected.length > 0 ? ' journal-corrected' : ''}`} aria-labelledby={titleId}>
      <header className="journal-head">
        <h3 id={titleId} className="journal-title">
          {t('journal.entryTitle', { date: entry.entryDate, author: entry.author.name })}
        </h3>
        <p className="journal-status">
          {draft ? (
            <span className="badge badge-draft">{t('journal.draft')}</span>
          ) : (
            <span className="badge badge-signed">{t('journal.signedBy', { name: entry.signedBy?.name ?? '', when: entry.signedAt ? formatDateTime(entry.signedAt) : '' })}</span>
          )}
        </p>
      </header>
      {entry.corrects ? (
        <p className="journal-link">
          <button type="button" className="link-button" onClick={() => focusEntry(entry.corrects!.id)}>
            {t('journal.correctionOf', { date: entry.corrects.entryDate })}
          </button>
        </p>
      ) : null}
      {corrected.length > 0 ? (
        <p className="journal-link journal-link-corrected">
          <span className="badge badge-corrected">{t('journal.corrected')}</span>{' '}
          {corrected.map((c) => (
            <button key={c.id} type="button" className="link-button" onClick={() => focusEntry(c.id)}>
              {t('journal.seeCorrection', { date: c.entryDate })}
            </button>
          ))}
        </p>
      ) : null}
      {mode === 'edit' ? (
        <JournalEntryForm
          idPrefix={`journal-edit-${entry.id}`}
          mode="edit"
          title={t('journal.editDraft')}
          initial={{ entryDate: entry.entryDate, text: entry.text }}
          onSave={async (v) => {
            await updateDraft({ id: entry.id, ...v });
            setMode('view');
            backToActions();
          }}
          onCancel={() => {
            setMode('view');
            backToActions();
          }}
        />
      ) : (
        <div className="journal-text">{entry.text}</div>
      )}
      {error ? <Alert>{error}</Alert> : null}
      {mode === 'view' ? (
        <div ref={actions} className="button-row journal-actions">
          {draft && entry.editable && !readOnly ? (
            <button type="button" className="button button-small" onClick={() => setMode('edit')}>
              {t('journal.editDraft')}
            </button>
          ) : null}
          {maySign ? (
            <button type="button" className="button button-small button-primary" onClick={() => setAsking('sign')}>
              {t('journal.sign')}
            </button>
          ) : null}
          {draft && entry.editable && !readOnly ? (
            <button type="button" className="button button-small" onClick={() => setAsking('delete')}>
              {t('journal.deleteDraft')}
            </button>
          ) : null}
          {!draft && !readOnly ? (
            <button type="button" className="button button-small" onClick={() => setMode('correct')}>
              {t('journal.writeCorrection')}
            </button>
          ) : null}
        </div>
      ) : null}
      {mode === 'correct' ? (
        <JournalEntryForm
          idPrefix={`journal-correct-${entry.id}`}
          mode="correct"
          title={t('journal.correctionOf', { date: entry.entryDate })}
          onSave={async (v) => {
            const c = await correct({ entryId: entry.id, ...v });
            setMode('view');
            onWritten(c.id);
          }}
          onCancel={() => {
            setMode('view');
            backToActions();
          }}
        />
      ) : null}
      {asking === 'sign' ? (
        <ConfirmDialog title={t('journal.signTitle')} confirmLabel={t('journal.signConfirm')} cancelLabel={t('common.cancel')} onConfirm={() => void onConfirm()} onCancel={() => setAsking(null)} busy={busy}>
          <p>
            <strong>{t('journal.signFinal')}</strong>
          </p>
          <p>{t('journal.signText')}</p>
        </ConfirmDialog>
      ) : null}
      {asking === 'delete' ? (
        <ConfirmDialog title={t('journal.deleteTitle')} confirmLabel={t('journal.deleteConfirm')} cancelLabel={t('common.cancel')} onConfirm={() => void onConfirm()} onCancel={() => setAsking(null)} busy={busy} danger>
          <p>{t('journal.deleteText')}</p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
