import { randomInt } from 'node:crypto';

/**
 * A random passphrase of everyday Swedish words for a demo vault, drawn with
 * node:crypto (not the seeded generator: the same seed must not give the same
 * passphrase). 5 words from 128 give 35 bits — plenty for fictional data.
 */
const WORDS = [
  'äpple', 'bänk', 'cykel', 'damm', 'ekorre', 'fjäril', 'gran', 'hav', 'igelkott', 'jord',
  'kaffe', 'lampa', 'mössa', 'näsa', 'ost', 'penna', 'regn', 'sol', 'tåg', 'uggla',
  'vante', 'yxa', 'ångbåt', 'ärta', 'ö', 'bok', 'dörr', 'fönster', 'gurka', 'hylla',
  'is', 'kanel', 'lök', 'mjölk', 'nyckel', 'ormbunke', 'paraply', 'rosett', 'sked', 'tallrik',
  'ugn', 'vagn', 'zebra', 'ankare', 'blåbär', 'citron', 'dimma', 'eld', 'fyr', 'glass',
  'hatt', 'iglo', 'julgran', 'kork', 'lingon', 'moln', 'nål', 'oktav', 'pilbåge', 'räv',
  'snigel', 'tumme', 'ubåt', 'vindruva', 'åra', 'älg', 'öken', 'borste', 'dragspel', 'flagga',
  'gaffel', 'harpa', 'jacka', 'kastrull', 'lejon', 'mus', 'nattfjäril', 'orkester', 'pumpa', 'ratt',
  'sax', 'tält', 'vattenkanna', 'ålgräs', 'ängel', 'ödla', 'bro', 'duva', 'fågel', 'grind',
  'hammare', 'kanot', 'löv', 'mandel', 'nässla', 'oliv', 'plog', 'ros', 'skruv', 'trumma',
  'vas', 'ärm', 'örn', 'bagge', 'degel', 'ficka', 'gungstol', 'honung', 'kaktus', 'lykta',
  'marsvin', 'notblock', 'osthyvel', 'pärla', 'rädisa', 'spade', 'tulpan', 'visselpipa', 'åska', 'ägg',
  'öra', 'ballong', 'dammsugare', 'fiol', 'gås', 'hink', 'karta', 'ljus',
] as const;

export function demoPassphrase(words = 5): string {
  for (;;) {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(WORDS[randomInt(WORDS.length)]!);
    const phrase = out.join(' ');
    // Short words only ("ö is ägg …") would fall under the vault's minimum length.
    if (phrase.length >= 20) return phrase;
  }
}
