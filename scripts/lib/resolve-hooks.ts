/**
 * Preloaded with `node --import ./scripts/lib/resolve-hooks.ts` (npm start; the import benchmark's children) before
 * any application module: resolves drizzle-orm's relative imports between its own ES modules (`../entity.js`)
 * directly, as the files they name.
 *
 * Why: for each of those ~300 imports Node 24's resolver goes through drizzle-orm's package.json, whose `exports`
 * map has 447 entries, and keeps what it builds until loading ends — ~150 MB of heap and +180 MB RSS before the
 * first request, memory V8 keeps afterwards (measured here, Node 24.21: importing drizzle-orm, its sqlite-core and
 * libsql driver costs 238 MB RSS without this hook, 75 MB with it). Nothing else is touched: bare specifiers, other
 * packages and CommonJS files resolve as usual.
 */
import { registerHooks } from 'node:module';

const DRIZZLE = '/node_modules/drizzle-orm/';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.includes(DRIZZLE) && parent.endsWith('.js') && /^\.\.?\/.*\.js$/.test(specifier)) {
      // drizzle-orm's package.json says "type": "module": its .js files are ES modules.
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
