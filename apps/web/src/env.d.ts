interface ImportMetaEnv {
  /** Where the API lives; unset means the same origin that served the app. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
