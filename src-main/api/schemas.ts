import { z } from 'zod';

/** Building blocks for channel input schemas, with Swedish messages. */

export const idSchema = z.string().uuid({ error: 'Ogiltig identitet.' });

export const isoDateSchema = z
  .string({ error: 'Ange ett datum.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datum skrivs ÅÅÅÅ-MM-DD.' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: 'Datumet finns inte i kalendern.' });

export const nameSchema = z
  .string({ error: 'Fältet måste fyllas i.' })
  .trim()
  .min(1, { error: 'Fältet måste fyllas i.' })
  .max(100, { error: 'Högst 100 tecken.' })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'Otillåtna tecken.' });

export const passphraseSchema = z.string({ error: 'Ange ett lösenord.' }).min(1, { error: 'Ange ett lösenord.' }).max(1024, { error: 'Lösenordet är för långt.' });

/** Channels without input take nothing (an empty object is also accepted). */
export const noInput = z.union([z.undefined(), z.object({}).strict()]);
