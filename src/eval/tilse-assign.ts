/**
 * Minimum-cost rectangular assignment, following the shortest augmenting path method
 * (Crouse 2016) as SciPy's `linear_sum_assignment` implements it, including the order in
 * which it scans columns, so that ties resolve the way tilse's 1:1 alignments saw them.
 */

/** Pairs `[row, col]` of a minimum-cost assignment of `min(rows, cols)` rows to columns. */
export function linearSumAssignment(cost: readonly (readonly number[])[]): Array<[number, number]> {
  const nr0 = cost.length;
  const nc0 = nr0 === 0 ? 0 : cost[0]!.length;
  if (nr0 === 0 || nc0 === 0) return [];
  const transpose = nc0 < nr0;
  const nr = transpose ? nc0 : nr0;
  const nc = transpose ? nr0 : nc0;
  const at = (i: number, j: number): number => (transpose ? cost[j]![i]! : cost[i]![j]!);

  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const SR = new Uint8Array(nr);
  const SC = new Uint8Array(nc);
  const remaining = new Int32Array(nc);

  for (let curRow = 0; curRow < nr; curRow++) {
    // augmenting path from curRow
    let minVal = 0;
    let numRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    SR.fill(0);
    SC.fill(0);
    shortest.fill(Infinity);
    let sink = -1;
    let i = curRow;
    while (sink === -1) {
      let index = -1;
      let lowest = Infinity;
      SR[i] = 1;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it]!;
        const r = minVal + at(i, j) - u[i]! - v[j]!;
        if (r < shortest[j]!) {
          path[j] = i;
          shortest[j] = r;
        }
        if (shortest[j]! < lowest || (shortest[j] === lowest && row4col[j] === -1)) {
          lowest = shortest[j]!;
          index = it;
        }
      }
      minVal = lowest;
      if (minVal === Infinity || index < 0) throw new Error('linearSumAssignment: cost matrix is infeasible');
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      SC[j] = 1;
      remaining[index] = remaining[--numRemaining]!;
    }
    u[curRow] = u[curRow]! + minVal;
    for (let r = 0; r < nr; r++) {
      if (SR[r] && r !== curRow) u[r] = u[r]! + minVal - shortest[col4row[r]!]!;
    }
    for (let j = 0; j < nc; j++) {
      if (SC[j]) v[j] = v[j]! - (minVal - shortest[j]!);
    }
    let j = sink;
    for (;;) {
      const r = path[j]!;
      row4col[j] = r;
      const tmp = col4row[r]!;
      col4row[r] = j;
      j = tmp;
      if (r === curRow) break;
    }
  }

  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < nr; r++) pairs.push(transpose ? [col4row[r]!, r] : [r, col4row[r]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs;
}
