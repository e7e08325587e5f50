import { describe, expect, it } from 'vitest';
import type { TargetProgress } from './progress.ts';
import { countiesTable } from './tables.ts';

describe('countiesTable', () => {
  const item = { name: { zh: '新增专精特新', en: 'New SRDI' }, byCounty: { linqing: 4, chiping: 2 } } as unknown as TargetProgress;

  it('lists the 11 areas in the programme’s order, or only a county officer’s own', () => {
    const all = countiesTable([item], 'zh');
    expect(all.rows).toHaveLength(11);
    expect(all.rows[0]).toEqual(['东昌府区', 0]);
    expect(countiesTable([item], 'zh', 0, 'linqing').rows).toEqual([['临清市', 4]]);
  });
});
