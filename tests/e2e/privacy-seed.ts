import type { RunningHost } from '../host/server.js';
import { luhnCheckDigit } from '../../src-main/domain/personal-number.js';

export const COORDINATOR_PASS = 'samordnarens långa lösenord';

/** A valid personnummer from a birth date and a serial. */
export const pnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}-${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;

export async function invoke<T>(host: RunningHost, channel: string, input?: unknown): Promise<T> {
  const r = await host.router.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A new vault whose coordinator is Karin Samordnare, with Ada Skyddadsdotter: protected, with an address that must never be printed. */
export async function vaultWithProtectedAda(host: RunningHost): Promise<{ adaId: string }> {
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Karin Samordnare', passphrase: COORDINATOR_PASS });
  const ada = await invoke<{ id: string }>(host, 'persons.create', {
    firstName: 'Ada',
    lastName: 'Skyddadsdotter',
    identity: { kind: 'personnummer', value: pnr('19880412', '982') },
    gender: 'kvinna',
    protectionLevel: 'skyddad_folkbokforing',
    contact: { streetAddress: 'Hemliga vägen 7', postalCode: '123 45', city: 'Norrby' },
  });
  return { adaId: ada.id };
}
