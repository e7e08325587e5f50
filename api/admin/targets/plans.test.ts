import { describe, expect, it } from 'vitest';
import { planLabel } from './plans.ts';

describe('planLabel', () => {
  it('adds the period unless the name already says it', () => {
    expect(planLabel('中小企业梯度培育提升行动（2024—2026年）（演示）', 2024, 2026)).toBe('中小企业梯度培育提升行动（2024—2026年）（演示）');
    expect(planLabel('梯度培育计划', 2024, 2026)).toBe('梯度培育计划（2024–2026）');
  });
});
