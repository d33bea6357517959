import { v7 as uuidv7 } from 'uuid';

/**
 * A realistic, varied sample CRM for one organization: companies with their people, deals across
 * the pipeline, tasks and notes. Deterministic for a given seed, so demos and tests look the same.
 */

const FIRST_NAMES = 'Ada Alan Amara Ana Arjun Beatriz Ben Carlos Chen Chloe Daniel Diego Elena Emma Farah Felix Grace Hana Hugo Ines Isaac Jamal Jana Jonas Julia Kai Karin Lars Layla Leo Lina Luca Maya Mateo Mia Nadia Noah Nora Omar Olivia Paulo Priya Rafael Rosa Sam Sara Sofia Tariq Theo Uma Victor Wei Yara Yusuf Zoe'.split(' ');
const LAST_NAMES = 'Abbott Alvarez Andersen Baker Bianchi Brennan Carter Chen Costa Dubois Eriksen Fischer Garcia Grant Haddad Hansen Hughes Ibrahim Ito Jensen Kaur Keller Kim Kowalski Larsen Lopez Martin Meyer Moreau Murphy Nakamura Nguyen Novak Okafor Olsen Park Patel Quinn Rossi Santos Schmidt Silva Singh Sorensen Tanaka Torres Vargas Walsh Weber Yilmaz Zhang'.split(' ');
const NAME_PARTS = 'Acme Apex Atlas Beacon Birch Blue Bright Cedar Cobalt Crest Delta Ember Falcon Fjord Granite Harbor Helix Horizon Iron Juniper Keystone Lumen Maple Meridian Nimbus North Oak Orbit Pioneer Polar Quartz River Sage Sierra Solstice Summit Terra Tidal Vertex Willow Zenith'.split(' ');
const NAME_SUFFIXES = ['Labs', 'Logistics', 'Health', 'Analytics', 'Foods', 'Energy', 'Software', 'Studios', 'Partners', 'Robotics', 'Outfitters', 'Bank', 'Media', 'Systems', 'Works'];
const INDUSTRIES = ['Software', 'Logistics', 'Healthcare', 'Financial services', 'Retail', 'Manufacturing', 'Energy', 'Media', 'Education', 'Hospitality', 'Construction', 'Agriculture', 'Telecommunications', 'Consulting', 'Real estate'];
const PLACES: [city: string, country: string][] = [
  ['Amsterdam', 'Netherlands'], ['Austin', 'United States'], ['Barcelona', 'Spain'], ['Berlin', 'Germany'], ['Boston', 'United States'], ['Copenhagen', 'Denmark'],
  ['Dublin', 'Ireland'], ['Lisbon', 'Portugal'], ['London', 'United Kingdom'], ['Lyon', 'France'], ['Melbourne', 'Australia'], ['Milan', 'Italy'], ['Montreal', 'Canada'],
  ['Munich', 'Germany'], ['Nairobi', 'Kenya'], ['Oslo', 'Norway'], ['Seoul', 'South Korea'], ['Singapore', 'Singapore'], ['Stockholm', 'Sweden'], ['Toronto', 'Canada'],
];
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
const JOB_TITLES = ['CEO', 'CTO', 'CFO', 'Head of Sales', 'VP Marketing', 'Operations Manager', 'Procurement Lead', 'Engineering Manager', 'Product Manager', 'Account Executive', 'Office Manager', 'Head of People', 'Data Analyst', 'Founder', 'Customer Success Lead'];
const LIFECYCLE = ['subscriber', 'lead', 'lead', 'qualified', 'opportunity', 'customer', 'customer', 'evangelist', 'other'] as const;
const SOURCES = ['website', 'referral', 'event', 'email', 'social', 'advertising', 'partner', 'import', 'other'] as const;
const PRODUCTS = ['Platform licence', 'Annual plan', 'Pilot', 'Expansion', 'Renewal', 'Onboarding package', 'Enterprise tier', 'Support contract'];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP'];
const TASK_TITLES = ['Send the proposal', 'Follow up after the demo', 'Book a call with procurement', 'Prepare the quote', 'Check in on the pilot', 'Share the case study', 'Schedule the kickoff', 'Confirm the budget', 'Send the contract for signature', 'Introduce the support team'];
const NOTE_BODIES = [
  'Call went well. **Budget approved** for Q1; they want a pilot first.',
  'Met at the trade fair. Interested in the analytics module.\n\n- 40 seats\n- needs SSO',
  'Asked for references in their industry. Sent two case studies.',
  'Decision moved to next month: the CFO is travelling.',
  'Renewal looks safe; they asked about the **enterprise tier**.',
  'Demo recording: [watch](https://example.com/demo). Questions on data import.',
  'Champion changed jobs; need a new contact on the buying team.',
  'Procurement wants net-60 terms. Checking with finance.',
];
export const SAMPLE_TAGS = [
  { name: 'VIP', color: 'purple' },
  { name: 'Partner', color: 'blue' },
  { name: 'Churn risk', color: 'red' },
  { name: 'Newsletter', color: 'green' },
  { name: 'Enterprise', color: 'indigo' },
] as const;

export interface SampleSizes {
  companies: number;
  contacts: number;
  deals: number;
  tasks: number;
  notes: number;
}

