import type { Handlers } from '../../api/context.js';
import type { workersContract } from './contract.js';

export const workersHandlers: Handlers<typeof workersContract> = {
  'workers.list': async (_input, { session }) => {
    const rows = await session.db.selectFrom('workers').select(['id', 'name', 'role', 'active']).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, active: r.active === 1 }));
  },
};
