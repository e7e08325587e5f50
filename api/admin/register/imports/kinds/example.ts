import { withCheckChar } from '../../../../domain/credit-code.ts';

/** A well-formed (fictional) credit code for the templates' example rows, so an untouched template imports cleanly. */
export const EXAMPLE_CODE = withCheckChar('91371500MA3C00001');
