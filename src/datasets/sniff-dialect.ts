/** The delimiters a CSV upload may use, in the order ties are broken. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Records of the sample looked at; enough to see a pattern, few enough to stay instant. */
const SAMPLE_RECORDS = 200;

/**
 * Picks the delimiter from the start of the file: the one under which the most data records have
 * as many fields as the header (counted outside quotes), the header having at least two; ties go
 * to the wider header, then to the order of DELIMITERS. A file no candidate splits is one column.
 * `complete` says the sample is the whole file; otherwise its last, maybe cut, record is ignored.
 */
export function sniffDelimiter(sample: string, complete: boolean): Delimiter {
  let best: { delimiter: Delimiter; agreement: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, complete);
    if (counts.length === 0 || counts[0] < 2) continue;
    const rows = counts.slice(1);
    const agreement = rows.length === 0 ? 1 : rows.filter((n) => n === counts[0]).length / rows.length;
    if (!best || agreement > best.agreement || (agreement === best.agreement && counts[0] > best.width)) {
      best = { delimiter, agreement, width: counts[0] };
    }
  }
  return best?.delimiter ?? ',';
}

/** Field count of each non-blank record of the sample, honouring double-quoted fields. */
function fieldCounts(sample: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let quoted = false;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = sample[i];
    if (quoted) {
      if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      blank = false;
    } else if (ch === delimiter) {
      fields++;
      blank = false;
    } else if (ch === '\n') {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
    } else if (ch !== ' ') {
      blank = false;
    }
  }
  if (complete && !blank && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}
