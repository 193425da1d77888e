import 'i18next';
import type { Messages } from './sv';

// Makes t() check every key against the Swedish pack at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
