"use client";
// The live channel in the browser: one socket.io connection, its status, per-swarm subscriptions whose
// snapshots and ticks patch the React Query cache; a reconnect that could not recover re-syncs from the API.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/contract";
import { applyTick, swarmKeys } from "./swarms";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connection state shown to the operator. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

const Ctx = createContext<{ socket: LiveSocket | null; status: LiveStatus }>({ socket: null, status: "connecting" });

/** Opens the socket for the signed-in browser and tracks its status. */
export function LiveSocketProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const s: LiveSocket = io({ path: "/socket.io", withCredentials: true, reconnectionDelayMax: 5_000, randomizationFactor: 0.5 });
    s.on("connect", () => {
      setStatus("live");
      if (!s.recovered) void client.invalidateQueries({ queryKey: swarmKeys.list() });
    });
    s.on("disconnect", () => setStatus("reconnecting"));
    s.on("connect_error", () => setStatus(s.active ? "reconnecting" : "offline"));
    s.on("metrics.tick", (tick) => applyTick(client, tick));
    setSocket(s);
    return () => {
      s.close();
    };
  }, [client]);

  const value = useMemo(() => ({ socket, status }), [socket, status]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The live connection status. */
export function useLiveStatus(): LiveStatus {
  return useContext(Ctx).status;
}

/** Keeps the browser subscribed to the given swarms' rooms (re-subscribing after every reconnect). */
export function useSwarmSubscriptions(swarms: string[]): void {
  const { socket } = useContext(Ctx);
  const client = useQueryClient();
  const key = swarms.join(",");
  useEffect(() => {
    if (!socket || !key) return;
    const names = key.split(",");
    const subscribe = () =>
      names.forEach((swarm) =>
        socket.emit("subscribe", { swarm }, (ack) => {
          if (ack.ok) applyTick(client, ack.snapshot);
        }),
      );
    if (socket.connected) subscribe();
    socket.on("connect", subscribe);
    return () => {
      socket.off("connect", subscribe);
      names.forEach((swarm) => socket.emit("unsubscribe", { swarm }));
    };
  }, [socket, key, client]);
}
