import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema } from '../../api/schemas.js';
import { PRINT_VARIANTS } from '../../print/document-model.js';
import type { PrintDelivery } from '../../print/engine.js';
import { DOCUMENT_KINDS, type PrintedDocument } from './models.js';

export const documentRefSchema = z.object({ kind: z.enum(DOCUMENT_KINDS, { error: 'Okänd handling.' }), id: idSchema }).strict();

export const printInputSchema = z
  .object({
    document: documentRefSchema,
    variant: z.enum(PRINT_VARIANTS, { error: 'Välj internt exemplar eller klientkopia.' }),
  })
  .strict();

/** A logo for the letterhead: PNG or JPEG as a data: URL, at most about 200 kB. */
export const LOGO_MAX_CHARS = 280_000;
export const logoSchema = z
  .object({
    logo: z
      .string({ error: 'Välj en bild.' })
      .max(LOGO_MAX_CHARS, { error: 'Bilden är för stor (högst 200 kB).' })
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, { error: 'Logotypen ska vara en PNG- eller JPEG-bild.' })
      .nullable(),
  })
  .strict();

export const printContract = {
  /** What the print would hold, for the preview on screen: the same filter as the PDF. */
  'print.preview': channel(printInputSchema).returns<PrintedDocument>(),
  'print.pdf': channel(printInputSchema).returns<PrintDelivery>(),
  'print.paper': channel(printInputSchema).returns<PrintDelivery>(),
  'print.logo': channel(z.union([z.undefined(), z.object({}).strict()])).returns<{ logo: string | null }>(),
  'print.setLogo': channel(logoSchema, 'coordinator').returns<{ logo: string | null }>(),
} as const;
