/**
 * Tables over small non-negative integers (word hashes, word ids) kept in typed arrays.
 * Clustering a day of 100,000 articles files millions of (key, id) pairs; as a `Map` of arrays that
 * is a million small objects for the garbage collector to trace again at every collection, which made
 * the digest slower per article the more articles there were. Here it is a handful of flat arrays.
 */

/**
 * An open-addressing hash table from a non-negative integer key (below 2^30) to a slot, for
 * {@link IntIds}. Slots are at most half full, so probes are short.
 */
abstract class IntTable {
  /** Key + 1 per slot; 0 marks a free slot. */
  protected keys: Int32Array;
  private shift: number;
  private used = 0;
  /** Set by {@link claim}: whether the key was new. */
  protected isNew = false;

  constructor(expectedKeys: number) {
    let bits = 4;
    while (1 << (bits - 1) < expectedKeys) bits++;
    this.keys = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** The slot of `key`, or -1 when it is not in the table. */
  slotOf(key: number): number {
    const stored = key + 1;
    const mask = this.keys.length - 1;
    // The high bits of a multiplicative hash: consecutive keys land far apart.
    let slot = Math.imul(stored, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = this.keys[slot]!;
      if (at === stored) return slot;
      if (at === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** The slot of `key`, claimed for it when it is new (then `isNew` is true). */
  protected claim(key: number): number {
    if (this.used * 2 >= this.keys.length) this.grow();
    const stored = key + 1;
    const mask = this.keys.length - 1;
    let slot = Math.imul(stored, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = this.keys[slot]!;
      if (at === stored) {
        this.isNew = false;
        return slot;
      }
      if (at === 0) {
        this.keys[slot] = stored;
        this.used++;
        this.isNew = true;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    this.startMoving(this.keys.length);
    for (let from = 0; from < oldKeys.length; from++) {
      const stored = oldKeys[from]!;
      if (stored === 0) continue;
      let to = Math.imul(stored, 0x9e3779b1) >>> this.shift;
      while (this.keys[to] !== 0) to = (to + 1) & mask;
      this.keys[to] = stored;
      this.move(from, to);
    }
  }

  /** Replaces the subclass's per-slot arrays with ones of `capacity` slots, keeping the old ones. */
  protected abstract startMoving(capacity: number): void;
  /** Copies the subclass's data of old slot `from` to new slot `to`. */
  protected abstract move(from: number, to: number): void;
}

/** Dense ids (0, 1, 2...) for integer keys, in order of first sight. */
export class IntIds extends IntTable {
  private ids: Int32Array;
  private oldIds: Int32Array = new Int32Array(0);
  private count = 0;

  constructor(expectedKeys = 1024) {
    super(expectedKeys);
    this.ids = new Int32Array(this.keys.length);
  }

  /** How many keys have an id. */
  get size(): number {
    return this.count;
  }

  /** The id of `key`, or -1 when it has none (and none is given). */
  find(key: number): number {
    const slot = this.slotOf(key);
    return slot < 0 ? -1 : this.ids[slot]!;
  }

  /** The id of `key`, given it now when it has none. */
  idOf(key: number): number {
    const slot = this.claim(key);
    if (this.isNew) this.ids[slot] = this.count++;
    return this.ids[slot]!;
  }

  protected startMoving(capacity: number): void {
    this.oldIds = this.ids;
    this.ids = new Int32Array(capacity);
  }

  protected move(from: number, to: number): void {
    this.ids[to] = this.oldIds[from]!;
  }
}

/** A growing list of 32-bit integers. */
export class IntBuffer {
  private items: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.items.length) this.items = grown(this.items);
    this.items[this.length++] = value;
  }

  /** The values pushed (a view: copying tens of MB for the sake of the slack costs more than it saves). */
  done(): Int32Array {
    return this.items.subarray(0, this.length);
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
