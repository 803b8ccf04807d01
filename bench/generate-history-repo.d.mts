export function writeHistoryRepo(dir: string, options: { children: number; commits: number }): void;
