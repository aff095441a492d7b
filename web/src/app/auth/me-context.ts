import { createContext, useContext } from 'react';
import type { Me } from '../api-models.ts';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only inside the pages behind `RequireAuth`. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside RequireAuth');
  return me;
}
