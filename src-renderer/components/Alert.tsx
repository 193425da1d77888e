import type { ReactNode } from 'react';

/** A message about the whole form or page. Errors interrupt (role="alert"); notices wait their turn (role="status"). */
export function Alert({ kind = 'error', children }: { kind?: 'error' | 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
