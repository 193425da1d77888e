import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '../../src-renderer/i18n';
import { resetAllStores } from '../../src-renderer/app/reset-all';
import { setBridge } from '../../src-renderer/app/api-client';

// Swedish, as a worker sees it on first start.
initI18n('sv');

afterEach(() => {
  cleanup();
  resetAllStores();
  setBridge(null);
  localStorage.clear();
});
