/**
 * Sort keys for Chinese names in pinyin order (拼音排序), the order people expect of a list of firms, as Excel and
 * phone contacts sort Chinese text: syllable by syllable, then by tone. SQLite compares text by code point, which
 * puts 中 before 丁 for no reason a reader can see, so the register sorts by this key instead.
 */
import { pinyin } from 'pinyin-pro';

/**
 * `name` as a key that sorts in pinyin order under plain code-point comparison: NFKC (full-width letters and
 * brackets to ASCII), each Han character as its toneless syllable followed by its tone digit (0 neutral … 4), other
 * runs lowercased, separated by spaces. The digit ends each syllable below any letter, so 李 (li3) sorts before
 * 梁 (liang2) and 阿里 (a1 li3) before 安 (an1). Polyphonic characters are read in context by pinyin-pro (重庆 →
 * chong2 qing4, 银行 → yin2 hang2).
 */
export function nameSortKey(name: string): string {
  return pinyin(name.normalize('NFKC').trim(), { toneType: 'num', type: 'array', nonZh: 'consecutive' })
    .map((part) => part.toLowerCase())
    .join(' ');
}
