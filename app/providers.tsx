"use client";
// Client providers: React Query (the only client cache) and the live socket that patches it.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { LiveSocketProvider } from "@/lib/browser/api/live-socket";

/** Wraps the app in the query client and the live socket. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 2, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <LiveSocketProvider>{children}</LiveSocketProvider>
    </QueryClientProvider>
  );
}
