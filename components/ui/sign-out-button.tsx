"use client";
// Signs out through better-auth and returns to the sign-in page.
import { useState } from "react";

/** The sign-out control; when the server cannot be reached it says so and stays, and a click retries. */
export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  const signOut = async () => {
    const res = await fetch("/api/auth/sign-out", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    if (!res) return setFailed(true);
    // A full navigation drops the client cache and the live socket of the signed-out session.
    window.location.assign(new URL("/sign-in", window.location.origin).href);
  };
  return (
    <button type="button" onClick={() => void signOut()} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-300 dark:hover:bg-slate-800">
      {failed ? "Sign out (server unreachable, retry)" : "Sign out"}
    </button>
  );
}
