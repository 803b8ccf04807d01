// Preloaded into each measured process (node --require): at exit, writes its
// CPU time (user + system, all threads) and peak resident memory (worker
// threads included) to the file the bench names. CPU time stays meaningful
// on a busy machine, where wall time depends on what else is running.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.NTK_BENCH_USAGE_FILE, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssMb: usage.maxRSS / 1024 }));
});
