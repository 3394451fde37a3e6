/** Where the end-to-end suite runs its pieces; all on loopback. */
export const SIM_PORT = 4010;
export const SIM_ORIGIN = `http://127.0.0.1:${SIM_PORT}`;
export const APP_PORT = 4173;
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
