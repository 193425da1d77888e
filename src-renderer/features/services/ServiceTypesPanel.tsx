import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { ServiceType } from '../../../src-main/features/services/contract';
import { codeForLabel } from './service-type-code';
import { useServicesStore } from './services-store';

/** The unit's editable list of services. Everyone sees it; a samordnare adds, renames and retires entries. */
export function ServiceTypesPanel({ isCoordinator }: { isCoordinator: boolean }) {
  const { t } = useTranslation();
  const types = useServicesStore((s) => s.types);
  const loaded = useServicesStore((s) => s.typesLoaded);
  const error = useServicesStore((s) => s.typesError);
  const loadTypes = useServicesStore((s) => s.loadTypes);
  const saveType = useServicesStore((s) => s.saveType);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadTypes(true);
  }, [loadTypes]);

  // Exactly the contract's fields (the schema is strict: a stray sortOrder would be refused).
  const save = async (type: { code: string; label: string; active: boolean }, success: string): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      await saveType(type);
      setMessage({ kind: 'success', text: success });
      return true;
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setMessage({ kind: 'error', text: fields.label ?? describeError(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {!isCoordinator ? <p className="field-hint">{t('serviceTypes.coordinatorOnly')}</p> : <p className="field-hint">{t('serviceTypes.intro')}</p>}
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      {loaded && types.length === 0 ? <p className="empty">{t('serviceTypes.empty')}</p> : null}
      {types.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('serviceTypes.name')}</th>
              <th scope="col">{t('serviceTypes.state')}</th>
              {isCoordinator ? (
                <th scope="col">
                  <span className="visually-hidden">{t('casePeople.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.code}>
                <td>
                  {renaming === type.code ? (
                    <RenameForm
                      type={type}
                      busy={busy}
                      onSave={async (label) => {
                        if (await save({ code: type.code, label, active: type.active }, t('serviceTypes.renamed', { name: label }))) setRenaming(null);
                      }}
                      onCancel={() => setRenaming(null)}
                    />
                  ) : (
                    type.label
                  )}
                </td>
                <td>{type.active ? t('serviceTypes.active') : t('serviceTypes.retired')}</td>
                {isCoordinator ? (
                  <td className="cell-actions">
                    {renaming !== type.code ? (
                      <div className="inline-actions">
                        <button type="button" className="button button-small" onClick={() => setRenaming(type.code)} aria-label={t('serviceTypes.renameLabel', { name: type.label })}>
                          {t('serviceTypes.rename')}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={busy}
                          onClick={() => void save({ code: type.code, label: type.label, active: !type.active }, type.active ? t('serviceTypes.retiredDone', { name: type.label }) : t('serviceTypes.activeDone', { name: type.label }))}
                          aria-label={type.active ? t('serviceTypes.retireLabel', { name: type.label }) : t('serviceTypes.activateLabel', { name: type.label })}
                        >
                          {type.active ? t('serviceTypes.retire') : t('serviceTypes.activate')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {isCoordinator ? <AddTypeForm types={types} busy={busy} onSave={(label) => save({ code: codeForLabel(label, types.map((x) => x.code)), label, active: true }, t('serviceTypes.added', { name: label }))} /> : null}
    </>
  );
}

function RenameForm({ type, busy, onSave, onCancel }: { type: ServiceType; busy: boolean; onSave: (label: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(type.label);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const v = label.trim();
    if (!v) return setError(t('validation.required'));
    if (v.length > 100) return setError(t('validation.tooLong'));
    void onSave(v);
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <TextField id={`rename-${type.code}`} label={t('serviceTypes.newName', { name: type.label })} value={label} onChange={(v) => { setLabel(v); setError(null); }} error={error} autoFocus autoComplete="off" />
      <div className="button-row">
        <button type="submit" className="button button-small button-primary" disabled={busy}>
          {t('serviceTypes.saveName')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddTypeForm({ types, busy, onSave }: { types: ServiceType[]; busy: boolean; onSave: (label: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const v = label.trim();
    if (!v) return setError(t('validation.required'));
    if (v.length > 100) return setError(t('validation.tooLong'));
    if (types.some((x) => x.label.toLocaleLowerCase('sv-SE') === v.toLocaleLowerCase('sv-SE'))) return setError(t('validation.serviceTypeExists'));
    // The text stays if the save is refused.
    if (await onSave(v)) setLabel('');
  };
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="add-type-title">
      <h3 id="add-type-title" className="sub-title">
        {t('serviceTypes.add')}
      </h3>
      <TextField id="new-service-type" label={t('serviceTypes.newLabel')} hint={t('serviceTypes.newHint')} value={label} onChange={(v) => { setLabel(v); setError(null); }} error={error} autoComplete="off" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('serviceTypes.add')}
        </button>
      </div>
    </form>
  );
}
