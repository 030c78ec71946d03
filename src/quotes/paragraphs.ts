/** A paragraph of article text: [start, end) with surrounding whitespace trimmed. */
export interface Paragraph {
  start: number;
  end: number;
}

/** True for whitespace and for control characters, which damaged text uses as stray spacing. */
export function isSpaceCode(code: number): boolean {
  return (
    code <= 32 || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x3000 || code === 0x200b
  );
}

/**
 * Splits text into paragraphs at blank lines (lines holding only whitespace), in one pass.
 * Single line breaks stay inside a paragraph because wrapped text uses them mid-sentence.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let paraStart = -1;
  let paraEnd = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let first = lineStart;
    while (first < lineEnd && isSpaceCode(text.charCodeAt(first))) first++;
    if (first === lineEnd) {
      if (paraStart !== -1) paragraphs.push({ start: paraStart, end: paraEnd });
      paraStart = -1;
    } else {
      let last = lineEnd;
      while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--;
      if (paraStart === -1) paraStart = first;
      paraEnd = last;
    }
    lineStart = lineEnd + 1;
  }
  if (paraStart !== -1) paragraphs.push({ start: paraStart, end: paraEnd });
  return paragraphs;
}
