/**
 * Word-wraps plain text to a width, keeping paragraph breaks, with an indent
 * on every line. Width counts characters; record text is mostly prose.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
  return text
    .trim()
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => wrapLine(line.trim(), room).map((l) => indent + l).join('\n'))
        .join('\n'),
    )
    .join(`\n${indent.trimEnd()}\n`);
}

function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/)) {
    if (word === '') continue;
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
    while (current.length > width) {
      out.push(current.slice(0, width));
      current = current.slice(width);
    }
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}
