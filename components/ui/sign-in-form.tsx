"use client";
// Email + password form posting to better-auth; shows the error it returns.
import { type FormEvent, useState } from "react";

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

  const input = "mt-1 w-full rounded-md border border-slate-300 bg-transparent px-3 py-2 text-sm focus:outline-2 focus:outline-sky-500 dark:border-slate-700";
  return (
    <form onSubmit={(e) => void submit(e)} className="mt-6 space-y-4">
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className={input} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={input} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-sky-600 px-3 py-2 text-sm font-medium text-white hover:bg-sky-500 disabled:opacity-60">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
