export function rulesHash(root: string): Promise<string>;
