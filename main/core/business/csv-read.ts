/**
 * A small CSV reader for the assignment import (no CSV package is installed): comma or semicolon (the
 * one the first line uses more, outside quotes; Excel writes semicolons where the decimal mark is a
 * comma), fields in double quotes with "" for a quote and line breaks inside, a UTF-8 BOM, and CRLF, LF
 * or CR line ends. Lenient like spreadsheets: a stray quote inside an unquoted field is kept as text.
 */

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The row as written (without its line break). */
  text: string;
  cells: string[];
}

/** The separator the first line uses more (outside quotes): ';' or ','. */
export function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

export function readCsv(input: string, sep: ',' | ';' = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvRow[] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  let line = 1;
  let rowLine = 1;
  let rowStart = 0;
  const endRow = (end: number) => {
    cells.push(cell);
    rows.push({ line: rowLine, text: text.slice(rowStart, end), cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      endRow(i);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      rowLine = line;
      rowStart = i + 1;
    } else {
      cell += ch;
      // Spaces before an opening quote still let it open ( a, "b" ).
      if (ch !== ' ' && ch !== '\t') atCellStart = false;
      else if (atCellStart && cell.trim() === '') cell = '';
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRow(text.length);
  return rows;
}
