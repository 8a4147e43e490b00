"use client";
// Email + password form posting to better-auth; shows the error it returns.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The sign-in form; on success goes to `next`. */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    if (res?.ok) {
      // A full navigation so the server components and the socket start with the new session.
      window.location.assign(new URL(next, window.location.origin).href);
      return;
    }
    const body = (await res?.json().catch(() => null)) as { message?: string } | null;
    setError(res ? (body?.message ?? "Sign-in failed.") : "The server cannot be reached.");
    setBusy(false);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-6 space-y-4">
      <label className="block text-sm font-medium">
        Email
        <Input surface="clear" size="lg" name="email" type="email" autoComplete="username" required className="mt-1 w-full" />
      </label>
      <label className="block text-sm font-medium">
        Password
        <Input surface="clear" size="lg" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full" />
      </label>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      <Button variant="primary" size="lg" type="submit" disabled={busy} className="w-full">
        {busy ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
