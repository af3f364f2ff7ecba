/**
 * The import graph of src/ stays acyclic (`npm run -s cycles`, a step of `npm test`). A cycle
 * makes module initialisation order matter and ties two modules into one. Type-only imports
 * vanish at compile time and are not counted: dependency-cruiser reads the compiled imports.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Break the cycle: move what both modules need into a third one that imports them (or neither).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: false,
  },
};
