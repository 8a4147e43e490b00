"use client";
// Who is signed in, for client components that show or hide controls by role (the API enforces it regardless).
import { createContext, type ReactNode, useContext } from "react";

type Role = "viewer" | "operator" | "admin";

/** The signed-in principal as the browser needs it. */
export type SessionInfo = { label: string; role: Role };

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
const Ctx = createContext<SessionInfo>({ label: "", role: "viewer" });

/** Provides the signed-in principal to the client components below. */
export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <Ctx.Provider value={session}>{children}</Ctx.Provider>;
}

/** True when the signed-in principal holds at least `min`. */
export function useCan(min: Role): boolean {
  return RANK[useContext(Ctx).role] >= RANK[min];
}
