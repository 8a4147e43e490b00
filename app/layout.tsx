// Root layout: system fonts only (no next/font/google downloads), dark by default, React Query + socket providers.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

// Every page renders per request: its inline scripts carry the request's CSP nonce (lib/server/content-security-policy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Swarm Medic",
  description: "Live operations dashboard for multi-agent AI systems",
};

/** The HTML shell shared by every page. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="dark">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
