/**
 * Finding the register's firm for an import row: by credit code, or by normalised name (within the row's area
 * when given). Loaded once per validation: the firms in the actor's scope, and every credit code in the register.
 */
import { and, isNull } from 'drizzle-orm';
import type { DbLike } from '../../../db/client.ts';
import { enterprises, type Enterprise } from '../../../db/schema/index.ts';
import { firmScope } from '../../scope.ts';
import type { Actor, Candidate } from './declare.ts';
import { nameKey } from './names.ts';

/** Most candidates offered for one unmatched name. */
const MAX_SUGGESTIONS = 8;

export type NameMatch = { firm: Enterprise } | { ambiguous: Candidate[] } | { unmatched: Candidate[] };

/** A firm as offered to a person resolving a row. */
export const candidateOf = (f: Enterprise): Candidate => ({ id: f.id, name: f.name, county: f.county, creditCode: f.creditCode });

/** The register's firms in the actor's scope, by id, credit code and name key; every credit code besides. */
export class FirmIndex {
  readonly byId = new Map<number, Enterprise>();
  readonly byCode = new Map<string, Enterprise>();
  private readonly byName = new Map<string, Enterprise[]>();
  /** Every credit code in the register, in scope or not, trash included (a create must not collide with any). */
  readonly allCodes: Set<string>;

  private constructor(firms: Enterprise[], allCodes: string[]) {
    for (const firm of firms) {
      this.byId.set(firm.id, firm);
      this.byCode.set(firm.creditCode, firm);
      const key = nameKey(firm.name);
      const list = this.byName.get(key);
      if (list) list.push(firm);
      else this.byName.set(key, [firm]);
    }
    this.allCodes = new Set(allCodes);
  }

  /** The live firms the actor may see, and all codes. */
  static async load(db: DbLike, actor: Actor): Promise<FirmIndex> {
    const firms = await db.select().from(enterprises).where(and(firmScope(actor), isNull(enterprises.deletedAt)));
    const codes = await db.select({ code: enterprises.creditCode }).from(enterprises);
    return new FirmIndex(firms, codes.map((c) => c.code));
  }

  /** The firm of a name (within `county` when given): one firm, several (ambiguous), or none with suggestions. */
  byFirmName(name: string, county: string | undefined): NameMatch {
    const key = nameKey(name);
    const same = (this.byName.get(key) ?? []).filter((f) => !county || f.county === county);
    if (same.length === 1) return { firm: same[0]! };
    if (same.length > 1) return { ambiguous: same.map(candidateOf) };
    return { unmatched: this.suggest(key, county) };
  }

  /** Firms whose name contains the row's name or is contained in it (same area first). */
  private suggest(key: string, county: string | undefined): Candidate[] {
    if (key.length < 2) return [];
    const out: Enterprise[] = [];
    for (const [other, firms] of this.byName) {
      if (other.includes(key) || key.includes(other)) out.push(...firms);
      if (out.length >= MAX_SUGGESTIONS * 4) break;
    }
    out.sort((a, b) => Number(b.county === county) - Number(a.county === county));
    return out.slice(0, MAX_SUGGESTIONS).map(candidateOf);
  }
}
