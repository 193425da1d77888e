import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../src-main/features/print/models';
import './print.css';

type Letterhead = PrintedDocument['letterhead'];
type Person = PrintedDocument['person'];

/**
 * The page every printed document shares: the unit's letterhead (logo and
 * name), the secrecy marking, which copy it is, the document's title, whom
 * it concerns, then the document, and signature lines. Chromium adds the
 * marking and "Sida X av Y" on every page (src-main/print/pdf-options.ts).
 * Every text here is rendered by React as text, never as markup.
 */
export function PrintLayout({ letterhead, person, facts, signatures, children }: { letterhead: Letterhead; person: Person; facts: { label: string; value: string }[]; signatures: string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const address = person.address;
  return (
    <article className="print-doc" data-variant={letterhead.variant}>
      <header className="print-letterhead">
        <div className="print-unit">
          {letterhead.logo ? <img className="print-logo" src={letterhead.logo} alt="" /> : null}
          <span className="print-unit-name">{letterhead.unitName}</span>
        </div>
        <div className="print-marking">
          <strong>{t('print.secrecy')}</strong>
          <span className={`print-copy print-copy-${letterhead.variant}`}>{t(`print.variant.${letterhead.variant}`)}</span>
        </div>
      </header>
      <h1 className="print-title">{letterhead.title}</h1>
      <dl className="print-facts">
        <dt>{t('print.concerns')}</dt>
        <dd>
          {person.name}
          {person.personalNumber ? `, ${person.personalNumber}` : ''}
        </dd>
        {address ? (
          <>
            <dt>{t('print.address')}</dt>
            <dd>{[address.streetAddress, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        {person.addressWithheld && letterhead.variant === 'internal' ? (
          <>
            <dt>{t('print.address')}</dt>
            <dd>{t('print.addressProtected')}</dd>
          </>
        ) : null}
        <dt>{t('print.caseNumber')}</dt>
        <dd>{letterhead.caseNumber}</dd>
        {facts.map((f) => (
          <FactRow key={f.label} label={f.label} value={f.value} />
        ))}
        <dt>{t('print.printed')}</dt>
        <dd>{t('print.printedBy', { date: letterhead.printedOn, name: letterhead.printedBy })}</dd>
      </dl>
      <div className="print-body">{children}</div>
      {signatures.length > 0 ? (
        <section className="print-signatures" aria-label={t('print.signatures')}>
          {signatures.map((s) => (
            <div key={s} className="print-signature">
              <div className="print-signature-line" />
              <p>{s}</p>
              <p className="print-signature-sub">{t('print.signatureSub')}</p>
            </div>
          ))}
        </section>
      ) : null}
    </article>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** A section of a printed document; `internal` marks what only the internal copy carries. */
export function PrintSection({ title, internal, children }: { title: string; internal?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className={`print-section${internal ? ' print-internal' : ''}`}>
      <h2>
        {title}
        {internal ? <span className="print-internal-tag">{t('print.internalOnly')}</span> : null}
      </h2>
      {children}
    </section>
  );
}

/** Text someone typed, line breaks kept; an empty text shows a line to write on. */
export function PrintText({ text }: { text: string | null | undefined }) {
  if (!text) return <div className="print-write-here" />;
  return <p className="print-text">{text}</p>;
}

/** The internal note of a document: only on the internal copy (on the client copy it arrives as null). */
export function PrintInternalNote({ note }: { note: string | null }) {
  const { t } = useTranslation();
  if (!note) return null;
  return (
    <PrintSection title={t('print.internalNote')} internal>
      <PrintText text={note} />
    </PrintSection>
  );
}
