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
  // Created without connecting (no side effect during render); the effect connects and disconnects it.
  const [socket] = useState<LiveSocket>(() => io({ path: "/socket.io", withCredentials: true, autoConnect: false, reconnectionDelayMax: 5_000, randomizationFactor: 0.5 }));
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    const onConnect = () => {
      setStatus("live");
      if (!socket.recovered) void client.invalidateQueries({ queryKey: swarmKeys.list() });
    };
    const onDisconnect = () => setStatus("reconnecting");
    const onError = () => setStatus(socket.active ? "reconnecting" : "offline");
    const onTick = (tick: Parameters<ServerToClientEvents["metrics.tick"]>[0]) => applyTick(client, tick);
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onError);
    socket.on("metrics.tick", onTick);
    socket.connect();
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onError);
      socket.off("metrics.tick", onTick);
      socket.disconnect();
    };
  }, [socket, client]);

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
