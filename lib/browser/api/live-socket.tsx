"use client";
// The live channel in the browser: one socket.io connection and its status; per-swarm subscriptions counted so
// several screens can share a room; every server event is coalesced per frame and patched into the React Query
// cache. After a reconnect everything the socket feeds is refetched, and the status says "resyncing" (live figures
// greyed, decisions disabled) until that refetch has completed, so nothing on screen is acted on while stale.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contract/socket";
import { createCoalescer, frameOrTimeout } from "./coalesce";
import { keys } from "./keys";
import { applyLiveMessages, applyLiveTick } from "./live-patches";
import { type LiveStatus, livePaused } from "./live-status";
import type { LiveMessage } from "./types";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type { LiveStatus } from "./live-status";

/** How long to wait before refetching again when the re-sync after a reconnect failed. */
const RESYNC_RETRY_MS = 2_000;

/** Every event the server pushes (docs/contract.md#live-channel plus failure.detected). */
const EVENTS = [
  "metrics.tick",
  "bottleneck.detected",
  "bottleneck.updated",
  "bottleneck.resolved",
  "prediction.created",
  "prediction.updated",
  "failure.detected",
  "healing.started",
  "healing.finished",
  "command.updated",
  "incident.updated",
] as const satisfies readonly (keyof ServerToClientEvents)[];

type Rooms = { acquire(swarm: string): void; release(swarm: string): void };

const Ctx = createContext<{ status: LiveStatus; rooms: Rooms | null }>({ status: "connecting", rooms: null });

/** Opens the socket for the signed-in browser, tracks its status and patches the cache with what it receives. */
export function LiveSocketProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  // Created without connecting (no side effect during render); the effect connects and disconnects it.
  // WebSocket first (one round trip less to the first live figure), long-polling when a proxy refuses it.
  const [socket] = useState<LiveSocket>(() =>
    io({
      path: "/socket.io",
      withCredentials: true,
      autoConnect: false,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.5,
      transports: ["websocket", "polling"],
    }),
  );
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [counts] = useState(() => new Map<string, number>());

  const rooms = useMemo<Rooms>(() => {
    // Once subscribed, the swarm's lists are read again: a change stored between their first read and the
    // subscription would otherwise never reach them (its live message went to a room this browser was not in yet).
    const subscribe = (swarm: string) =>
      socket.emit("subscribe", { swarm }, (ack) => {
        if (!ack.ok) return;
        applyLiveTick(client, ack.snapshot);
        void client.invalidateQueries({ queryKey: keys.swarm(swarm) });
      });
    return {
      acquire(swarm) {
        const n = counts.get(swarm) ?? 0;
        counts.set(swarm, n + 1);
        if (n === 0 && socket.connected) subscribe(swarm);
      },
      release(swarm) {
        const n = (counts.get(swarm) ?? 1) - 1;
        if (n > 0) return void counts.set(swarm, n);
        counts.delete(swarm);
        if (socket.connected) socket.emit("unsubscribe", { swarm });
      },
    };
  }, [socket, client, counts]);

  useEffect(() => {
    const queue = createCoalescer<LiveMessage>((batch) => applyLiveMessages(client, batch), frameOrTimeout());
    let connectedBefore = false;
    // Bumped by every connect and disconnect: a re-sync that finishes after the socket dropped again is ignored.
    let generation = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const resync = (gen: number) => {
      const refetch = { throwOnError: true } as const;
      Promise.all([
        client.invalidateQueries({ queryKey: keys.swarms() }, refetch),
        client.invalidateQueries({ queryKey: keys.everySwarm() }, refetch),
        client.invalidateQueries({ queryKey: keys.demo() }, refetch),
      ]).then(
        () => gen === generation && setStatus("live"),
        () => gen === generation && (retry = setTimeout(() => gen === generation && resync(gen), RESYNC_RETRY_MS)),
      );
    };
    const onConnect = () => {
      const gen = ++generation;
      const first = !connectedBefore;
      for (const swarm of counts.keys())
        socket.emit("subscribe", { swarm }, (ack) => {
          if (!ack.ok) return;
          applyLiveTick(client, ack.snapshot);
          // The first subscription: lists read before it may have missed a change (after a reconnect, resync reads all).
          if (first) void client.invalidateQueries({ queryKey: keys.swarm(swarm) });
        });
      if (connectedBefore) {
        setStatus("resyncing");
        resync(gen);
      } else setStatus("live");
      connectedBefore = true;
    };
    const onDisconnect = () => {
      generation++;
      setStatus("reconnecting");
    };
    const onError = () => setStatus(socket.active ? "reconnecting" : "offline");
    const handlers = EVENTS.map((name) => {
      const fn = (payload: unknown) => queue.push({ name, payload } as LiveMessage);
      socket.on(name, fn);
      return [name, fn] as const;
    });
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onError);
    socket.connect();
    return () => {
      for (const [name, fn] of handlers) socket.off(name, fn);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onError);
      queue.cancel();
      clearTimeout(retry);
      generation++;
      socket.disconnect();
    };
  }, [socket, client, counts]);

  const value = useMemo(() => ({ status, rooms }), [status, rooms]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The live connection status. */
export function useLiveStatus(): LiveStatus {
  return useContext(Ctx).status;
}

/** Whether live figures may be stale and decisions must wait (socket down, or back but not re-synced yet). */
export function useLivePaused(): boolean {
  return livePaused(useContext(Ctx).status);
}

/** Keeps the browser subscribed to the given swarms' rooms (re-subscribed after every reconnect). */
export function useSwarmSubscriptions(swarms: string[]): void {
  const { rooms } = useContext(Ctx);
  const key = swarms.join(",");
  useEffect(() => {
    if (!rooms || !key) return;
    const names = key.split(",");
    names.forEach((s) => rooms.acquire(s));
    return () => names.forEach((s) => rooms.release(s));
  }, [rooms, key]);
}
