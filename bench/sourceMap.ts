import { readFileSync } from 'node:fs';

/**
 * Just enough of source maps (v3) for the benchmark: which source file a position of a built file
 * came from, and the module or package that file belongs to.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, i) => [char, i]));

/** One mapping segment: generated column → index into `sources`. */
type Segment = [column: number, source: number];

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not a base64 digit: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export interface SourceMap {
  /** The source file of a (0-based) line and column of the built file, or undefined. */
  sourceAt(line: number, column: number): string | undefined;
}

export function parseSourceMap(json: { sources: string[]; mappings: string }): SourceMap {
  const lines: Segment[][] = [];
  let source = 0;
  for (const line of json.mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (!text) continue;
      const [columnDelta = 0, sourceDelta] = decodeVlq(text);
      column += columnDelta;
      if (sourceDelta === undefined) continue;
      source += sourceDelta;
      segments.push([column, source]);
    }
    lines.push(segments);
  }
  return {
    sourceAt(line, column) {
      const segments = lines[line];
      if (!segments?.length) return undefined;
      let low = 0;
      let high = segments.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if ((segments[mid] as Segment)[0] <= column) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      const segment = segments[Math.max(found, 0)] as Segment;
      return json.sources[segment[1]];
    },
  };
}

/** `react-dom`, `@aws-amplify/core`, or our own `src/features/job/JobPage.tsx`. */
export function moduleName(source: string): string {
  const packages = source.lastIndexOf('node_modules/');
  if (packages >= 0) {
    const [first = '', second = ''] = source.slice(packages + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const ours = source.search(/(^|\/)src\//);
  if (ours >= 0) return source.slice(source.indexOf('src/', ours));
  return source.replace(/^\0/, '');
}

/** Source maps of a built site's files, read from disk on first use (`/assets/x.js` → `<dir>/assets/x.js.map`). */
export function siteSourceMaps(dir: string): (path: string) => SourceMap | undefined {
  const cache = new Map<string, SourceMap | undefined>();
  return (path) => {
    if (!cache.has(path)) {
      try {
        cache.set(
          path,
          parseSourceMap(JSON.parse(readFileSync(`${dir}${path}.map`, 'utf8')) as { sources: string[]; mappings: string }),
        );
      } catch {
        cache.set(path, undefined);
      }
    }
    return cache.get(path);
  };
}
