import { z } from 'zod';

/** What loading the sample data created. */
export const sampleDataResultSchema = z
  .object({ companies: z.number().int(), contacts: z.number().int(), deals: z.number().int(), tasks: z.number().int(), notes: z.number().int() })
  .meta({ id: 'SampleDataResult' });

export type SampleDataResult = z.infer<typeof sampleDataResultSchema>;
