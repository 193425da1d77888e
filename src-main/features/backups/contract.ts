import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { noInput } from '../../api/schemas.js';
import type { BackupInfo } from './types.js';

export const backupsContract = {
  'backups.create': channel(noInput).returns<BackupInfo>(),
  'backups.list': channel(noInput).returns<BackupInfo[]>(),
  'backups.restore': channel(z.object({ name: z.string().regex(/^fristad-backup-\d{8}-\d{6}-\d{3}$/, { error: 'Okänd säkerhetskopia.' }) }).strict(), 'coordinator').returns<{ replacedDir: string }>(),
} as const;
