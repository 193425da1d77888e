import { describeError } from '../app/errors';
import { Alert } from './Alert';

/** The head of a document panel in the case: its title, the "new" button (hidden while writing or read-only), a load error, "saved". */
export function DocumentPanelHead({ title, newLabel, onNew, error, savedText }: { title: string; newLabel: string | null; onNew: () => void; error: unknown; savedText: string | null }) {
  return (
    <>
      <div className="section-head">
        <h3 className="sub-title">{title}</h3>
        {newLabel ? (
          <button type="button" className="button" onClick={onNew}>
            {newLabel}
          </button>
        ) : null}
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {savedText ? <Alert kind="success">{savedText}</Alert> : null}
    </>
  );
}
