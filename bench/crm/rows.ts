// The rows of one organization, table by table, as lines of COPY's text format. Tables are
// generated in load order; each remembers what later tables link to (ids, companies of contacts).
import { DEFAULT_STAGES } from '../../apps/server/src/modules/pipelines/pipelines.service.js';
import { createRandom, uuidv7, type Random } from './random.js';
import * as words from './words.js';

/** Records are created over three years up to a fixed day, so every run builds the same data set. */
const END_MS = Date.UTC(2026, 10, 30);
const START_MS = END_MS - 3 * 365 * 86_400_000;
const DAY_MS = 86_400_000;

export interface OrganizationSpec {
  name: string;
  /** The users' email domain: owner@<domain>, member1@<domain>… */
  emailDomain: string;
  rows: { companies: number; contacts: number; deals: number; notes: number; members: number; tags: number };
  seed: number;
}

interface Member {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'member';
}

/** Ids and links that later tables need; filled as the earlier tables are generated. */
export interface Organization {
  spec: OrganizationSpec;
  id: string;
  random: Random;
  members: Member[];
  tagIds: string[];
  /** The default pipeline the server created for the organization, and its stages in DEFAULT_STAGES order. */
  pipelineId: string;
  stageIds: string[];
  companies: { ids: string[]; names: string[]; domains: (string | null)[]; createdMs: Float64Array };
  contacts: { ids: string[]; createdMs: Float64Array; primaryCompany: Int32Array; secondCompany: Int32Array };
  deals: { ids: string[]; createdMs: Float64Array; stage: Uint8Array; stageChangedMs: Float64Array; owner: Int8Array; company: Int32Array };
}

type Value = string | number | boolean | null;

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
function line(values: Value[]): string {
  return `${values.map((value) => (value === null ? '\\N' : typeof value === 'string' ? value.replace(/[\\\t\n\r]/g, (character) => escapes[character]!) : String(value))).join('\t')}\n`;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A PostgreSQL array literal of values that need no escaping beyond the quotes (ids, emails, phone numbers). */
const arrayLiteral = (values: string[]) => `{${values.map((value) => `"${value}"`).join(',')}}`;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The i-th of n records, spread evenly over the three years, in creation order. */
const createdAt = (index: number, count: number, random: Random) => START_MS + Math.floor(((index + random.next()) / count) * (END_MS - START_MS));
/** Edited some time after creation, never after the end. */
const updatedAfter = (ms: number, random: Random) => Math.min(END_MS, ms + Math.floor(random.next() ** 3 * 400 * DAY_MS));

export function planOrganization(spec: OrganizationSpec): Organization {
  const random = createRandom(spec.seed);
  const createdMs = START_MS - 30 * DAY_MS;
  const members: Member[] = [{ id: '', email: `owner@${spec.emailDomain}`, name: `${random.pick(words.firstNames)} ${random.pick(words.lastNames)}`, role: 'owner' }];
  for (let index = 1; index <= spec.rows.members; index++) {
    members.push({ id: '', email: `member${index}@${spec.emailDomain}`, name: `${random.pick(words.firstNames)} ${random.pick(words.lastNames)}`, role: 'member' });
  }
  for (const member of members) member.id = uuidv7(createdMs, random);
  return {
    spec,
    id: uuidv7(createdMs, random),
    random,
    members,
    tagIds: [],
    pipelineId: '',
    stageIds: [],
    companies: { ids: [], names: [], domains: [], createdMs: new Float64Array(0) },
    contacts: { ids: [], createdMs: new Float64Array(0), primaryCompany: new Int32Array(0), secondCompany: new Int32Array(0) },
    deals: { ids: [], createdMs: new Float64Array(0), stage: new Uint8Array(0), stageChangedMs: new Float64Array(0), owner: new Int8Array(0), company: new Int32Array(0) },
  };
}

/** A member as owner or author: mostly someone, sometimes nobody. */
function someMember(org: Organization, noneProbability: number): string | null {
  return org.random.chance(noneProbability) ? null : org.random.pick(org.members).id;
}

function someTags(org: Organization, probability: number): string {
  if (!org.random.chance(probability)) return '{}';
  const count = org.random.chance(0.7) ? 1 : org.random.chance(0.7) ? 2 : 3;
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, org.tagIds.length)) chosen.add(org.tagIds[org.random.skewed(org.tagIds.length, 1.5)]!);
  return arrayLiteral([...chosen]);
}

