import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { resetAllStores } from '../../../src-renderer/app/reset-all';

interface StoreModule {
  getEmptyState?: () => Record<string, unknown>;
  reset?: () => void;
  [name: string]: unknown;
}

// Every store file of the renderer, found by name, so a new store cannot be forgotten.
const modules = import.meta.glob<StoreModule>('../../../src-renderer/**/*-store.ts', { eager: true });

function storeOf(mod: StoreModule): StoreApi<Record<string, unknown>> | undefined {
  const entry = Object.entries(mod).find(([name, value]) => /^use\w+Store$/.test(name) && typeof value === 'function');
  return entry?.[1] as StoreApi<Record<string, unknown>> | undefined;
}

describe('renderer stores', () => {
  const files = Object.keys(modules);

  it('are found (the glob still matches the layout)', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s exports getEmptyState(), reset() and one use…Store hook', (file) => {
    const mod = modules[file]!;
    expect(typeof mod.getEmptyState).toBe('function');
    expect(typeof mod.reset).toBe('function');
    expect(storeOf(mod)).toBeDefined();
  });

  it.each(files)('%s is emptied by the lock-down', (file) => {
    // Given the store with every field set to something that is not its empty value
    const mod = modules[file]!;
    const store = storeOf(mod)!;
    const empty = mod.getEmptyState!();
    store.setState(Object.fromEntries(Object.keys(empty).map((k) => [k, 'left over from the session'])));
    // When the lock-down empties the stores
    resetAllStores();
    // Then the store's data is exactly its empty state
    const data = Object.fromEntries(Object.entries(store.getState()).filter(([, v]) => typeof v !== 'function'));
    expect(data).toEqual(empty);
  });
});
