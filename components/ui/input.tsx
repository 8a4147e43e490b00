// Form control primitives: text input, select and textarea share one frame (border, radius, text size, focus ring),
// a surface (what they sit on) and a padding; anything else the native element takes passes through.
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { focusRing } from "./focus-ring";

const SURFACES = {
  /** White / near-black with explicit text colours: forms and filter bars. */
  field: "bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100",
  /** The card's own colour: controls on a panel or in the header. */
  card: "bg-white dark:bg-slate-900",
  /** Transparent: controls in dialogs and small forms. */
  clear: "bg-transparent",
} as const;

const SIZES = { sm: "px-2 py-1", md: "px-2 py-1.5", roomy: "px-2.5 py-1.5", lg: "px-3 py-2" } as const;

/** The look of a control. */
export type ControlLook = {
  surface?: keyof typeof SURFACES | undefined;
  size?: keyof typeof SIZES | undefined;
  className?: string | undefined;
};

/** The classes of a control with that look. */
export function controlClass({ surface = "field", size = "md", className = "" }: ControlLook): string {
  return `rounded-md border border-slate-300 text-sm disabled:opacity-60 dark:border-slate-700 ${focusRing} ${SURFACES[surface]} ${SIZES[size]} ${className}`;
}

/** A text (or number, date…) input. */
export function Input({ surface, size, className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & ControlLook) {
  return <input className={controlClass({ surface, size, className })} {...props} />;
}

/** A native select. */
export function Select({ surface, size, className, ...props }: Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & ControlLook) {
  return <select className={controlClass({ surface, size, className })} {...props} />;
}

/** A multi-line text input. */
export function TextArea({ surface, size, className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & ControlLook) {
  return <textarea className={controlClass({ surface, size, className })} {...props} />;
}
