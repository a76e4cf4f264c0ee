/** Scheduled pushes: producers, the outbox and its deliverer, reminders and their audiences. */

// The outbox is a store (store/outbox-store.ts); re-exported here for app.ts until the lead rewires it.
export { OutboxStore } from "../store/outbox-store.js";
export { systemClock } from "./clock.js";
export { createPush } from "./push.js";
export { startScheduler } from "./scheduler.js";
