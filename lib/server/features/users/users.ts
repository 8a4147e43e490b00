// Creating users with a password hashed by better-auth (the CLI and the first-start admin use this).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Role } from "../../../generated/prisma/enums";
import type { Auth } from "../../auth/auth";
import { newUserSchema } from "../../../contract/items/users";

/** Creates a user with a credential account; generates a password when none is given and returns it. */
export async function createUser(
  auth: Auth,
  input: z.input<typeof newUserSchema>,
): Promise<{ id: string; email: string; role: Role; password: string }> {
  const data = newUserSchema.parse(input);
  const ctx = await auth.$context;
  const email = data.email.toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) throw new Error(`A user with email ${email} already exists`);
  const password = data.password ?? randomBytes(12).toString("base64url");
  const user = await ctx.internalAdapter.createUser(
    { email, name: data.name ?? email.split("@")[0]!, role: data.role, emailVerified: true },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    providerId: "credential",
    accountId: user.id,
    userId: user.id,
    password: await ctx.password.hash(password),
  });
  return { id: user.id, email, role: data.role, password };
}
