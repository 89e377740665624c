/**
 * A typed array that doubles as it is pushed to. The blocking index and the compared pairs hold tens
 * of millions of numbers: as JS arrays they take 8 bytes an element on the heap (and a copy at each
 * growth), as typed arrays 4 outside it.
 */
export class Grow<T extends Int32Array | Uint32Array | Float64Array> {
  n = 0;
  constructor(public a: T) {}
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new (this.a.constructor as new (n: number) => T)(Math.max(16, this.a.length * 2));
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view(): T {
    return this.a.subarray(0, this.n) as T;
  }
}
