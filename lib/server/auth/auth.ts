// better-auth (email + password sessions) on our Prisma models; users carry a role and a disabled flag.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "../db/prisma";

/** Options for creating the auth instance. */
export type AuthOptions = { db: Db; secret: string; baseURL: string; trustedOrigins: string[] };

/** Creates the better-auth instance (sign-up over HTTP is off: users come from the CLI or an admin). */
export function createAuth({ db, secret, baseURL, trustedOrigins }: AuthOptions) {
  return betterAuth({
    appName: "Swarm Medic",
    database: prismaAdapter(db, { provider: "postgresql" }),
    secret,
    baseURL,
    basePath: "/api/auth",
    trustedOrigins,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      cookiePrefix: "swarm-medic",
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    telemetry: { enabled: false },
  });
}

/** The auth instance type. */
export type Auth = ReturnType<typeof createAuth>;
