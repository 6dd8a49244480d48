import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';

/** Unknown fields are refused by the schemas' additionalProperties: false, so they must not be dropped first. */
const SHARED_OPTIONS = { removeAdditional: false, useDefaults: true } as const;

/**
 * Fastify's validators, one Ajv per kind of request part. Query strings and path parameters are
 * text, so numbers and booleans in them are coerced from strings; a JSON body already says what
 * each value is, and coercing it would take "0.2" for a number, true for 1 and null for 0.
 */
export const validatorsByPart: ValidatorFactory = (externalSchemas) => {
  const fromPool = AjvCompiler();
  const forText = fromPool(externalSchemas, { customOptions: { ...SHARED_OPTIONS, coerceTypes: 'array' } });
  const forJson = fromPool(externalSchemas, { customOptions: { ...SHARED_OPTIONS, coerceTypes: false } });
  return (route) => (route.httpPart === 'body' ? forJson : forText)(route);
};
