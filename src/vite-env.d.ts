interface ImportMetaEnv {
  /** `off` builds the app without demo mode (see src/app/demoWorker.ts). */
  readonly VITE_DEMO?: string;
}
