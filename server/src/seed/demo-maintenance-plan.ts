// The life of one demo work order, as a real year would have left it: when it
// was reported (weekday mornings and afternoons), how long until a technician
// accepted and finished it (mostly within the priority's targets, a few late),
// how the ward confirmed it, all cut off at the moment the seed runs — so the
// last hours' orders are still open, exactly as the service would show them.
import {
  addSlaMinutes,
  isWorkingDay,
  slaMinutesBetween,
  startOfLocalDay,
  type Clock,
} from '../modules/maintenance/sla-clock.ts';
import { COMMENTS } from './demo-maintenance-data.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// As the SLA job: it runs every 5 minutes, warns 30 minutes ahead, confirms after 3 days.
const JOB_EVERY = 5 * MINUTE;
const WARN_BEFORE = 30 * MINUTE;
const AUTO_CONFIRM = 3 * DAY;

export type Who = { userId: string | null; name: string };

export type Step = {
  action: string;
  from: string | null;
  to: string;
  at: number;
  by: Who;
  note?: string | null;
  data?: unknown;
};

/** SLA arithmetic of one clock: `add` gives an instant, `between` whole SLA minutes. */
export type SlaMath = {
  add(from: number, minutes: number): number;
  between(from: number, to: number): number;
};

/**
 * The same arithmetic as sla-clock.ts, on the working windows of the days
 * from `first` to `last` computed once: 12,000 orders would otherwise spend
 * ten seconds in Intl date formatting. Outside those days it falls back to
 * sla-clock.ts; the test compares both on the seeded orders. Window bounds
 * are the day's start plus the working hours, exact in zones without
 * daylight saving (Asia/Shanghai).
 */
export function slaMath(clock: Clock, first: string, last: string): SlaMath {
  const open: number[] = [];
  const close: number[] = [];
  const minutesOf = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return (h * 60 + m) * MINUTE;
  };
  const { calendar } = clock;
  for (let d = first; d <= last; d = nextDay(d)) {
    if (!isWorkingDay(calendar, d)) continue;
    const start = startOfLocalDay(clock.timeZone, d).getTime();
    const o = start + minutesOf(calendar.workStart);
    const c = start + minutesOf(calendar.workEnd);
    if (c > o) {
      open.push(o);
      close.push(c);
    }
  }
  const lo = open[0] ?? Infinity;
  const hi = close.at(-1) ?? -Infinity;
  // The first window closing after t.
  const firstAfter = (t: number) => {
    let a = 0;
    let b = close.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (close[mid]! > t) b = mid;
      else a = mid + 1;
    }
    return a;
  };
  if (clock.roundTheClock)
    return {
      add: (from, minutes) => from + minutes * MINUTE,
      between: (from, to) => (to <= from ? 0 : Math.floor((to - from) / MINUTE)),
    };
  return {
    add(from, minutes) {
      if (minutes <= 0) return from + minutes * MINUTE;
      let left = minutes * MINUTE;
      for (let i = firstAfter(from); i < open.length && from >= lo - DAY; i++) {
        const o = Math.max(open[i]!, from);
        if (close[i]! - o >= left) return o + left;
        left -= close[i]! - o;
      }
      return addSlaMinutes(clock, new Date(from), minutes).getTime();
    },
    between(from, to) {
      if (to <= from) return 0;
      if (from < lo - DAY || to > hi) return slaMinutesBetween(clock, new Date(from), new Date(to));
      let total = 0;
      for (let i = firstAfter(from); i < open.length && open[i]! < to; i++)
        total += Math.min(close[i]!, to) - Math.max(open[i]!, from);
      return Math.floor(total / MINUTE);
    },
  };
}

const nextDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

export type LifeInput = {
  rand: () => number;
  clock: SlaMath;
  submitted: number;
  targets: { response: number; completion: number };
  work: [number, number];
  requester: Who & { selfService: boolean };
  creator: Who;
  dispatcher: Who;
  technician: Who;
  cancelNote: string | null;
  /** Labour and materials of the completion (already chosen by the caller). */
  completion: { data: unknown };
  now: number;
};

