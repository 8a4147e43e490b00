// Users and roles as /api/v1/users takes and answers them: the create and change bodies, and a listed user.
import { z } from "zod";

/** The roles, least to most privileged. */
export const roleSchema = z.enum(["viewer", "operator", "admin"]);

/** A role. */
export type Role = z.output<typeof roleSchema>;

/** Input rules for a new user (the CLI and the first-start admin use them too). */
export const newUserSchema = z.object({
  email: z.email(),
  role: roleSchema,
  password: z.string().min(8, "password must be at least 8 characters").max(128).optional(),
  name: z.string().min(1).max(100).optional(),
});

/** Body of POST /users. */
export const userCreateSchema = newUserSchema.strict();

/** What the create form sends. */
export type NewUser = z.input<typeof userCreateSchema>;

/** Body of PATCH /users/{id}. */
export const userPatchSchema = z
  .strictObject({ role: roleSchema.exactOptional(), disabled: z.boolean().exactOptional() })
  .refine((p) => p.role !== undefined || p.disabled !== undefined, "give role or disabled");

/** What a role or disabled-flag change sends. */
export type UserPatch = z.input<typeof userPatchSchema>;

/** One user as listed. */
export type UserView = { id: string; email: string; name: string; role: Role; disabled: boolean; created_at: string };

/** The answer of POST /users: `password` only when the server generated it (shown once). */
export type CreatedUser = UserView & { password?: string };
