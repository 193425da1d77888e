import { z } from 'zod';
import { channel } from '../../api/channel.js';

export const settingsSchema = z.object({
  unitName: z.string().trim().min(1, { error: 'Ange enhetens namn.' }).max(200, { error: 'Högst 200 tecken.' }),
  /** Minutes without activity before the vault locks itself. */
  autoLockMinutes: z.number({ error: 'Ange ett antal minuter.' }).int({ error: 'Ange hela minuter.' }).min(1, { error: 'Minst 1 minut.' }).max(120, { error: 'Högst 120 minuter.' }),
  /** Folder (often a network share) for automatic backups at lock and quit; null = only on demand, into the vault folder. */
  backupFolder: z
    .string({ error: 'Ange en mapp.' })
    .trim()
    .min(1, { error: 'Ange en mapp, eller lämna fältet tomt.' })
    .max(1000, { error: 'Högst 1 000 tecken.' })
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'Sökvägen innehåller otillåtna tecken.' })
    .nullable(),
  backupGenerations: z.number().int().min(1, { error: 'Minst 1 generation.' }).max(100, { error: 'Högst 100 generationer.' }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({ unitName: '', autoLockMinutes: 10, backupFolder: null, backupGenerations: 10 });

export const settingsContract = {
  'settings.get': channel(z.union([z.undefined(), z.object({}).strict()])).returns<Settings>(),
  'settings.update': channel(settingsSchema.partial().strict(), 'coordinator').returns<Settings>(),
} as const;
