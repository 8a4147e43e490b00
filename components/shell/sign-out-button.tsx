"use client";
// Signs out through better-auth and returns to the sign-in page.
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The sign-out control; when the server cannot be reached it says so and stays, and a click retries. */
export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  const signOut = async () => {
    const res = await fetch("/api/auth/sign-out", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    if (!res) return setFailed(true);
    // A full navigation drops the client cache and the live socket of the signed-out session.
    window.location.assign(new URL("/sign-in", window.location.origin).href);
  };
  return (
    <Button variant="ghost" size="compact" onClick={() => void signOut()} className="text-slate-600 dark:text-slate-300">
      {failed ? "Sign out (server unreachable, retry)" : "Sign out"}
    </Button>
  );
}
