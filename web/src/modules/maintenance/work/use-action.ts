import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTexts } from '../../../app/texts.ts';
import { takeAction, workOrderKeys, type Action, type ActionBody } from './model.ts';
import { workTexts } from './texts.ts';

type Vars = { id: string; action: Action; body: ActionBody<Action> };

/**
 * Takes an action on a work order: a success message and the fresh order in
 * the cache; when the server refuses (409 state changed, 403 not yours) its
 * sentence is shown and the order reloaded, so the buttons match again.
 * `onGone`: the order is no longer the caller's to see (handed back).
 */
export function useWorkOrderAction(onGone?: () => void) {
  const tx = useTexts(workTexts);
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: Vars) => takeAction(id, action, body),
    onSuccess: (detail, { id, action }) => {
      void message.success(tx.done[action]);
      if (detail) client.setQueryData(workOrderKeys.one(id), detail);
      else onGone?.();
      void client.invalidateQueries({ queryKey: workOrderKeys.all });
    },
    onError: (err, { id }) => {
      void message.error(err.message);
      void client.invalidateQueries({ queryKey: workOrderKeys.one(id) });
    },
  });
}
