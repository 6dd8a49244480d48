import { Type, type ObjectOptions, type SchemaOptions, type Static, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object({ detail: Type.String() }, { $id: 'ErrorBody', description: 'Every error answers with a detail naming the problem' });

/** Past this an offset is not a number the databases page by (SQLite answered such offsets with a 500). */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
});

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
}

/** The pattern of StoredText: anything but U+0000. */
export const WITHOUT_NUL = '^[^\\u0000]*$';

/**
 * A string the store keeps as text (a name, a description): PostgreSQL text cannot hold U+0000, so
 * it is refused with the request (errors.ts words it) rather than failing the insert with a 500.
 */
export const StoredText = (options: SchemaOptions = {}) => Type.String({ ...options, pattern: WITHOUT_NUL });

// Null first: ajv tries the branches in order, and a null is settled by the first.
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/**
 * An object keyed by names from the data (columns, classes, category values), with `value` under
 * every key. Not Type.Record: its key pattern `^(.*)$` fails a key with a newline in it, and the
 * serialiser silently leaves such keys out of the answer.
 */
export const Dict = <T extends TSchema>(value: T, options: ObjectOptions = {}) =>
  Type.Unsafe<Record<string, Static<T>>>(Type.Object({}, { ...options, additionalProperties: value }));

/** An object whose keys depend on the data (metrics, hyperparameters, metadata): serialised as given. */
export const OpenObject = (description: string) => Type.Object({}, { additionalProperties: true, description });

/** Error responses every authenticated route can give. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
};

/** One of fixed strings, as a JSON-schema enum: unlike a union of literals it can carry a `default`. */
export const StringEnum = <const T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
