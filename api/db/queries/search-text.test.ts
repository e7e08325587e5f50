import { describe, expect, it } from 'vitest';
import { foldText, hanTokens, indexDoc, pinyinTokens, stemEnglish, textRuns } from './search-text.ts';
import { planSearch } from './search.ts';

describe('search text normalisation', () => {
  it('folds traditional to simplified, full-width to half-width and case', () => {
    expect(foldText('軸承 東阿 阿膠')).toBe('轴承 东阿 阿胶');
    expect(foldText('ＢＥＡＲＩＮＧ Ｐ４')).toBe('bearing p4');
  });

  it('cuts Han runs into bigrams plus the last character, and keeps Latin words whole', () => {
    expect(textRuns('p4级精密轴承, 7014c')).toEqual([
      { han: false, text: 'p4' },
      { han: true, text: '级精密轴承' },
      { han: false, text: '7014c' },
    ]);
    expect(hanTokens('润华精细')).toEqual(['润华', '华精', '精细', '细']);
  });

  it('stems English plurals and verb forms to one form', () => {
    expect(stemEnglish('bearings')).toBe(stemEnglish('bearing'));
    expect(stemEnglish('cables')).toBe(stemEnglish('cable'));
    expect(stemEnglish('machined')).toBe(stemEnglish('machining'));
    expect(stemEnglish('textiles')).toBe(stemEnglish('textile'));
    expect(stemEnglish('p4')).toBe('p4');
  });

  it('spells names in pinyin from every character on, full and initials', () => {
    expect(pinyinTokens('恒运轴承')).toEqual(['hengyunzhoucheng', 'hyzc', 'yunzhoucheng', 'yzc', 'zhoucheng', 'zc', 'cheng', 'c']);
    expect(indexDoc('聊城润華 Fine Chemicals ', '').alt.split(' ')).toEqual(expect.arrayContaining(['chemical', 'runhua', 'lcrh']));
  });

  it('plans exact phrases with a looser bigram fallback; no letters means nothing matches', () => {
    expect(planSearch('润华化工')).toEqual({ strict: '"润华 华化 化工"', loose: '"润华" OR "华化" OR "化工"', key: '润华化工' });
    expect(planSearch('   ')).toBeNull();
    expect(planSearch('%_')?.strict).toBeNull();
  });
});
