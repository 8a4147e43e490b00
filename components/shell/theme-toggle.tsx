"use client";
// Dark / light switch: applies the class at once and persists the choice in localStorage and a cookie (which the
// server layout reads on the next request, so no page ever paints in the wrong theme). The <html> class is the
// single source of truth; the button follows it.
import { useEffect, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { parseTheme, type Theme, THEME_KEY } from "@/lib/browser/view/theme";

function apply(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle("dark", theme === "dark");
  root.dataset.theme = theme;
  document.cookie = `${THEME_KEY}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const current = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** The theme toggle button; `initial` is the theme the server rendered. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const theme = useSyncExternalStore(subscribe, current, () => initial);

  useEffect(() => {
    // A choice kept in localStorage wins over a missing or older cookie (e.g. cookies cleared).
    const stored = window.localStorage.getItem(THEME_KEY);
    if (stored && parseTheme(stored) !== current()) apply(parseTheme(stored));
  }, []);

  const toggle = () => {
    const next: Theme = current() === "dark" ? "light" : "dark";
    window.localStorage.setItem(THEME_KEY, next);
    apply(next);
  };

  return (
    <Button
      variant="ghost"
      size="compact"
      onClick={toggle}
      aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"}
      data-testid="theme-toggle"
      className="text-slate-600 dark:text-slate-300"
    >
      <span aria-hidden>{theme === "dark" ? "☀" : "☾"}</span>
    </Button>
  );
}
