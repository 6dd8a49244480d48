import { Type } from '@sinclair/typebox';

export const Credentials = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Type.String({ minLength: 8, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const RegisteredUser = Type.Object({ user_id: Type.String({ format: 'uuid' }), email: Type.String() });

export const AccessToken = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_at: Type.String({ format: 'date-time' }),
});
