// Sign-in page (email + password through better-auth).
import { SignInForm } from "@/components/auth/sign-in-form";

/** The sign-in screen. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="flex items-center gap-2 text-xl font-semibold">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-emerald-500" />
          Swarm Medic
        </h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Sign in to the operations dashboard.</p>
        <SignInForm next={target} />
      </div>
    </main>
  );
}
