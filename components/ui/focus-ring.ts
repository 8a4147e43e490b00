// The one keyboard-focus indicator of the dashboard, shared by every control that draws its own.

/** Tailwind classes of the visible focus outline. */
export const focusRing = "focus-visible:outline-2 focus-visible:outline-sky-500";
