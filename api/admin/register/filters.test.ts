import { describe, expect, it } from 'vitest';
import { queryString, readRegisterFilters } from './filters.ts';

const read = (qs: string) => readRegisterFilters(new URLSearchParams(qs));

describe('register filters read from a URL', () => {
  it('keeps every valid filter and names each unknown key or invalid value it leaves out', () => {
    const { query, ignored } = read('county=linqing&county2=x&tier=srdi&title=soon&page=0&cohort=2024&q=轴承&sort=-revenue&industry=');
    expect(query).toEqual({ county: 'linqing', tier: 'srdi', cohort: 2024, q: '轴承', sort: '-revenue' });
    expect(ignored).toEqual(['county2=x', 'title=soon', 'page=0']);
  });

  it('ignores nothing in a clean URL and reads the same filters as the canonical query string', () => {
    const { query, ignored } = read('tier=srdi&county=linqing&page=2');
    expect(ignored).toEqual([]);
    expect(queryString(query)).toBe('county=linqing&tier=srdi');
    expect(query.page).toBe(2);
  });

  it('keeps the first of a repeated key and names the rest', () => {
    expect(read('county=linqing&county=guanxian')).toEqual({ query: { county: 'linqing' }, ignored: ['county=guanxian'] });
    expect(read(`x=${'长'.repeat(50)}`).ignored).toEqual([`x=${'长'.repeat(40)}…`]);
  });
});
