/** Small inline-SVG charts (no library): sparkline and confidence-interval bar. */
import { svg } from './dom.js';

/**
 * A sparkline of `values` (nulls are gaps), with an accessible label.
 * @param {(number|null)[]} values
 */
export function sparkline(values, { width = 160, height = 36, label = '' } = {}) {
  const present = values.filter((v) => v !== null && v !== undefined);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'sparkline' });
  if (present.length === 0) return root;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const point = (v, i) => [2 + i * step, height - 3 - ((v - min) / span) * (height - 6)];
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || v === undefined) {
      pen = false;
      return;
    }
    const [x, y] = point(v, i);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  root.append(svg('title', { text: label }));
  root.append(svg('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null && v !== undefined);
  const [lx, ly] = point(values[lastIndex], lastIndex);
  root.append(svg('circle', { cx: lx, cy: ly, r: 3, fill: 'currentColor' }));
  return root;
}

/**
 * A horizontal estimate with its interval on a symmetric scale [-max, max] (a zero line in the middle).
 */
export function ciBar(value, low, high, { max = 1, width = 180, height = 18, label = '' } = {}) {
  const x = (v) => ((Math.max(-max, Math.min(max, v)) + max) / (2 * max)) * (width - 8) + 4;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'ci-bar' });
  root.append(svg('title', { text: label }));
  root.append(svg('line', { x1: x(0), x2: x(0), y1: 0, y2: height, class: 'ci-zero' }));
  root.append(svg('line', { x1: x(low), x2: x(high), y1: height / 2, y2: height / 2, class: 'ci-range' }));
  root.append(svg('line', { x1: x(low), x2: x(low), y1: 4, y2: height - 4, class: 'ci-range' }));
  root.append(svg('line', { x1: x(high), x2: x(high), y1: 4, y2: height - 4, class: 'ci-range' }));
  root.append(svg('circle', { cx: x(value), cy: height / 2, r: 4, class: value > 0 ? 'ci-point bad' : 'ci-point' }));
  return root;
}