/** The columns every tagged record ends with: tag_ids, created_at, updated_at, deleted_at (a few are in the trash). */
function taggedRecordEnd(org: Organization, tagProbability: number, createdMs: number, updatedMs: number, trashProbability: number): Value[] {
  return [someTags(org, tagProbability), iso(createdMs), iso(updatedMs), org.random.chance(trashProbability) ? iso(updatedMs) : null];
}

const phoneNumber = (random: Random) => `+${random.pick(['1', '1', '44', '49', '33', '31', '46', '34', '61'])} ${random.int(900) + 100} ${random.int(9_000_000) + 1_000_000}`;

/** Each table: its COPY column list and the rows of one organization. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: (org: Organization, passwordHash: string) => Iterable<string>;
}

export const tables: TableRows[] = [
  {
    table: 'organizations',
    columns: ['id', 'name', 'created_at', 'updated_at'],
    *rows(org) {
      const at = iso(START_MS - 30 * DAY_MS);
      yield line([org.id, org.spec.name, at, at]);
    },
  },
  {
    table: 'users',
    columns: ['id', 'email', 'name', 'password_hash', 'email_verified_at', 'created_at', 'updated_at'],
    *rows(org, passwordHash) {
      const at = iso(START_MS - 30 * DAY_MS);
      for (const member of org.members) yield line([member.id, member.email, member.name, passwordHash, at, at, at]);
    },
  },
  {
    table: 'memberships',
    columns: ['org_id', 'user_id', 'role', 'created_at', 'updated_at'],
    *rows(org) {
      const at = iso(START_MS - 30 * DAY_MS);
      for (const member of org.members) yield line([org.id, member.id, member.role, at, at]);
    },
  },
  {
    table: 'tags',
    columns: ['id', 'org_id', 'name', 'color', 'created_at', 'updated_at'],
    *rows(org) {
      const ms = START_MS - 29 * DAY_MS;
      for (const name of words.tagNames.slice(0, org.spec.rows.tags)) {
        const id = uuidv7(ms, org.random);
        org.tagIds.push(id);
        yield line([id, org.id, name, org.random.pick(['gray', 'red', 'orange', 'amber', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink']), iso(ms), iso(ms)]);
      }
    },
  },
  {
    table: 'companies',
    columns: ['id', 'org_id', 'name', 'domain', 'industry', 'size', 'street', 'city', 'region', 'postal_code', 'country', 'phone', 'website', 'owner_id', 'tag_ids', 'created_at', 'updated_at', 'deleted_at'],
    *rows(org) {
      const { random } = org;
      const count = org.spec.rows.companies;
      const companies = { ids: new Array<string>(count), names: new Array<string>(count), domains: new Array<string | null>(count), createdMs: new Float64Array(count) };
      org.companies = companies;
      const domains = new Set<string>();
      for (let index = 0; index < count; index++) {
        const ms = createdAt(index, count, random);
        const updated = updatedAfter(ms, random);
        const stem = `${random.pick(words.companyPrefixes)} ${random.pick(words.companyNouns)}`;
        const suffix = random.pick(words.companySuffixes);
        const name = suffix ? `${stem} ${suffix}` : stem;
        let domain: string | null = null;
        if (random.chance(0.96)) {
          const tld = random.pick(words.topLevelDomains);
          domain = `${slug(stem)}.${tld}`;
          for (let attempt = 2; domains.has(domain); attempt++) domain = `${slug(stem)}${attempt < 10 ? attempt : random.int(100_000)}.${tld}`;
          domains.add(domain);
        }
        const [city, region, country, postalShape] = random.pick(words.cities);
        const postalCode = postalShape.replace(/[9A]/g, (kind) => (kind === '9' ? String(random.int(10)) : String.fromCharCode(65 + random.int(26))));
        companies.ids[index] = uuidv7(ms, random);
        companies.names[index] = name;
        companies.domains[index] = domain;
        companies.createdMs[index] = ms;
        yield line([
          companies.ids[index]!,
          org.id,
          name,
          domain,
          random.chance(0.9) ? random.pick(words.industries) : null,
          random.chance(0.85) ? random.weighted({ '1-10': 30, '11-50': 30, '51-200': 20, '201-1000': 12, '1001-5000': 6, '5001+': 2 }) : null,
          random.chance(0.8) ? `${random.int(300) + 1} ${random.pick(words.streetNames)} ${random.pick(words.streetKinds)}` : null,
          city,
          region,
          postalCode,
          country,
          random.chance(0.7) ? phoneNumber(random) : null,
          domain && random.chance(0.9) ? `https://www.${domain}` : null,
          someMember(org, 0.1),
          ...taggedRecordEnd(org, 0.3, ms, updated, 0.005),
        ]);
      }
    },
  },
  {
    table: 'contacts',
    columns: ['id', 'org_id', 'first_name', 'last_name', 'email', 'other_emails', 'phones', 'job_title', 'owner_id', 'lifecycle_stage', 'source', 'tag_ids', 'created_at', 'updated_at', 'deleted_at'],
    *rows(org) {
      const { random } = org;
      const count = org.spec.rows.contacts;
      const companyCount = org.companies.ids.length;
      const contacts = { ids: new Array<string>(count), createdMs: new Float64Array(count), primaryCompany: new Int32Array(count).fill(-1), secondCompany: new Int32Array(count).fill(-1) };
      org.contacts = contacts;
      // Emails are unique among the organization's contacts (the server's rule is among live ones: stricter is fine).
      const emails = new Set<string>();
      const uniqueEmail = (local: string, domain: string) => {
        let email = `${local}@${domain}`;
        for (let attempt = 2; emails.has(email); attempt++) email = `${local}${attempt < 10 ? attempt : random.int(100_000)}@${domain}`;
        emails.add(email);
        return email;
      };
      for (let index = 0; index < count; index++) {
        const ms = createdAt(index, count, random);
        const updated = updatedAfter(ms, random);
        const firstName = words.firstNames[random.skewed(words.firstNames.length, 1.6)]!;
        const lastName = words.lastNames[random.skewed(words.lastNames.length, 1.6)]!;
        // Company sizes follow a long tail: a few companies have thousands of contacts, most a handful.
        if (random.chance(0.95)) contacts.primaryCompany[index] = random.skewed(companyCount, 2);
        if (contacts.primaryCompany[index]! >= 0 && random.chance(0.1)) {
          const second = random.skewed(companyCount, 2);
          if (second !== contacts.primaryCompany[index]) contacts.secondCompany[index] = second;
        }
        const company = contacts.primaryCompany[index]!;
        const domain = (company >= 0 ? org.companies.domains[company] : null) ?? random.pick(words.freeMailDomains);
        const local = `${firstName}.${lastName}`.toLowerCase();
        contacts.ids[index] = uuidv7(ms, random);
        contacts.createdMs[index] = ms;
        yield line([
          contacts.ids[index]!,
          org.id,
          firstName,
          lastName,
          random.chance(0.95) ? uniqueEmail(local, domain) : null,
          random.chance(0.08) ? arrayLiteral([uniqueEmail(`${firstName[0]}${lastName}`.toLowerCase(), random.pick(words.freeMailDomains))]) : '{}',
          random.chance(0.7) ? arrayLiteral(random.chance(0.2) ? [phoneNumber(random), phoneNumber(random)] : [phoneNumber(random)]) : '{}',
          random.chance(0.85) ? random.pick(words.jobTitles) : null,
          someMember(org, 0.1),
          random.chance(0.9) ? random.weighted({ subscriber: 20, lead: 35, qualified: 15, opportunity: 10, customer: 15, evangelist: 2, other: 3 }) : null,
          random.chance(0.9) ? random.weighted({ website: 30, referral: 15, event: 10, email: 10, social: 10, advertising: 10, partner: 5, import: 8, other: 2 }) : null,
          ...taggedRecordEnd(org, 0.2, ms, updated, 0.01),
        ]);
      }
    },
  },
  {
    table: 'contact_companies',
    columns: ['id', 'org_id', 'contact_id', 'company_id', 'role', 'is_primary', 'created_at'],
    *rows(org) {
      const { random, contacts, companies } = org;
      for (let index = 0; index < contacts.ids.length; index++) {
        for (const [company, isPrimary] of [
          [contacts.primaryCompany[index]!, true],
          [contacts.secondCompany[index]!, false],
        ] as const) {
          if (company < 0) continue;
          const ms = Math.max(contacts.createdMs[index]!, companies.createdMs[company]!);
          yield line([uuidv7(ms, random), org.id, contacts.ids[index]!, companies.ids[company]!, random.chance(0.5) ? random.pick(words.linkRoles) : null, isPrimary, iso(ms)]);
        }
      }
    },
  },
  {
    table: 'deals',
    columns: [
      'id',
      'org_id',
      'name',
      'amount',
      'currency',
      'pipeline_id',
      'stage_id',
      'status',
      'expected_close_date',
      'closed_at',
      'stage_changed_at',
      'owner_id',
      'company_id',
      'tag_ids',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    *rows(org) {
      const { random, companies } = org;
      const count = org.spec.rows.deals;
      const deals = {
        ids: new Array<string>(count),
        createdMs: new Float64Array(count),
        stage: new Uint8Array(count),
        stageChangedMs: new Float64Array(count),
        owner: new Int8Array(count),
        company: new Int32Array(count).fill(-1),
      };
      org.deals = deals;
      const stageWeights = { 0: 25, 1: 18, 2: 15, 3: 10, 4: 17, 5: 15 } as const;
      for (let index = 0; index < count; index++) {
        const ms = createdAt(index, count, random);
        const company = random.chance(0.92) ? random.skewed(companies.ids.length, 1.5) : -1;
        const stage = Number(random.weighted(stageWeights));
        const { kind } = DEFAULT_STAGES[stage]!;
        // What the server's stage trigger sets on insert: status from the stage, the time it entered it.
        const stageChanged = stage === 0 ? ms : Math.min(END_MS, ms + Math.floor(random.next() * 120 * DAY_MS));
        const updated = Math.max(stageChanged, updatedAfter(ms, random));
        const owner = random.chance(0.05) ? -1 : random.int(org.members.length);
        const product = random.pick(words.dealProducts);
        deals.ids[index] = uuidv7(ms, random);
        deals.createdMs[index] = ms;
        deals.stage[index] = stage;
        deals.stageChangedMs[index] = stageChanged;
        deals.owner[index] = owner;
        deals.company[index] = company;
        yield line([
          deals.ids[index]!,
          org.id,
          company >= 0 ? `${companies.names[company]} – ${product}` : product,
          random.chance(0.97) ? (Math.round(Math.exp(random.between(Math.log(500), Math.log(500_000)))) + random.int(100) / 100).toFixed(2) : null,
          random.weighted({ USD: 60, EUR: 25, GBP: 10, CAD: 2, AUD: 2, CHF: 1 }),
          org.pipelineId,
          org.stageIds[stage]!,
          kind,
          new Date(ms + (15 + random.int(120)) * DAY_MS).toISOString().slice(0, 10),
          kind === 'open' ? null : iso(stageChanged),
          iso(stageChanged),
          owner >= 0 ? org.members[owner]!.id : null,
          company >= 0 ? companies.ids[company]! : null,
          ...taggedRecordEnd(org, 0.25, ms, updated, 0.005),
        ]);
      }
    },
  },
  {
    table: 'deal_stage_history',
    columns: ['id', 'org_id', 'deal_id', 'from_stage_id', 'to_stage_id', 'actor_user_id', 'at'],
    // What the stage trigger records: the first stage at creation, then the move to the current one.
    *rows(org) {
      const { random, deals } = org;
      for (let index = 0; index < deals.ids.length; index++) {
        const actor = deals.owner[index]! >= 0 ? org.members[deals.owner[index]!]!.id : null;
        const first = org.stageIds[0]!;
        yield line([uuidv7(deals.createdMs[index]!, random), org.id, deals.ids[index]!, null, first, actor, iso(deals.createdMs[index]!)]);
        if (deals.stage[index] !== 0) {
          yield line([uuidv7(deals.stageChangedMs[index]!, random), org.id, deals.ids[index]!, first, org.stageIds[deals.stage[index]!]!, actor, iso(deals.stageChangedMs[index]!)]);
        }
      }
    },
  },
  {
    table: 'deal_contacts',
    columns: ['id', 'org_id', 'deal_id', 'contact_id', 'role', 'created_at'],
    *rows(org) {
      const { random, deals, contacts } = org;
      const people = contactsByCompany(org);
      for (let index = 0; index < deals.ids.length; index++) {
        const company = deals.company[index]!;
        const pool = company >= 0 ? people.of(company) : null;
        const wanted = random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3;
        const chosen = new Set<number>();
        for (let attempt = 0; chosen.size < wanted && attempt < wanted * 3; attempt++) {
          chosen.add(pool && pool.length > 0 ? pool[random.int(pool.length)]! : random.int(contacts.ids.length));
        }
        for (const contact of chosen) {
          yield line([uuidv7(deals.createdMs[index]!, random), org.id, deals.ids[index]!, contacts.ids[contact]!, random.chance(0.6) ? random.pick(words.linkRoles) : null, iso(deals.createdMs[index]!)]);
        }
      }
    },
  },
  {
    table: 'notes',
    columns: ['id', 'org_id', 'body', 'author_id', 'record_type', 'record_id', 'created_at', 'updated_at', 'deleted_at'],
    *rows(org) {
      const { random } = org;
      const count = org.spec.rows.notes;
      const kinds = { contact: org.contacts.ids, company: org.companies.ids, deal: org.deals.ids };
      for (let index = 0; index < count; index++) {
        const ms = createdAt(index, count, random);
        const recordType = random.weighted({ contact: 60, company: 20, deal: 20 });
        const ids = kinds[recordType];
        // Records are created in time order too: a note is about a record that existed by then.
        const existing = Math.max(1, Math.floor(((ms - START_MS) / (END_MS - START_MS)) * ids.length));
        const followUps = Array.from({ length: 1 + random.int(3) }, () => `- ${random.pick(words.noteActions)}`).join('\n');
        const body = `**${random.pick(words.noteOpenings)} ${random.pick(words.firstNames)}** about ${random.pick(words.noteTopics)}.\n\nNext steps:\n${followUps}`;
        const updated = updatedAfter(ms, random);
        yield line([uuidv7(ms, random), org.id, body, someMember(org, 0.05), recordType, ids[random.int(existing)]!, iso(ms), iso(updated), random.chance(0.01) ? iso(updated) : null]);
      }
    },
  },
];

/** The contacts whose primary company is each company (a compressed adjacency list). */
function contactsByCompany(org: Organization): { of: (company: number) => Int32Array } {
  const { primaryCompany } = org.contacts;
  const offsets = new Int32Array(org.companies.ids.length + 1);
  for (const company of primaryCompany) if (company >= 0) offsets[company + 1]!++;
  for (let company = 0; company < org.companies.ids.length; company++) offsets[company + 1]! += offsets[company]!;
  const members = new Int32Array(offsets[org.companies.ids.length]!);
  const filled = offsets.slice(0, -1);
  primaryCompany.forEach((company, contact) => {
    if (company >= 0) members[filled[company]!++] = contact;
  });
  return { of: (company) => members.subarray(offsets[company]!, offsets[company + 1]!) };
}
