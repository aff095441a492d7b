export { loansReminderJob, remindOverdueLoans } from './loans-job.ts';
