import { Type, type SchemaOptions, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object({ detail: Type.String() }, { $id: 'ErrorBody', description: 'Every error answers with a detail naming the problem' });

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

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
