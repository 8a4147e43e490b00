// The button primitive: a variant (what the action means) and a size, with the shared focus ring; anything else a
// native button takes passes through.
import type { ButtonHTMLAttributes } from "react";
import { focusRing } from "./focus-ring";

const VARIANTS = {
  /** Filled sky: the main action of a form. */
  primary: "bg-sky-600 font-medium text-white hover:bg-sky-500 focus-visible:outline-offset-2 disabled:opacity-50",
  /** Bordered: actions beside a primary one, row actions. */
  secondary: "border border-slate-300 hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800",
  /** Filled rose: destructive actions and retries of what failed. */
  danger: "bg-rose-600 font-medium text-white hover:bg-rose-500 focus-visible:outline-offset-2 disabled:opacity-50",
  /** Filled emerald: approving a decision. */
  approve: "bg-emerald-600 font-medium text-white hover:bg-emerald-500 disabled:opacity-60",
  /** Rose outline: rejecting a decision. */
  reject:
    "border border-rose-300 font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-60 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950/40",
  /** Filled violet: the demo's fault injection. */
  demo: "bg-violet-600 font-medium text-white hover:bg-violet-500 disabled:opacity-60",
  /** No border or fill until hovered: toolbar and pager buttons. */
  ghost: "hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800",
} as const;

const SIZES = {
  xs: "px-2.5 py-1 text-xs",
  sm: "px-2.5 py-1 text-sm",
  md: "px-3 py-1.5 text-sm",
  lg: "px-3 py-2 text-sm",
  /** Wide: a lone button under a list ("Load more"). */
  wide: "px-4 py-1.5 text-sm",
  /** As tall as a select beside it in a filter bar. */
  field: "px-2 py-1.5 text-sm",
  /** Tight, in the surrounding text size: header and pager controls. */
  compact: "px-2 py-1",
} as const;

/** What a button looks like. */
export type ButtonVariant = keyof typeof VARIANTS;

/** A native button (type "button" unless told) in one of the dashboard's looks. */
export function Button({
  variant,
  size = "md",
  type = "button",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant: ButtonVariant; size?: keyof typeof SIZES }) {
  return (
    <button
      type={type}
      className={`rounded-md disabled:cursor-not-allowed ${focusRing} ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...props}
    />
  );
}
