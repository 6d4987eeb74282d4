/**
 * PackedRows, the int8 matrix format of the model (src/analyze/model.ts), and its encoding: int8
 * weights with one log-scale byte per row. Decoding runs when a model is compiled; encoding when
 * `npm run train` writes it.
 */

/**
 * A weight matrix quantised row by row: int8 values (base64) times the row's scale, where the
 * scale is stored as one byte c (base64) meaning 2^(c/8 − 24). About a byte per weight.
 */
export interface PackedRows {
  encoding: 'int8-rows';
  rows: number;
  cols: number;
  values: string;
  scales: string;
}

/** Byte code of a row scale: 2^(code/8 − 24), rounded up so the row's largest weight fits in ±127. */
function scaleCode(maxAbs: number): number {
  if (maxAbs <= 0) return 0;
  return Math.max(0, Math.min(255, Math.ceil((Math.log2(maxAbs / 127) + 24) * 8)));
}

const scaleOf = (code: number): number => 2 ** (code / 8 - 24);

// atob/btoa rather than Buffer: the analyser stays free of Node APIs.
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Quantises a row-major `rows × cols` matrix. */
export function packRows(m: ArrayLike<number>, rows: number, cols: number): PackedRows {
  const values = new Int8Array(rows * cols);
  const scales = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(m[r * cols + c]));
    const code = scaleCode(max);
    scales[r] = code;
    const sc = scaleOf(code);
    for (let c = 0; c < cols; c++) values[r * cols + c] = Math.max(-127, Math.min(127, Math.round(m[r * cols + c] / sc)));
  }
  return { encoding: 'int8-rows', rows, cols, values: toBase64(new Uint8Array(values.buffer)), scales: toBase64(scales) };
}

/** Decodes PackedRows into a row-major Float32Array; throws on a size mismatch (a damaged model). */
export function unpackRows(p: PackedRows): Float32Array {
  const values = new Int8Array(fromBase64(p.values).buffer);
  const scales = fromBase64(p.scales);
  if (values.length !== p.rows * p.cols || scales.length !== p.rows) {
    throw new Error(`packed weights hold ${values.length} values and ${scales.length} scales; expected ${p.rows} × ${p.cols}`);
  }
  const out = new Float32Array(values.length);
  for (let r = 0; r < p.rows; r++) {
    const sc = scaleOf(scales[r]);
    for (let c = 0; c < p.cols; c++) out[r * p.cols + c] = values[r * p.cols + c] * sc;
  }
  return out;
}
