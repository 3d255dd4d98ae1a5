// The child side of the bench's IPC: announce the port, answer RSS requests (fallback for systems
// without /proc) and leave when the parent says so or goes away.
export type ChildMessage = { type: "ready"; port: number } | { type: "rss"; rss: number } | { type: "ack" };

export function send(message: ChildMessage): void {
  process.send?.(message);
}

export function onParentMessage(handler: (message: any) => void | Promise<void>): void {
  process.on("message", (message: any) => {
    if (message?.type === "rss") send({ type: "rss", rss: process.memoryUsage().rss });
    else if (message?.type === "exit") process.exit(0);
    else void Promise.resolve(handler(message)).then(() => send({ type: "ack" }));
  });
  // Never outlive the bench.
  process.on("disconnect", () => process.exit(0));
}
