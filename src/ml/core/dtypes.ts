/** Every typed-array alias the engine uses, in one place so a change of precision is one edit. */
export type Float = Float64Array;
export type Labels = Int32Array;
export type Indices = Uint32Array;
export type Bins = Uint8Array;

export type AnyTypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Int8Array;
