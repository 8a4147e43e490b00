// Settings form parts built on the ui primitives: a labelled field with its hint and inline errors, a number field,
// the save button with saving / saved / error states, and the titled section card.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ApiFetchError } from "@/lib/browser/api/api-fetch";

/** The messages of a 400 answer whose path starts with `prefix`. */
export function fieldErrors(error: unknown, prefix: string): string[] {
  const errors = (error as ApiFetchError | null)?.errors ?? [];
  return errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`)).map((e) => e.message);
}

/** A labelled control with its hint and inline errors (linked with aria-describedby). */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: string[];
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="text-xs text-rose-600 dark:text-rose-400">
          {errors.join("; ")}
        </p>
      )}
    </div>
  );
}

/** A number from a text field; an empty field is sent as null so the server reports it on the field. */
export const numberOrNull = (s: string): number | null => (s.trim() === "" ? null : Number(s));

/** A labelled number input with its hint and the server's errors for it. */
export function NumberField({
  id,
  label,
  hint,
  errors,
  value,
  onChange,
  bounds,
}: {
  id: string;
  label: string;
  hint: string;
  errors: string[];
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  bounds: { min: number; max: number; step: number };
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Input
        id={id}
        type="number"
        inputMode={Number.isInteger(bounds.step) ? "numeric" : "decimal"}
        size="roomy"
        value={value}
        onChange={onChange}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ""}`}
        {...bounds}
      />
    </Field>
  );
}

/** What a save is doing. */
export type SaveState = { isPending: boolean; isSuccess: boolean; error: Error | null };

/** The save button of a section and its status line (announced to screen readers). */
export function SaveBar({
  label = "Save",
  state,
  disabled,
  testId,
}: {
  label?: string;
  state: SaveState;
  disabled?: boolean;
  testId: string;
}) {
  return (
    <div className="flex items-center gap-3" data-testid={testId}>
      <Button type="submit" variant="primary" disabled={disabled || state.isPending}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm" data-testid={`${testId}-status`}>
        {state.isPending ? (
          <span className="text-slate-500 dark:text-slate-400">Saving…</span>
        ) : state.error ? (
          <span className="text-rose-600 dark:text-rose-400">Not saved: {state.error.message}</span>
        ) : state.isSuccess ? (
          <span className="text-emerald-600 dark:text-emerald-400">Saved</span>
        ) : null}
      </span>
    </div>
  );
}

/** A settings section: a titled card. */
export function SectionCard({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid={`section-${id}`}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{description}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
