import type { ReactNode } from 'react';
import { navigate } from '../../app/navigation-store';
import { useSettingsStore, type SettingsSectionId } from './settings-store';

/** A link from another screen to one section of Inställningar, the one place where the setting is changed. */
export function SettingsLink({ section, children }: { section: SettingsSectionId; children: ReactNode }) {
  const focus = useSettingsStore((s) => s.focus);
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        focus(section);
        navigate({ name: 'settings' });
      }}
    >
      {children}
    </button>
  );
}
