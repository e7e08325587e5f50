/**
 * The shape of an import kind — the one small declaration each sheet kind provides (django-import-export's
 * Resource): its columns with the headings people use, how each cell is read, how a row is matched to the
 * register, what it would do, and how it is written. The pipeline (pipeline.ts) does the rest for every kind.
 */
import type { z } from 'zod';
import type { DbLike, DbTx } from '../../../db/client.ts';
import type { Conflict } from './bulk.ts';
import type { ImportKind, User } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Message } from '../../../lib/errors.ts';
import type { ChangeOrigin, Changes } from '../history.ts';
import type { CellParser } from './cells.ts';

export type Actor = Pick<User, 'id' | 'role' | 'county' | 'enterpriseId'>;

export interface ColumnSpec {
  key: string;
  /** Headings people write for this column, the first one the template's. */
  headings: string[];
  parse: CellParser;
  /** The template's example value. */
  example: string | number;
}

/** A problem at a row and column of the sheet, in both languages. */
export interface RowError {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** The column's heading as written in the file (or the template heading when the column is missing). */
  column: string;
  /** Cell address, e.g. "B7", when the column is in the file. */
  cell?: string;
  message: string;
  messageEn: string;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'error' | 'unmatched' | 'ambiguous' | 'skipped';

/** A firm offered to a person resolving a title row by name. */
export interface Candidate {
  id: number;
  name: string;
  county: County;
  creditCode: string;
}

/** One data row after validation: what it will do, and for commit the values and the version it was checked at. */
export interface PlanRow {
  row: number;
  action: RowAction;
  /** The firm's name as the sheet or register gives it (for the preview). */
  label: string;
  values: Record<string, unknown>;
  enterpriseId?: number;
  candidates?: Candidate[];
  /** Field → [stored, imported] for updates and creates. */
  changes?: Changes;
  /** Version of the register row the decision was based on (commit refuses when it moved). */
  versionSeen?: number;
  /** A person chose the firm (or chose to skip). */
  resolved?: boolean;
}

/** A row with its cells read (values by column key; cell errors already listed). */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
  /** Column keys that already have an error (the kind does not check them again). */
  failed: Set<string>;
}

/** What a kind decides for one row: the action and details, or errors at column keys. */
export type Decision =
  | { action: 'create' | 'update' | 'unchanged'; enterpriseId?: number; label?: string; changes?: Changes; versionSeen?: number }
  | { action: 'unmatched' | 'ambiguous'; candidates: Candidate[] }
  | { action: 'error'; errors: { key: string; message: Message }[] };

export interface RowPlanner {
  /** Decides a row; `chosen` is the firm a person picked for an unmatched or ambiguous row. */
  decide(row: ParsedRow, chosen?: Candidate): Decision;
}

/** One register row an import wrote, as recorded in import_changes. */
export interface WrittenRow {
  entity: 'enterprise' | 'year' | 'title' | 'attendance';
  entityId: number;
  op: 'create' | 'update';
  before: Record<string, unknown> | null;
  versionAfter: number;
}

export interface KindSpec<Options = Record<string, unknown>> {
  kind: ImportKind;
  name: Message;
  columns: ColumnSpec[];
  /** Column groups of which at least one must be present, e.g. [['creditCode', 'name'], ['fiscalYear']]. */
  required: string[][];
  /** Fields of the upload form (beyond the file and the kind). */
  options: z.ZodType<Options>;
  /** Key of a row that must be unique in the file, and the column to report a duplicate at. */
  identity(values: Record<string, unknown>, options: Options): { key: string; column: string } | null;
  /**
   * Key of the register record a decided create/update row writes — the firm, and for yearly data its year — so
   * two rows naming one record differently (one by credit code, one by name) are caught before commit; null: none.
   */
  recordKey(row: PlanRow, options: Options): string | null;
  /** Loads from the register what deciding these rows needs (in bulk: one pass, not a query per row). */
  prepare(db: DbLike, actor: Actor, rows: ParsedRow[], options: Options): Promise<RowPlanner>;
  /**
   * Writes every create/update row inside the commit's transaction, in bulk, with history entries tagged by the
   * batch; returns what was written per sheet row, or the rows whose register records moved since validation.
   */
  writeAll(tx: DbTx, actor: Actor, origin: ChangeOrigin, rows: PlanRow[], options: Options): Promise<{ written: (WrittenRow & { row: number })[]; conflicts: Conflict[] }>;
}
