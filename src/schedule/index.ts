/** Scheduled pushes: producers, the outbox and its deliverer, reminders and their audiences. */

// The outbox is a store (store/outbox-store.ts); re-exported here for app.ts until the lead rewires it.
export { type ClaimedPush, type NewPush, type OutboxKind, OutboxStore } from "../store/outbox-store.js";
export { type Audience, AudienceError, parseAudience, selectAudience, validateAudience } from "./audience.js";
export { type Clock, systemClock } from "./clock.js";
export {
  createDeliverer,
  DELIVERER_DEFAULTS,
  type Deliverer,
  type DelivererOptions,
  type DeliveryReport,
  type PushFn,
} from "./deliverer.js";
export { createPush, PushFailedError } from "./push.js";
export {
  addReminder,
  listReminders,
  type NewReminder,
  ReminderError,
  removeReminder,
  validateCron,
} from "./reminders.js";
export { type Scheduler, type SchedulerOptions, type Slot, startScheduler } from "./scheduler.js";
