import { describe, expect, it } from 'vitest';
import { isMinorOn, parseChildrenCell } from '../../../src-main/domain/import-children.js';
import { NUMBER_MESSAGES } from '../../../src-main/features/persons/service.js';
import { personnummer } from '../../support/import-files.js';

const ctx = { adult: personnummer('19850314', 123), startDate: '2024-03-05', now: new Date('2026-01-01T12:00:00Z'), numberMessages: NUMBER_MESSAGES };
const kid1 = personnummer('20150304', 123);
const kid2 = personnummer('20180101', 238);

describe('the accompanying children cell of a placement log', () => {
  it('reads numbers separated by commas or line breaks, each with an optional name, and the decisions in the same order', () => {
    const r = parseChildrenCell(` ${kid1} Alva Maria Östlund,\n${kid2.replace('-', '')} `, 'IFO 1, IFO 2', ctx);
    expect(r.reasons).toEqual([]);
    expect(r.children.map((c) => [c.canonical, c.firstName, c.lastName, c.decisionRef, c.birthDate])).toEqual([
      [kid1, 'Alva', 'Maria Östlund', 'IFO 1', '2015-03-04'],
      [kid2, '', '', 'IFO 2', '2018-01-01'],
    ]);
    expect(parseChildrenCell('', '', ctx)).toEqual({ children: [], reasons: [] });
  });

  it('names each bad child by its place: a bad number, a twin, the adult, an adult child, text without a number, decisions that do not add up', () => {
    const r = parseChildrenCell(`20150304-1234, ${kid1}, ${kid1}, ${ctx.adult}, Alva, ${personnummer('20060305', 222)}`, '', ctx);
    expect(r.reasons).toEqual([
      'Barn 1 (”20150304-1234”): ogiltigt personnummer: Kontrollsiffran stämmer inte. Kontrollera numret.',
      `Barn 3 (”${kid1}”): barnet står redan med på raden.`,
      `Barn 4 (”${ctx.adult}”): den placerade personen kan inte också stå som medföljande barn.`,
      'Barn 5 (”Alva”): börja med barnets personnummer, t.ex. 20150304-1236 Alva Östlund.',
      `Barn 6 (”${personnummer('20060305', 222)}”): är 18 år eller äldre på startdatumet och kan inte vara medföljande barn.`,
    ]);
    // turning 18 on 5 March 2024 is 18 that day; one day younger is still a child
    expect(parseChildrenCell(personnummer('20060305', 222), '', ctx).reasons[0]).toMatch(/18 år eller äldre/);
    expect(parseChildrenCell(personnummer('20060306', 222), '', ctx).reasons).toEqual([]);
    expect(parseChildrenCell(kid1, 'B-1, B-2', ctx).reasons[0]).toMatch(/Antalet barnbeslut \(2\) stämmer inte med antalet medföljande barn \(1\)/);
  });

  it('counts ages over a leap day', () => {
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
  });
});
