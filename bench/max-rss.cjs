// Preloaded into the measured process (node --require): writes its peak
// resident memory, worker threads included, to the file the bench names.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.NTK_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
