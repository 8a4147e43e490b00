// /api/v1/users — people who sign in (admin; a generated password is returned once).
import { apiRoute, json } from "@/lib/server/features/api-route";
import { userCreateSchema } from "@/lib/server/features/users/user-admin";

export const dynamic = "force-dynamic";

/** Every user with role and disabled flag. */
export const GET = apiRoute({ role: "admin" }, ({ services }) => services.users.list());

/** Creates a user: 201, with `password` when it was generated; 409 when the email is taken. */
export const POST = apiRoute({ role: "admin", body: userCreateSchema }, async ({ services, principal, body }) =>
  json(await services.users.add(principal, body), 201),
);
