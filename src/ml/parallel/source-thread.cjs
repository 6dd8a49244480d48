// Starts a worker thread on a TypeScript module (argv[2]) when running from source: tests and
// `npm run dev`. On Node 20, tsx's require hook is in place in a worker thread where its import
// hook is not, so the module is required, and tsx compiles it. Built code never comes here.
require(process.argv[2]);
