// Root layout: system fonts only (no next/font/google downloads), the theme from its cookie (no flash, no inline
// script), React Query + socket providers.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { parseTheme, THEME_KEY } from "@/lib/browser/view/theme";
import { Providers } from "./providers";
import "./globals.css";

// Every page renders per request: its inline scripts carry the request's CSP nonce (lib/server/platform/content-security-policy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Swarm Medic",
  description: "Live operations dashboard for multi-agent AI systems",
};

/** The HTML shell shared by every page. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_KEY)?.value);
  return (
    <html lang="en" className={theme === "dark" ? "dark" : undefined} data-theme={theme}>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
