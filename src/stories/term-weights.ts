/**
 * A sparse vector of word weights keyed by word hash (a non-negative integer below 2^30), in typed
 * arrays. A story's summed vector lives for the whole clustering; as a `Map` each of its weights
 * would be a boxed number for the garbage collector to trace, thousands of stories times hundreds of
 * words.
 */
export class TermWeights {
  /** Term + 1 per slot; 0 marks a free slot. */
  private keys: Int32Array<ArrayBuffer>;
  private values: Float64Array<ArrayBuffer>;
  private shift: number;
  private used = 0;

  constructor(expectedTerms = 32) {
    let bits = 4;
    while (1 << (bits - 1) < expectedTerms) bits++;
    this.keys = new Int32Array(1 << bits);
    this.values = new Float64Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** How many terms have a weight. */
  get size(): number {
    return this.used;
  }

  /** The weight of `term`, 0 when it has none. */
  get(term: number): number {
    const stored = term + 1;
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(stored, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const at = this.keys[slot]!;
      if (at === stored) return this.values[slot]!;
      if (at === 0) return 0;
    }
  }

  /** Adds `weight` to the weight of `term`; true when the term had none before. */
  add(term: number, weight: number): boolean {
    if (this.used * 2 >= this.keys.length) this.grow();
    const stored = term + 1;
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(stored, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const at = this.keys[slot]!;
      if (at === stored) {
        this.values[slot]! += weight;
        return false;
      }
      if (at === 0) {
        this.keys[slot] = stored;
        this.values[slot] = weight;
        this.used++;
        return true;
      }
    }
  }

  /** Removes every weight, keeping the room. */
  clear(): void {
    if (this.used === 0) return;
    this.keys.fill(0);
    this.used = 0;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let from = 0; from < keys.length; from++) {
      const stored = keys[from]!;
      if (stored === 0) continue;
      let to = Math.imul(stored, 0x9e3779b1) >>> this.shift;
      while (this.keys[to] !== 0) to = (to + 1) & mask;
      this.keys[to] = stored;
      this.values[to] = values[from]!;
    }
  }
}
