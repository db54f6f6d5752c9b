import { ByteBuffer } from 'flatbuffers';

/**
 * A schema-less view of one flatbuffer table: enough to walk a TFLite model and its metadata
 * without generated code. Positions are absolute byte positions in the buffer.
 */
export class Table {
  constructor(
    readonly bb: ByteBuffer,
    readonly pos: number,
  ) {}

  static root(bytes: Uint8Array): Table {
    const bb = new ByteBuffer(bytes);
    return new Table(bb, bb.readUint32(0));
  }

  /** Number of slots the table's vtable describes (fields the writer knew about). */
  slotCount(): number {
    const vtable = this.pos - this.bb.readInt32(this.pos);
    return (this.bb.readUint16(vtable) - 4) / 2;
  }

  /** Absolute position of a slot's inline value, or 0 when the field is absent. */
  fieldPos(slot: number): number {
    const offset = this.bb.__offset(this.pos, 4 + 2 * slot);
    return offset ? this.pos + offset : 0;
  }

  /** Absolute position of the object an offset field points to, or 0. */
  target(slot: number): number {
    const at = this.fieldPos(slot);
    return at ? at + this.bb.readUint32(at) : 0;
  }

  uint8(slot: number): number {
    const at = this.fieldPos(slot);
    return at ? this.bb.readUint8(at) : 0;
  }

  uint32(slot: number): number {
    const at = this.fieldPos(slot);
    return at ? this.bb.readUint32(at) : 0;
  }

  string(slot: number): string | null {
    const at = this.fieldPos(slot);
    return at ? (this.bb.__string(at) as string) : null;
  }

  table(slot: number): Table | null {
    const at = this.target(slot);
    return at ? new Table(this.bb, at) : null;
  }

  /** Absolute positions of the tables a vector-of-tables field points to. */
  tablePositions(slot: number): number[] {
    const vector = this.target(slot);
    if (!vector) return [];
    const length = this.bb.readUint32(vector);
    return Array.from({ length }, (_, i) => {
      const element = vector + 4 + 4 * i;
      return element + this.bb.readUint32(element);
    });
  }

  tables(slot: number): Table[] {
    return this.tablePositions(slot).map((pos) => new Table(this.bb, pos));
  }

  floats(slot: number): number[] {
    const vector = this.target(slot);
    if (!vector) return [];
    const length = this.bb.readUint32(vector);
    return Array.from({ length }, (_, i) => this.bb.readFloat32(vector + 4 + 4 * i));
  }

  /** Absolute position of a byte vector's first byte and its length. */
  byteRange(slot: number): { start: number; length: number } | null {
    const vector = this.target(slot);
    return vector ? { start: vector + 4, length: this.bb.readUint32(vector) } : null;
  }
}
