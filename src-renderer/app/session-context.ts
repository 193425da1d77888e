import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../src-main/features/vault/types';

/** The signed-in worker, for views that depend on who is asking (a samordnare may sign a colleague's draft). Provided by Shell. */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo | null {
  return useContext(SessionContext);
}
