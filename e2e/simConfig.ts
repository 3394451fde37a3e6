/**
 * Where the end-to-end suite runs its pieces; all on loopback. E2E_APP_PORT / E2E_SIM_PORT move
 * them, so two runs on one machine do not collide.
 */
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4010);
export const SIM_ORIGIN = `http://127.0.0.1:${SIM_PORT}`;
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4173);
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
/** Vite's dev server, for e2e/dev-server.spec.ts (the `dev-server` project); E2E_DEV_PORT moves it. */
export const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5174);
export const DEV_ORIGIN = `http://127.0.0.1:${DEV_PORT}`;
