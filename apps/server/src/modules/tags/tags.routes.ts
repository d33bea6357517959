import { createTagRequestSchema, staleTagSchema, tagListQuerySchema, tagListSchema, tagSchema, updateTagRequestSchema } from '@spanner/contracts';
import { recordRoutes } from '../records/records.routes.js';
import type { TagsService } from './tags.service.js';

/** The organization's tags: names with a colour, attached to companies, contacts and deals. */
export function tagsRoutes(service: TagsService) {
  return recordRoutes({
    collection: 'tags',
    noun: 'tag',
    service,
    schemas: {
      record: tagSchema,
      list: tagListSchema,
      listQuery: tagListQuerySchema,
      create: createTagRequestSchema,
      update: updateTagRequestSchema,
      stale: staleTagSchema,
    },
  });
}
