/**
 * Folding for name search: lower case, diacritics removed, so that
 * "ostlund" finds "Östlund" and "ASA" finds "Åsa".
 *
 * @example foldForSearch('Östlund Åsa') // 'ostlund asa'
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}
