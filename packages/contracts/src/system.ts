import { z } from 'zod';

export const livenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

export const readinessCheckSchema = z.object({
  name: z.string(),
  status: z.enum(['ok', 'failing']),
  detail: z.string().optional(),
});

export const readinessSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.array(readinessCheckSchema),
  })
  .meta({ id: 'Readiness' });

export const serviceHealthSchema = z
  .object({
    service: z.literal('spanner-crm'),
    version: z.string(),
    status: z.literal('ok'),
  })
  .meta({ id: 'ServiceHealth' });

export const apiIndexSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: 'ApiIndex' });

export type Liveness = z.infer<typeof livenessSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;
export type ApiIndex = z.infer<typeof apiIndexSchema>;
