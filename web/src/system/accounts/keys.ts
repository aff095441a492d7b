/** Query keys of the account area; invalidating a prefix refreshes everything below it. */
export const USERS_KEY = ['users'] as const;
export const ROLES_KEY = ['roles'] as const;
export const PERMISSIONS_KEY = ['permissions'] as const;
export const tokensKey = (userId: string) => [...USERS_KEY, 'tokens', userId] as const;
