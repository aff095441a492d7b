import { useTexts } from '../../../app/texts.ts';
import { formatMinutes } from './duration.ts';
import { texts } from './texts.ts';

/**
 * Minutes as people read them, in the current language: 570 → "9 小时 30 分钟".
 * `roundTheClock` false (working time): no days, see formatMinutes.
 */
export function useDurationText(): (minutes: number, roundTheClock?: boolean) => string {
  const t = useTexts(texts);
  return (minutes, roundTheClock = true) => formatMinutes(minutes, t.duration.words, roundTheClock);
}
