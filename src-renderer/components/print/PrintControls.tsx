import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { describeError } from '../../app/errors';
import type { PrintDelivery } from '../../../src-main/print/engine';
import type { DocumentKind } from '../../../src-main/features/print/models';
import { Alert } from '../Alert';

/** Offers a PDF the main process sent back (browser mode) as a download. */
export function download(fileName: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Print a document: choose the copy (internal, for the file; or the
 * client's, without addresses, scores and internal notes), then save it as
 * PDF or send it to a printer. What each copy holds is decided in main.
 */
export function PrintControls({ kind, id, label }: { kind: DocumentKind; id: string; label: string }) {
  const { t } = useTranslation();
  const name = useId();
  const [variant, setVariant] = useState<'internal' | 'client'>('client');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);

  const run = async (output: 'pdf' | 'paper') => {
    setBusy(true);
    setMessage(null);
    try {
      const r: PrintDelivery = await invoke(output === 'pdf' ? 'print.pdf' : 'print.paper', { document: { kind, id }, variant });
      if (r.outcome === 'download') {
        download(r.fileName, r.pdfBase64);
        setMessage({ kind: 'success', text: t('print.ui.downloaded', { file: r.fileName }) });
      } else if (r.outcome === 'saved') setMessage({ kind: 'success', text: t('print.ui.saved', { file: r.fileName }) });
      else if (r.outcome === 'sent') setMessage({ kind: 'success', text: t('print.ui.sent') });
      else setMessage({ kind: 'info', text: t('print.ui.cancelled') });
    } catch (err) {
      setMessage({ kind: 'error', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="print-controls" role="group" aria-label={label}>
      <fieldset className="print-variant">
        <legend className="visually-hidden">{t('print.ui.copy')}</legend>
        {(['client', 'internal'] as const).map((v) => (
          <span className="choice" key={v}>
            <input type="radio" id={`${name}-${v}`} name={name} checked={variant === v} onChange={() => setVariant(v)} />
            <label htmlFor={`${name}-${v}`}>{t(`print.ui.variant.${v}`)}</label>
          </span>
        ))}
      </fieldset>
      <button type="button" className="button" disabled={busy} onClick={() => void run('pdf')}>
        {t('print.ui.pdf')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void run('paper')}>
        {t('print.ui.paper')}
      </button>
      {busy ? <span className="muted">{t('print.ui.working')}</span> : null}
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
    </div>
  );
}
