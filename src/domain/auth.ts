/**
 * The rules of staff accounts, pure so tests reach them without a server: the password policy (R02,
 * ./password-policy.ts), session lifetimes (R08, ./session-lifetime.ts) and the route × role table (R11,
 * ./admin-routes.ts). The sign-in throttle (R03) is login-throttle.ts. Their names are exported here too.
 */
export * from './admin-routes.ts';
export * from './password-policy.ts';
export * from './session-lifetime.ts';
