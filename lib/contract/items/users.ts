// Users and roles as GET/POST/PATCH /api/v1/users answer.

/** The roles, least to most privileged. */
export type Role = "viewer" | "operator" | "admin";

/** One user as listed. */
export type UserView = { id: string; email: string; name: string; role: Role; disabled: boolean; created_at: string };

/** The answer of POST /users: `password` only when the server generated it (shown once). */
export type CreatedUser = UserView & { password?: string };
