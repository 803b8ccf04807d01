export function recordYaml(index: number, visit?: number, seed?: number, options?: { findings?: boolean }): string;
export function brokenYaml(index: number): string;
export function writeRecords(dir: string, count: number, options?: { seed?: number; invalidEvery?: number; findings?: boolean }): Promise<void>;