export type Life = {
  steps: Step[];
  status: string;
  at: Record<
    'assigned' | 'accepted' | 'started' | 'completed' | 'confirmed' | 'closed' | 'cancelled',
    number | null
  >;
  responseDue: number;
  completionDue: number;
  responseMinutes: number | null;
  completionMinutes: number | null;
  breaches: { kind: 'response' | 'completion'; due: number; at: number }[];
  warned: { response: boolean; completion: boolean };
  rating: number | null;
  comment: string | null;
};

const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function ratingOf(r: () => number, late: boolean): number {
  const x = r();
  const cut = late ? [0.35, 0.7, 0.9, 0.97] : [0.65, 0.93, 0.98, 0.995];
  return x < cut[0]! ? 5 : x < cut[1]! ? 4 : x < cut[2]! ? 3 : x < cut[3]! ? 2 : 1;
}

/** The order's steps up to `now`, its status and the timestamps and SLA figures they imply. */
export function planLife(p: LifeInput): Life {
  const { rand: r, clock, submitted } = p;
  const responseDue = clock.add(submitted, p.targets.response);
  const completionDue = clock.add(submitted, p.targets.completion);
  const steps: Step[] = [
    { action: 'create', from: null, to: 'submitted', at: submitted, by: p.creator },
  ];
  let accepted: number | null = null;
  let completed: number | null = null;
  let late = false;

  if (p.cancelNote) {
    const at = submitted + Math.min(between(r, 5, 60) * MINUTE, (responseDue - submitted) / 2);
    steps.push({
      action: 'cancel',
      from: 'submitted',
      to: 'cancelled',
      at,
      // Someone without an account withdraws by calling the dispatcher.
      by: p.requester.selfService && r() < 0.7 ? p.requester : p.dispatcher,
      note: p.cancelNote,
    });
  } else {
    // Response: a share of the target, most well inside it; about 1 in 25 late.
    const lateResponse = r() < 0.04;
    const respMin = lateResponse
      ? p.targets.response * between(r, 1.1, 2)
      : Math.max(1, p.targets.response * (0.05 + 0.85 * r() ** 1.7));
    accepted = clock.add(submitted, Math.round(respMin));
    const gap = accepted - submitted;
    const assigned = accepted - Math.min(gap * 0.6, between(r, 1, 20) * MINUTE);
    const started = accepted + between(r, 2, p.targets.response <= 15 ? 10 : 25) * MINUTE;
    completed = started + between(r, p.work[0], p.work[1]) * MINUTE;
    // About 1 in 20 waits for parts or for the room, and finishes late.
    if (r() < 0.05) {
      const lateAt = clock.add(submitted, Math.round(p.targets.completion * between(r, 1.05, 1.6)));
      completed = Math.max(completed, lateAt);
      late = true;
    }
    steps.push(
      {
        action: 'assign',
        from: 'submitted',
        to: 'assigned',
        at: assigned,
        by: p.dispatcher,
        data: { assigneeUserId: p.technician.userId, automatic: false },
      },
      { action: 'accept', from: 'assigned', to: 'accepted', at: accepted, by: p.technician },
      { action: 'start', from: 'accepted', to: 'in_progress', at: started, by: p.technician },
      {
        action: 'complete',
        from: 'in_progress',
        to: 'completed',
        at: completed,
        by: p.technician,
        data: p.completion.data,
      },
    );
    late ||= completed > completionDue || accepted > responseDue;
    // Then the ward: rates it (itself, or through the dispatcher's call-back), or the clock confirms it.
    const rates = p.requester.selfService ? r() < 0.8 : r() < 0.6;
    if (rates) {
      const rating = ratingOf(r, late);
      const comment = rating <= 3 ? r() < 0.9 : r() < 0.35;
      const rater = p.requester.selfService ? p.requester : p.dispatcher;
      let at = completed + between(r, 0.5, p.requester.selfService ? 30 : 48) * HOUR;
      if (r() < 0.1) {
        steps.push({ action: 'confirm', from: 'completed', to: 'confirmed', at, by: rater });
        at += between(r, 0.2, 20) * HOUR;
      }
      const text = comment ? pick(r, COMMENTS[rating]!) : null;
      steps.push({
        action: 'rate',
        from: steps.at(-1)!.to,
        to: 'closed',
        at,
        by: rater,
        note: rater === p.dispatcher ? '电话回访' : null,
        data: { rating, comment: text },
      });
    } else {
      const system = { userId: null, name: '系统' };
      const confirmAt = completed + AUTO_CONFIRM + between(r, 0, 5) * MINUTE;
      steps.push(
        { action: 'auto_confirm', from: 'completed', to: 'confirmed', at: confirmAt, by: system },
        {
          action: 'auto_close',
          from: 'confirmed',
          to: 'closed',
          at: confirmAt + AUTO_CONFIRM + between(r, 0, 5) * MINUTE,
          by: system,
        },
      );
    }
  }

  const done = steps.filter((s) => s.at <= p.now);
  const when = (action: string) => done.find((s) => s.action === action)?.at ?? null;
  const rated = done.find((s) => s.action === 'rate');
  const acceptedAt = when('accept');
  const completedAt = when('complete');
  const endOfWait = (until: number | null) => until ?? when('cancel') ?? Infinity;
  const breaches: Life['breaches'] = [];
  // Late is late whether the SLA job noticed first (within 5 minutes) or the action itself.
  for (const [kind, due, reached] of [
    ['response', responseDue, endOfWait(acceptedAt)],
    ['completion', completionDue, endOfWait(completedAt)],
  ] as const) {
    if (reached <= due) continue;
    const at = Math.min(reached, due + between(r, 0, JOB_EVERY));
    if (at <= p.now) breaches.push({ kind, due, at });
  }
  const warnedBy = (due: number, reached: number) =>
    due - WARN_BEFORE < reached && due - WARN_BEFORE <= p.now;
  const confirmed = when('confirm') ?? when('auto_confirm') ?? when('rate');
  return {
    steps: done,
    status: done.at(-1)!.to,
    at: {
      assigned: when('assign'),
      accepted: acceptedAt,
      started: when('start'),
      completed: completedAt,
      confirmed,
      closed: when('rate') ?? when('auto_close'),
      cancelled: when('cancel'),
    },
    responseDue,
    completionDue,
    responseMinutes: acceptedAt === null ? null : clock.between(submitted, acceptedAt),
    completionMinutes: completedAt === null ? null : clock.between(submitted, completedAt),
    breaches,
    warned: {
      response: warnedBy(responseDue, endOfWait(acceptedAt)),
      completion: warnedBy(completionDue, endOfWait(completedAt)),
    },
    rating: rated ? (rated.data as { rating: number }).rating : null,
    comment: rated ? (rated.data as { comment: string | null }).comment : null,
  };
}

/** Hour-of-day weights: wards report in the morning round and early afternoon; urgent faults come any time. */
export const HOURS = {
  day: [1, 1, 0.5, 0.5, 0.5, 1, 2, 6, 14, 16, 14, 10, 5, 7, 12, 12, 10, 7, 4, 3, 3, 2, 2, 1],
  urgent: [3, 2, 2, 2, 2, 2, 3, 5, 8, 9, 8, 7, 6, 7, 8, 8, 7, 6, 5, 5, 4, 4, 3, 3],
};

/** An index drawn by weight. */
export function weighted(r: () => number, weights: readonly number[], total?: number): number {
  let x = r() * (total ?? weights.reduce((a, b) => a + b, 0));
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
