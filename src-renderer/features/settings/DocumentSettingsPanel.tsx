import { useEffect, useState, type ChangeEvent } from 'react';
import '../cases/documents.css';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { describeError, issuesOf, issueText } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { readFile } from './read-file';
import type { TemplateSummary } from '../../../src-main/features/templates/contract';

/**
 * Templates: the unit's own checklists, assessment forms and safety-plan
 * sections, imported from a file — with every problem in a refused file
 * listed by where it is. Changes are for the samordnare. (The logo is set
 * with the unit's name, in UnitSection.)
 */
export function DocumentSettingsPanel({ isCoordinator }: { isCoordinator: boolean }) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; problems?: string[] } | null>(null);

  const refresh = () => {
    void invoke('templates.list', {})
      .then(setTemplates)
      .catch((err: unknown) => setMessage({ kind: 'error', text: describeError(err) }));
  };
  useEffect(() => {
    refresh();
  }, []);

  const onTemplate = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage(null);
    try {
      const text = await readFile(file, 'text');
      const saved = await invoke('templates.import', { fileName: file.name, text });
      setMessage({ kind: 'success', text: t('documentSettings.imported', { title: saved.title, version: saved.version }) });
      refresh();
    } catch (err) {
      setMessage({ kind: 'error', text: describeError(err), problems: issuesOf(err).map(issueText) });
    }
  };

  return (
    <div>
      {message ? (
        <Alert kind={message.kind}>
          {message.text}
          {message.problems?.length ? (
            <ul className="template-problems">
              {message.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <h3 className="sub-title">{t('documentSettings.templates')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('documentSettings.templateTitle')}</th>
            <th scope="col">{t('documentSettings.kind')}</th>
            <th scope="col">{t('documentSettings.version')}</th>
            <th scope="col">{t('documentSettings.source')}</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((x) => (
            <tr key={x.id}>
              <td>{x.title}</td>
              <td>{t(`documentSettings.kinds.${x.kind}`)}</td>
              <td>{x.version}</td>
              <td>{t(`documentSettings.sources.${x.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isCoordinator ? (
        <div className="button-row">
          <label className="button" htmlFor="template-file">
            {t('documentSettings.import')}
          </label>
          <input id="template-file" className="visually-hidden" type="file" accept="application/json,.json" onChange={(e) => void onTemplate(e)} />
        </div>
      ) : null}
      <p className="field-hint">{t('documentSettings.importHint')}</p>
    </div>
  );
}
