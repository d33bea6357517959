import packageJson from '../package.json' with { type: 'json' };

export const SERVICE_NAME = 'spanner-crm' as const;
export const VERSION: string = packageJson.version;
