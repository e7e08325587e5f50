/**
 * Search text normalisation, shared by the index (search-index.ts) and queries (search.ts) so both sides agree:
 * NFKC (full-width → half-width), case folding, traditional → simplified Chinese (opencc-js, OpenCC's tables),
 * Han runs cut into overlapping bigrams, Latin words kept whole plus a light English stem, and names also
 * spelled in pinyin (pinyin-pro): full syllables and initials, from every character on, so a prefix of any
 * stretch of a name (`zhoucheng`, `zc`, `hengyun`) is a token prefix.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/** Traditional → simplified Chinese (OpenCC's tables), shared by the search index and the import's name matching. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });

/** Longest query the search accepts, in characters (after trimming). */
export const MAX_QUERY_CHARS = 100;

/** NFKC, lower case, traditional → simplified: the form both indexed text and queries are compared in. */
export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** A run of Han characters or of other letters and digits, in folded text. */
export interface TextRun {
  han: boolean;
  text: string;
}

const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Folded text cut into runs of Han characters and of other letters/digits; everything else separates. */
export function textRuns(folded: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const m of folded.matchAll(RUN)) runs.push(m[1] ? { han: true, text: m[1] } : { han: false, text: m[2]! });
  return runs;
}

/** Overlapping bigrams of a Han run plus its last character alone, so every character starts some token. */
export function hanTokens(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/**
 * A light English stemmer (plural -s/-es/-ies, -ing, -ed, final silent e), so `Bearings`, `bearing` and `bear`
 * meet, as do `machined`, `machines` and `machining`. Words under 4 letters and words with digits stay as they are.
 */
export function stemEnglish(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const vowel = (s: string) => /[aeiouy]/.test(s);
  if (w.endsWith('ing') && w.length - 3 >= 3 && vowel(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 3 && vowel(w.slice(0, -2))) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Pinyin of a Han run from every character on: full syllables and initials (`zhoucheng…`, `zc…`). */
export function pinyinTokens(run: string): string[] {
  const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace(/[^a-z]/g, ''));
  const out: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    const rest = syllables.slice(i);
    out.push(rest.join(''), rest.map((s) => s[0] ?? '').join(''));
  }
  return out.filter((t) => t.length > 0);
}

/** A document as stored in `search_index`: space-separated tokens per column, and its name key. */
export interface IndexedDoc {
  title: string;
  body: string;
  /** English stems of title and body, then the title's pinyin. */
  alt: string;
  /** The title's Han characters (or, without any, its letters and digits): exact and prefix name matches. */
  nameKey: string;
}

/** The indexed form of a document's raw title and body (as `search_docs` holds them). */
export function indexDoc(title: string, body: string): IndexedDoc {
  const t = textRuns(foldText(title));
  const b = textRuns(foldText(body));
  const words = (runs: TextRun[]) => runs.flatMap((r) => (r.han ? hanTokens(r.text) : [r.text]));
  const stems = [...t, ...b].filter((r) => !r.han).map((r) => stemEnglish(r.text)).filter((s, i, all) => all.indexOf(s) === i);
  const pinyins = t.filter((r) => r.han).flatMap((r) => pinyinTokens(r.text));
  return { title: words(t).join(' '), body: words(b).join(' '), alt: [...stems, ...pinyins].join(' '), nameKey: nameKey(t) };
}

function nameKey(runs: TextRun[]): string {
  const han = runs.filter((r) => r.han);
  return (han.length ? han : runs).map((r) => r.text).join('');
}

/** The name key of a query: compared with `name_key` for exact-name and name-prefix ranks. */
export function queryNameKey(query: string): string {
  return nameKey(textRuns(foldText(query)));
}
