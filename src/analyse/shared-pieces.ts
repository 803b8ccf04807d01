/**
 * Pieces of a caseload's records and rows that repeat from one to the next,
 * one of each: an area's scores, the sections a row's area has at worrying
 * scores, a row's prompts. 50,000 records hold a few hundred distinct
 * pieces, where a copy in each was most of a command's memory. A piece is
 * known by an id that says all it holds; there are never more than the
 * templates' sections, scales and codes allow.
 */
export class SharedPieces {
  private readonly pieces = new Map<string, object>();

  /** The piece known by `id`, made (and frozen: those who share it must not change it) the first time. */
  get<T extends object>(id: string, make: () => T): T {
    let piece = this.pieces.get(id) as T | undefined;
    if (piece === undefined) {
      piece = deepFrozen(make());
      this.pieces.set(id, piece);
    }
    return piece;
  }
}

function deepFrozen<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFrozen(inner as object);
  return Object.freeze(value);
}

/**
 * One copy of each string a batch's results repeat (a template id, a date):
 * strings a worker thread sends arrive as copies of their own. Kept for one
 * batch, so it holds no more than that batch's distinct strings.
 */
export function sharedStrings(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const copy = known.get(text);
    if (copy !== undefined) return copy;
    known.set(text, text);
    return text;
  };
}
