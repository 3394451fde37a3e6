/**
 * Where the end-to-end suite runs its pieces; all on loopback. E2E_APP_PORT / E2E_SIM_PORT move
 * them, so two runs on one machine do not collide.
 */
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4010);
export const SIM_ORIGIN = `http://127.0.0.1:${SIM_PORT}`;
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4173);
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
