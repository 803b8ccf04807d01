export function recordYaml(index: number, visit?: number, seed?: number): string;
export function brokenYaml(index: number): string;
export function writeRecords(dir: string, count: number, options?: { seed?: number; invalidEvery?: number }): Promise<void>;
