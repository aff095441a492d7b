import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api.ts';

export const CHANNELS_KEY = ['notification-channels'] as const;
export const DELIVERIES_KEY = ['notification-deliveries'] as const;

/** Every channel of the organisation (a handful: the API answers them all at once). */
export function useChannels() {
  return useQuery({
    queryKey: CHANNELS_KEY,
    queryFn: () => unwrap(api.GET('/api/notification-channels')),
  });
}

/** After a change: the channel list, and the delivery log (a test or a delete writes to it). */
export function useRefreshChannels() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: CHANNELS_KEY }),
      client.invalidateQueries({ queryKey: DELIVERIES_KEY }),
    ]);
}
