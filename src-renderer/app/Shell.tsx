import type { SessionInfo } from '../../src-main/features/vault/types';
import { IntakeForm } from '../features/cases/IntakeForm';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CaseView } from '../features/cases/CaseView';
import { JournalSearchPage } from '../features/journal/JournalSearchPage';
import { PersonForm } from '../features/persons/PersonForm';
import { PersonsPage } from '../features/persons/PersonsPage';
import { PersonView } from '../features/persons/PersonView';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { SheltersPage } from '../features/shelters/SheltersPage';
import { ShelterForm } from '../features/shelters/ShelterForm';
import { ShelterEdit, ShelterView } from '../features/shelters/ShelterView';
import { PlacementsPage } from '../features/placements/PlacementsPage';
import { ImportWizard } from '../features/placements/ImportWizard';
import { PrivacyPage } from '../features/privacy/PrivacyPage';
import { Header } from './Header';
import { selectView, useNavigationStore, type View } from './navigation-store';
import { SessionContext } from './session-context';

function CurrentView({ view }: { view: View }) {
  switch (view.name) {
    case 'cases':
      return <CaseListPage />;
    case 'case':
      return <CaseView caseId={view.caseId} entryId={view.entryId} />;
    case 'case-new':
      return <IntakeForm personId={view.personId} />;
    case 'persons':
      return <PersonsPage />;
    case 'person':
      return <PersonView personId={view.personId} notice={view.notice} />;
    case 'person-new':
      return <PersonForm />;
    case 'person-edit':
      return <PersonForm personId={view.personId} />;
    case 'journal-search':
      return <JournalSearchPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'shelters':
      return <SheltersPage />;
    case 'shelter':
      return <ShelterView shelterId={view.shelterId} />;
    case 'shelter-new':
      return <ShelterForm />;
    case 'shelter-edit':
      return <ShelterEdit shelterId={view.shelterId} />;
    case 'placements':
      return <PlacementsPage />;
    case 'placements-import':
      return <ImportWizard initialKind={view.kind} />;
    case 'privacy':
      return <PrivacyPage tab={view.tab ?? 'workers'} personId={view.personId} />;
  }
}

/** A key per view, so each opens fresh (its own form state, its own focus on the heading). */
function keyOf(view: View): string {
  switch (view.name) {
    case 'case':
      return `case:${view.caseId}:${view.entryId ?? ''}`;
    case 'case-new':
      return `case-new:${view.personId ?? ''}`;
    case 'person':
    case 'person-edit':
      return `${view.name}:${view.personId}`;
    case 'shelter':
    case 'shelter-edit':
      return `${view.name}:${view.shelterId}`;
    case 'privacy':
      return `privacy:${view.tab ?? ''}:${view.personId ?? ''}`;
    default:
      return view.name;
  }
}

/** The working app once unlocked: header with menu, and the view the navigation store points at. */
export function Shell({ session }: { session: SessionInfo }) {
  const view = useNavigationStore(selectView);
  return (
    <SessionContext value={session}>
      <div className="app">
        <Header session={session} />
        <main className="app-main" id="main">
          <CurrentView key={keyOf(view)} view={view} />
        </main>
      </div>
    </SessionContext>
  );
}
