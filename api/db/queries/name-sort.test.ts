import { describe, expect, it } from 'vitest';
import { nameSortKey } from './name-sort.ts';

const sorted = (names: string[]) => [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));

describe('nameSortKey', () => {
  it('orders Chinese names by pinyin, syllable by syllable, then tone', () => {
    // Code-point order would be 东 丁 中 临 安 梁 阿 李 (U+4E1C U+4E01 …); people expect a, an, d, l, z.
    expect(sorted(['中通轴承', '丁字机械', '东阿阿胶', '临清纺织', '安顺化工', '梁山专用车', '阿里食品', '李氏钢管'])).toEqual([
      '阿里食品',
      '安顺化工',
      '丁字机械',
      '东阿阿胶',
      '李氏钢管',
      '梁山专用车',
      '临清纺织',
      '中通轴承',
    ]);
  });

  it('reads polyphonic characters in context and folds full-width forms', () => {
    expect(nameSortKey('重庆银行')).toBe('chong2 qing4 yin2 hang2');
    expect(nameSortKey('ＡＢＢ（聊城）')).toBe(nameSortKey('ABB(聊城)'));
  });
});
