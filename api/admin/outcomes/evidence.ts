/**
 * Evidence of an outcome: ids of attachments the firm holds. Until the attachments table lands on this branch
 * (the lead's attachments work), no id can be checked, so any id is refused rather than stored unchecked.
 */
import type { DbLike } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';

/** Throws 400 `invalid_outcome` unless every id is an attachment of `enterpriseId`. */
export async function checkEvidence(_db: DbLike, _enterpriseId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  throw new AppError(400, 'invalid_outcome', { zh: '附件不属于该企业', en: 'An attachment does not belong to this firm' });
}
