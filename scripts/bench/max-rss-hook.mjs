// Preloaded by ingest-scale.ts into the `ecoute ingest` it times (`node --import`): on exit, the
// process's peak resident memory (worker threads included), for the bench to read from stderr.
process.on('exit', () => {
  process.stderr.write(`bench-max-rss-kb: ${process.resourceUsage().maxRSS}\n`);
});
