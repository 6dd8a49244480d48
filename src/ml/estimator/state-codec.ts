import type { AnyTypedArray } from '../core/dtypes.js';
import type { ModelState, StateValue } from './model-state.js';

/**
 * JSON form of a ModelState: typed arrays become {"$typed": "Float64Array", "base64": "..."} so that
 * a model file stays one plain, self-describing JSON document and round-trips bit for bit.
 */
const TYPED_CONSTRUCTORS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Int8Array,
} as const;
type TypedName = keyof typeof TYPED_CONSTRUCTORS;

interface EncodedTyped {
  $typed: TypedName;
  base64: string;
}

export function encodeState(state: ModelState): unknown {
  return { modelType: state.modelType, params: state.params, fitted: encodeValue(state.fitted) };
}

export function decodeState(json: unknown): ModelState {
  const obj = json as { modelType?: unknown; params?: unknown; fitted?: unknown };
  if (typeof obj?.modelType !== 'string' || typeof obj.params !== 'object' || typeof obj.fitted !== 'object') {
    throw new Error('not a model state: expected modelType, params and fitted');
  }
  return {
    modelType: obj.modelType,
    params: obj.params as Record<string, unknown>,
    fitted: decodeValue(obj.fitted) as ModelState['fitted'],
  };
}

function encodeValue(value: StateValue): unknown {
  if (ArrayBuffer.isView(value)) return encodeTyped(value as AnyTypedArray);
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v);
    return out;
  }
  return value;
}

function decodeValue(value: unknown): StateValue {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    if ('$typed' in value) return decodeTyped(value as EncodedTyped);
    const out: { [key: string]: StateValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeValue(v);
    return out;
  }
  return value as StateValue;
}

function encodeTyped(array: AnyTypedArray): EncodedTyped {
  const name = array.constructor.name as TypedName;
  if (!(name in TYPED_CONSTRUCTORS)) throw new Error(`cannot encode ${name}`);
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  return { $typed: name, base64: Buffer.from(bytes).toString('base64') };
}

function decodeTyped(encoded: EncodedTyped): AnyTypedArray {
  const Ctor = TYPED_CONSTRUCTORS[encoded.$typed];
  if (!Ctor) throw new Error(`unknown typed array ${String(encoded.$typed)}`);
  const bytes = Buffer.from(encoded.base64, 'base64');
  // Copy into a fresh, aligned buffer: Buffer pools are not aligned for 8-byte element types.
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  return new Ctor(aligned.buffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT);
}
