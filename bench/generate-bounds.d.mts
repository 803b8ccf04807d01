export function writeBoundRecords(dir: string, root: string): Promise<void>;