export const DEMO_SIZES: SampleSizes = { companies: 250, contacts: 600, deals: 180, tasks: 200, notes: 300 };

export interface SampleContext {
  orgId: string;
  memberIds: string[];
  tagIds: string[];
  pipelineId: string;
  stages: { id: string; kind: string }[];
  /** "Today" for due and close dates. */
  now: Date;
}

/** Mulberry32: a tiny, well-distributed PRNG, so a seed gives the same set every time. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (probability: number) => next() < probability;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return { pick, chance, between };
}

const day = 24 * 3600 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function buildSampleSet(context: SampleContext, sizes: SampleSizes, seed = 42) {
  const { pick, chance, between } = random(seed);
  const { orgId, memberIds, tagIds, now } = context;
  const someTags = () => (chance(0.3) ? [...new Set([pick(tagIds), ...(chance(0.3) ? [pick(tagIds)] : [])])] : []);

  const usedNames = new Set<string>();
  const companies = Array.from({ length: sizes.companies }, (_, index) => {
    let name = `${pick(NAME_PARTS)} ${pick(NAME_SUFFIXES)}`;
    if (usedNames.has(name)) name = `${name} ${index}`;
    usedNames.add(name);
    const [city, country] = pick(PLACES);
    return {
      id: uuidv7(),
      orgId,
      name,
      domain: `${slug(name)}.example`,
      industry: pick(INDUSTRIES),
      size: pick(SIZES),
      city,
      country,
      phone: `+1 555 ${String(between(100, 999))} ${String(between(1000, 9999))}`,
      website: `https://${slug(name)}.example`,
      ownerId: pick(memberIds),
      tagIds: someTags(),
    };
  });

  const usedEmails = new Set<string>();
  const links: { id: string; orgId: string; contactId: string; companyId: string; role: string | null; isPrimary: boolean }[] = [];
  const contacts = Array.from({ length: sizes.contacts }, () => {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const company = pick(companies);
    let email = `${slug(firstName)}.${slug(lastName)}@${company.domain}`;
    for (let suffix = 2; usedEmails.has(email); suffix++) email = `${slug(firstName)}.${slug(lastName)}${suffix}@${company.domain}`;
    usedEmails.add(email);
    const jobTitle = pick(JOB_TITLES);
    const contact = {
      id: uuidv7(),
      orgId,
      firstName,
      lastName,
      email,
      phones: chance(0.7) ? [`+1 555 ${String(between(100, 999))} ${String(between(1000, 9999))}`] : [],
      jobTitle,
      ownerId: pick(memberIds),
      lifecycleStage: pick(LIFECYCLE),
      source: pick(SOURCES),
      tagIds: someTags(),
    };
    links.push({ id: uuidv7(), orgId, contactId: contact.id, companyId: company.id, role: jobTitle, isPrimary: true });
    if (chance(0.1)) {
      const advisory = pick(companies);
      if (advisory.id !== company.id) links.push({ id: uuidv7(), orgId, contactId: contact.id, companyId: advisory.id, role: 'Advisor', isPrimary: false });
    }
    return contact;
  });

  const dealContacts: { id: string; orgId: string; dealId: string; contactId: string; role: string | null }[] = [];
  const deals = Array.from({ length: sizes.deals }, () => {
    const link = pick(links);
    const company = companies.find((candidate) => candidate.id === link.companyId)!;
    const stage = pick(context.stages);
    const deal = {
      id: uuidv7(),
      orgId,
      name: `${company.name} — ${pick(PRODUCTS)}`,
      amount: between(5, 400) * 250,
      currency: pick(CURRENCIES),
      pipelineId: context.pipelineId,
      stageId: stage.id,
      expectedCloseDate: isoDate(new Date(now.getTime() + between(-30, 120) * day)),
      ownerId: pick(memberIds),
      companyId: company.id,
      tagIds: someTags(),
    };
    dealContacts.push({ id: uuidv7(), orgId, dealId: deal.id, contactId: link.contactId, role: 'Champion' });
    return deal;
  });

  const recordOf = () => (chance(0.5) ? { recordType: 'deal' as const, recordId: pick(deals).id } : { recordType: 'contact' as const, recordId: pick(contacts).id });
  const tasks = Array.from({ length: sizes.tasks }, () => {
    const done = chance(0.3);
    return {
      id: uuidv7(),
      orgId,
      title: pick(TASK_TITLES),
      status: done ? ('done' as const) : ('open' as const),
      priority: pick(['low', 'normal', 'normal', 'high', 'urgent'] as const),
      dueDate: chance(0.85) ? isoDate(new Date(now.getTime() + between(-10, 30) * day)) : null,
      completedAt: done ? new Date(now.getTime() - between(0, 20) * day) : null,
      assigneeId: pick(memberIds),
      createdBy: pick(memberIds),
      ...recordOf(),
    };
  });

  const notes = Array.from({ length: sizes.notes }, () => ({ id: uuidv7(), orgId, body: pick(NOTE_BODIES), authorId: pick(memberIds), ...recordOf() }));

  return { companies, contacts, links, deals, dealContacts, tasks, notes };
}

export type SampleSet = ReturnType<typeof buildSampleSet>;
