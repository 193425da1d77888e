import type { SessionInfo } from '../../src-main/features/vault/types';
import { CaseForm } from '../features/cases/CaseForm';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CaseView } from '../features/cases/CaseView';
import { PersonForm } from '../features/persons/PersonForm';
import { PersonsPage } from '../features/persons/PersonsPage';
import { PersonView } from '../features/persons/PersonView';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Header } from './Header';
import { selectView, useNavigationStore, type View } from './navigation-store';

function CurrentView({ view }: { view: View }) {
  switch (view.name) {
    case 'cases':
      return <CaseListPage />;
    case 'case':
      return <CaseView caseId={view.caseId} />;
    case 'case-new':
      return <CaseForm personId={view.personId} />;
    case 'persons':
      return <PersonsPage />;
    case 'person':
      return <PersonView personId={view.personId} notice={view.notice} />;
    case 'person-new':
      return <PersonForm />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** The working app once unlocked: header with menu, and the view the navigation store points at. */
export function Shell({ session }: { session: SessionInfo }) {
  const view = useNavigationStore(selectView);
  // A key per view so each opens fresh (its own form state, its own focus on the heading).
  const key = 'personId' in view ? `${view.name}:${view.personId}` : 'caseId' in view ? `${view.name}:${view.caseId}` : view.name;
  return (
    <div className="app">
      <Header session={session} />
      <main className="app-main" id="main">
        <CurrentView key={key} view={view} />
      </main>
    </div>
  );
}
