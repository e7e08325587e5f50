/** Matching a yearly or title row to a firm: by credit code when the row has one, else by name within its area. */
import type { Enterprise } from '../../../../db/schema/index.ts';
import type { Candidate, Decision, ParsedRow } from '../declare.ts';
import type { FirmIndex } from '../match.ts';

/** The row's firm, or the decision to return instead (error, unmatched, ambiguous). */
export function findFirm(index: FirmIndex, row: ParsedRow, chosen: Candidate | undefined): Enterprise | Exclude<Decision, { action: 'create' | 'update' | 'unchanged' }> {
  if (chosen) {
    const firm = index.byId.get(chosen.id);
    if (firm) return firm;
    return { action: 'error', errors: [{ key: 'name', message: { zh: '所选企业不在您的范围内', en: 'The chosen firm is not within your scope' } }] };
  }
  const code = row.values.creditCode as string | undefined;
  if (code) {
    const firm = index.byCode.get(code);
    if (firm) return firm;
    return { action: 'error', errors: [{ key: 'creditCode', message: { zh: '企业库中没有该信用代码的企业（请先导入企业名录）', en: 'No firm with this credit code in the register (import the firm first)' } }] };
  }
  if (row.failed.has('creditCode')) return { action: 'error', errors: [] };
  const name = row.values.name as string | undefined;
  if (!name) {
    if (row.failed.has('name')) return { action: 'error', errors: [] };
    return { action: 'error', errors: [{ key: 'name', message: { zh: '缺少企业名称或信用代码', en: 'Neither a firm name nor a credit code' } }] };
  }
  const match = index.byFirmName(name, row.values.county as string | undefined);
  if ('firm' in match) return match.firm;
  if ('ambiguous' in match) return { action: 'ambiguous', candidates: match.ambiguous };
  return { action: 'unmatched', candidates: match.unmatched };
}
