// What the rest of Houqin uses to notify people. Modules call `notify` inside
// the transaction of the change they report; the scheduler sends the queue.
export { notify, type NotifyInput, type NotifyResult } from './notify.ts';
export { deliverPending, type DeliverySummary } from './deliver.ts';
