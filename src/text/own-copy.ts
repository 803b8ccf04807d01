/**
 * A string of its own, sharing no memory with the text it was read from: V8
 * may keep a slice, or a value the YAML reader made, as a view into the
 * whole file's text, which then lives as long as the slice. JSON's round
 * trip is the cheapest copy that is sure to be flat.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
