/**
 * Request bodies that name another organization's rows, derived from a route's body schema in
 * the OpenAPI document: every place an id goes (a field, an array item, a task's or note's
 * `record`, an item of a union such as the bulk actions) gets one body of its own, valid
 * otherwise, so the only thing wrong with it is the foreign id. A route added later is probed
 * without editing this file, unless it names a kind of id this file does not know yet.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
}

/** The kinds of row an id in a body can name. */
export type IdKind = 'company' | 'contact' | 'deal' | 'task' | 'note' | 'tag' | 'pipeline' | 'stage' | 'member' | 'organization';

/** One id of each kind, of one organization. */
export type IdsByKind = Record<IdKind, string>;

export interface BodyProbe {
  /** Where the foreign id sits: `['record', 'id']`, `['ids', '0']`. */
  at: string[];
  body: unknown;
}

const kindOfField: Record<string, IdKind> = {
  companyId: 'company',
  contactId: 'contact',
  dealId: 'deal',
  tagId: 'tag',
  tagIds: 'tag',
  ownerId: 'member',
  assigneeId: 'member',
  userId: 'member',
  pipelineId: 'pipeline',
  stageId: 'stage',
  organizationId: 'organization',
};

const kindOfCollection: Record<string, IdKind> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tasks: 'task',
  notes: 'note',
  tags: 'tag',
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export interface ProbeOptions {
  components: Record<string, JsonSchema>;
  url: string;
  /** The route's example body (`ApiRoute.exampleBody`). */
  example?: unknown;
  ours: IdsByKind;
  theirs: IdsByKind;
}

export function bodyProbes(schema: JsonSchema, options: ProbeOptions): BodyProbe[] {
  const { components, url, ours, theirs } = options;
  const deref = (node: JsonSchema): JsonSchema => (node.$ref ? deref(components[node.$ref.split('/').at(-1)!]!) : node);
  const typeOf = (node: JsonSchema) => (Array.isArray(node.type) ? node.type.find((type) => type !== 'null') : node.type);
  const isRecordRef = (node: JsonSchema) => node.properties?.type?.enum !== undefined && node.properties.id?.format === 'uuid';

  /** Which kind of row the id at `path` names: by its field name, or the collection for bulk `ids`. */
  function kindAt(path: string[]): IdKind {
    const names = path.filter((segment) => !/^\d+$/.test(segment));
    const [parent, field] = [names.at(-2), names.at(-1)!];
    const kind = field === 'ids' ? kindOfCollection[url.split('/')[3]!] : field === 'id' && parent === 'stages' ? 'stage' : kindOfField[field];
    if (!kind) throw new Error(`${url}: no kind of id known for body.${path.join('.')}; add it to test/body-probes.ts`);
    return kind;
  }

  /** A valid value, with our own organization's ids wherever an id goes. */
  function minimal(node: JsonSchema, path: string[]): unknown {
    const resolved = deref(node);
    if (resolved.const !== undefined) return resolved.const;
    if (resolved.enum) return resolved.enum[0];
    const branches = resolved.oneOf ?? resolved.anyOf;
    if (branches) return minimal(branches.find((branch) => typeOf(deref(branch)) !== 'null') ?? branches[0]!, path);
    if (isRecordRef(resolved)) return { type: 'company', id: ours.company };
    switch (typeOf(resolved)) {
      case 'object': {
        // A bulk update must change at least one field: its patch gets the first text field.
        const firstText = Object.keys(resolved.properties ?? {}).find((key) => typeOf(deref(resolved.properties![key]!)) === 'string' && !deref(resolved.properties![key]!).format);
        const keys = resolved.required?.length || path.at(-1) !== 'fields' || !firstText ? (resolved.required ?? []) : [firstText];
        return Object.fromEntries(keys.map((key) => [key, minimal(resolved.properties![key]!, [...path, key])]));
      }
      case 'array':
        return resolved.minItems ? [minimal(resolved.items!, [...path, '0'])] : [];
      case 'string':
        if (resolved.format === 'uuid') return ours[kindAt(path)];
        if (resolved.format === 'email') return 'probe@example.com';
        if (resolved.format === 'date') return '2026-12-31';
        if (resolved.format === 'date-time') return '2099-12-31T00:00:00.000Z';
        return 'Probe'.padEnd(resolved.minLength ?? 1, 'e');
      case 'boolean':
        return false;
      case 'number':
      case 'integer':
        return resolved.minimum ?? 0;
      default:
        return null;
    }
  }

  /** Every value of `node` that carries exactly one of their ids. */
  function probes(node: JsonSchema, path: string[]): BodyProbe[] {
    const resolved = deref(node);
    const branches = resolved.oneOf ?? resolved.anyOf;
    if (branches) return branches.flatMap((branch) => probes(branch, path));
    if (isRecordRef(resolved)) {
      return (resolved.properties!.type!.enum as IdKind[]).map((type) => ({ at: [...path, 'id'], body: { type, id: theirs[type] } }));
    }
    switch (typeOf(resolved)) {
      case 'string':
        return resolved.format === 'uuid' ? [{ at: path, body: theirs[kindAt(path)] }] : [];
      case 'array':
        return probes(resolved.items!, [...path, '0']).map((probe) => ({ at: probe.at, body: [probe.body] }));
      case 'object':
        return Object.entries(resolved.properties ?? {}).flatMap(([key, property]) =>
          probes(property, [...path, key]).map((probe) => ({ at: probe.at, body: { ...(minimal(resolved, path) as object), [key]: probe.body } })),
        );
      default:
        return [];
    }
  }

  // At the top, the route's example makes the rest of the body valid (a contact's name); its
  // placeholder ids are left out, so the probed id is the only one that is not ours.
  const example = Object.fromEntries(Object.entries((options.example ?? {}) as Record<string, unknown>).filter(([, value]) => !UUID.test(JSON.stringify(value))));
  return probes(schema, []).map((probe) =>
    typeOf(deref(schema)) === 'object' && probe.body !== null && typeof probe.body === 'object' ? { ...probe, body: { ...example, ...probe.body } } : probe,
  );
}
