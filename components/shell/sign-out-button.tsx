"use client";
// Signs out through better-auth and returns to the sign-in page.
import { Button } from "@/components/ui/button";

/** The sign-out control. */
export function SignOutButton() {
  const signOut = async () => {
    await fetch("/api/auth/sign-out", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: "{}" });
    // A full navigation drops the client cache and the live socket of the signed-out session.
    window.location.assign(new URL("/sign-in", window.location.origin).href);
  };
  return (
    <Button variant="ghost" size="compact" onClick={signOut} className="text-slate-600 dark:text-slate-300">
      Sign out
    </Button>
  );
}
