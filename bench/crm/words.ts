// Small word lists for the generator: enough variety that names, emails and domains look like a
// real CRM's and sort and search like one, without a data library.

export const firstNames = `
Aaliyah Aaron Abigail Ada Adam Adrian Aiden Aisha Alan Albert Alejandro Alex Alexander Alexandra Alice Alicia Amanda Amara Amelia Amir Amy Ana
Andrea Andrew Angela Anita Ann Anna Anthony Antonio Arjun Ashley Astrid Aurora Ava Barbara Beatriz Ben Benjamin Bianca Bob Brandon Brian Bruno
Camila Carl Carla Carlos Carmen Caroline Catherine Charles Charlotte Chen Chloe Chris Christian Christina Claire Clara Daniel Daniela David
Deborah Diana Diego Dmitri Dolores Dominic Dorothy Dylan Edward Elena Eli Elif Elijah Elizabeth Ella Emil Emily Emma Eric Erik Ethan Eva Fatima
Felix Fernando Fiona Florian Francesca Frank Freya Gabriel Gabriela George Georgia Grace Greta Hana Hannah Harper Harry Hassan Helen Henry Hugo
Ian Ibrahim Ines Ingrid Isaac Isabel Isabella Ivan Jack Jacob James Jamie Jan Jane Jasmine Jason Javier Jennifer Jessica Joao Joe John Jonas
Jordan Jose Joseph Joshua Julia Julian Juliette Kai Karen Karim Kate Katherine Kenji Kevin Kim Klaus Laila Lars Laura Lauren Layla Leah Leila
Leo Leon Liam Lily Linda Lisa Lucas Lucia Luis Luka Maja Malik Marco Margaret Maria Mariam Mark Marta Martin Mary Mateo Matthew Maya Mei Mia
Michael Michelle Miguel Mila Mohammed Nadia Naomi Natalia Nathan Nicholas Nicole Nina Noah Nora Oliver Olivia Omar Oscar Pablo Patricia Paul
Pedro Peter Philip Priya Rachel Rafael Rahul Raj Rebecca Ricardo Richard Robert Rosa Ryan Sakura Samuel Sara Sarah Sebastian Sergio Sofia
Sophie Stefan Stephanie Steven Susan Thomas Tim Tomas Valentina Victor Victoria Vikram Wei William Xavier Yara Yusuf Zara Zoe
`
  .split(/\s+/)
  .filter(Boolean);

export const lastNames = `
Abbott Abe Acosta Adams Ahmed Alexander Ali Allen Alvarez Andersen Anderson Andrews Armstrong Arnold Austin Bailey Baker Banerjee Barnes
Bauer Becker Bell Bennett Berg Berger Bishop Black Blake Boyd Bradley Brandt Brooks Brown Bryant Burke Burns Butler Campbell Carlsson Carter
Castillo Castro Chan Chang Chavez Chen Clark Cohen Cole Coleman Collins Cook Cooper Costa Cox Crawford Cruz Cunningham Dahl Daniels Das Davies
Davis Dean Delgado Diaz Dixon Dubois Duncan Dunn Eriksson Evans Fernandes Fernandez Ferrari Ferreira Fischer Fisher Fleming Flores Ford Foster
Fox Francis Fraser Friedrich Fuchs Garcia Gardner Garza Gibson Gomez Gonzalez Gordon Graham Grant Gray Green Greene Griffin Gunawardena Gupta
Gustafsson Hahn Hall Hamilton Hansen Harper Harris Hart Hayes Henderson Hernandez Herrera Hill Hoffmann Holmes Howard Hughes Hunt Hussain
Ibrahim Ito Jackson Jacobs James Jansen Jensen Jimenez Johansson Johnson Jones Jordan Kaur Keller Kelly Kennedy Khan Kim King Klein Knight
Koch Kowalski Kramer Kumar Lambert Lane Larsen Larsson Lawrence Lee Lehmann Lewis Lindberg Lindqvist Little Lopez Lorenz Lund Lopes Martin
Martinez Mason Matthews Mayer Medina Mehta Mendoza Meyer Miller Mills Mitchell Moller Montgomery Moore Morales Moreau Moreno Morgan Morris
Muller Murphy Murray Nakamura Nakano Navarro Nelson Neumann Nguyen Nielsen Nilsson Novak Obrien Oconnor Okafor Oliveira Olsen Olson Ortiz
Owens Palmer Park Parker Patel Pearson Perez Perry Peters Petersen Peterson Phillips Pierce Popescu Porter Powell Price Quinn Ramirez Ramos
Reed Reyes Reynolds Richards Richardson Richter Rivera Roberts Robertson Robinson Rodriguez Rogers Romero Rose Ross Rossi Russell Ryan
Saito Sanchez Sanders Santos Sato Schmidt Schneider Scholz Schulz Schwarz Scott Shah Sharma Shaw Silva Simmons Simpson Singh Smith Snyder
Sorensen Souza Spencer Stewart Stone Sullivan Suzuki Svensson Takahashi Tanaka Taylor Thomas Thompson Torres Tran Tucker Turner Vargas
Vasquez Vogel Wagner Walker Wallace Walsh Wang Ward Warren Watanabe Watson Weber Webb Wells West White Williams Wilson Wolf Wong Wood
Wright Wu Yamamoto Yang Young Zhang Zhao Zimmermann
`
  .split(/\s+/)
  .filter(Boolean);

export const companyPrefixes = `
Acme Alpine Amber Apex Arbor Argo Atlas Aurora Azure Beacon Birch Blue Bold Bright Brook Cardinal Cedar Summit Cobalt Copper Coral Crest
Crystal Cypress Delta Eagle East Echo Ember Everest Falcon Fern Flint Forge Fox Frontier Galaxy Garnet Gold Granite Green Harbor Hawk Helix
Horizon Indigo Iron Ivory Jade Juniper Keystone Lake Laurel Lime Linden Lotus Lumen Maple Marble Meadow Meridian Metro Mint Mosaic Nimbus
North Nova Oak Ocean Onyx Orbit Orchid Pacific Peak Pine Pioneer Pixel Polar Prime Quartz Quantum Radiant Raven Red Ridge River Rock Sage
Salt Sapphire Sierra Silver Sky Solar Spark Spruce Star Stone Storm Sun Swift Terra Tidal Timber Titan True Union Urban Valley Vector Velvet
Vertex Violet Vista West Willow Wind Wolf Zenith
`
  .split(/\s+/)
  .filter(Boolean);

export const companyNouns = `
Analytics Anchor Apps Bakery Bank Bay Bio Brands Bridge Builders Capital Cargo Cloud Coffee Collective Commerce Consulting Craft Data
Design Devices Digital Dynamics Energy Engineering Foods Freight Games Gardens Goods Grid Health Holdings Homes Industries Insights Interactive
Labs Learning Legal Life Logic Logistics Machines Marine Media Medical Metals Mills Mobility Motors Networks Optics Outdoors Partners Pay
Pharma Power Print Products Realty Research Resources Retail Robotics Security Semiconductors Software Solutions Sports Studio Supply
Systems Technologies Telecom Textiles Therapeutics Tools Trading Travel Ventures Vision Wear Works
`
  .split(/\s+/)
  .filter(Boolean);

export const companySuffixes = ['', '', '', '', 'Inc', 'Ltd', 'GmbH', 'LLC', 'Group', 'Co', 'AG', 'SA', 'BV', 'AB', 'Oy'];
export const topLevelDomains = ['com', 'com', 'com', 'io', 'co', 'net', 'de', 'fr', 'co.uk', 'nl', 'se', 'es', 'it', 'ca', 'com.au', 'dev', 'ai'];
export const freeMailDomains = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'gmx.de', 'hotmail.com', 'fastmail.com'];

export const industries = [
  'Software',
  'Retail',
  'Manufacturing',
  'Healthcare',
  'Financial services',
  'Education',
  'Logistics',
  'Media',
  'Construction',
  'Hospitality',
  'Energy',
  'Telecommunications',
  'Real estate',
  'Agriculture',
  'Automotive',
  'Consulting',
  'Legal',
  'Nonprofit',
  'Pharmaceuticals',
  'Government',
];

/** City, region, country code and the shape of its postal codes (9 → a digit, A → a letter). */
export const cities: [string, string, string, string][] = [
  ['New York', 'NY', 'US', '100 99'],
  ['San Francisco', 'CA', 'US', '941 99'],
  ['Austin', 'TX', 'US', '787 99'],
  ['Chicago', 'IL', 'US', '606 99'],
  ['Seattle', 'WA', 'US', '981 99'],
  ['Boston', 'MA', 'US', '021 99'],
  ['Denver', 'CO', 'US', '802 99'],
  ['Atlanta', 'GA', 'US', '303 99'],
  ['Toronto', 'ON', 'CA', 'M5V 9A9'],
  ['Vancouver', 'BC', 'CA', 'V6B 9A9'],
  ['London', 'England', 'GB', 'EC1A 9AA'],
  ['Manchester', 'England', 'GB', 'M1 9AA'],
  ['Edinburgh', 'Scotland', 'GB', 'EH1 9AA'],
  ['Dublin', 'Leinster', 'IE', 'D02 A999'],
  ['Paris', 'Île-de-France', 'FR', '750 99'],
  ['Lyon', 'Auvergne-Rhône-Alpes', 'FR', '690 99'],
  ['Berlin', 'Berlin', 'DE', '101 99'],
  ['Munich', 'Bavaria', 'DE', '803 99'],
  ['Hamburg', 'Hamburg', 'DE', '203 99'],
  ['Amsterdam', 'North Holland', 'NL', '10 99 AA'],
  ['Rotterdam', 'South Holland', 'NL', '30 99 AA'],
  ['Brussels', 'Brussels', 'BE', '10 99'],
  ['Zurich', 'Zurich', 'CH', '80 99'],
  ['Vienna', 'Vienna', 'AT', '10 99'],
  ['Madrid', 'Madrid', 'ES', '280 99'],
  ['Barcelona', 'Catalonia', 'ES', '080 99'],
  ['Lisbon', 'Lisbon', 'PT', '1000-999'],
  ['Milan', 'Lombardy', 'IT', '201 99'],
  ['Rome', 'Lazio', 'IT', '001 99'],
  ['Stockholm', 'Stockholm', 'SE', '111 99'],
  ['Copenhagen', 'Capital Region', 'DK', '1 999'],
  ['Oslo', 'Oslo', 'NO', '0 999'],
  ['Helsinki', 'Uusimaa', 'FI', '001 99'],
  ['Warsaw', 'Masovia', 'PL', '00-999'],
  ['Prague', 'Prague', 'CZ', '110 99'],
  ['Tokyo', 'Tokyo', 'JP', '100-9999'],
  ['Singapore', 'Singapore', 'SG', '01 9999'],
  ['Sydney', 'NSW', 'AU', '2 999'],
  ['Melbourne', 'VIC', 'AU', '3 999'],
  ['São Paulo', 'SP', 'BR', '01999-999'],
  ['Mexico City', 'CDMX', 'MX', '06 999'],
  ['Bangalore', 'Karnataka', 'IN', '560 099'],
  ['Cape Town', 'Western Cape', 'ZA', '8 999'],
  ['Tel Aviv', 'Tel Aviv', 'IL', '61 99999'],
];

export const streetNames = `
Main High Station Church Park Mill Market King Queen Bridge Harbour River Oak Elm Maple Cedar Lake Hill Garden Victoria Canal Broad
Spring Union Water North South West East School Castle Forest Meadow Orchard Chapel Green
`
  .split(/\s+/)
  .filter(Boolean);
export const streetKinds = ['Street', 'Road', 'Avenue', 'Lane', 'Way', 'Boulevard', 'Place', 'Drive'];

export const jobTitles = `
CEO|CTO|CFO|COO|CMO|Founder|Co-founder|VP Sales|VP Marketing|VP Engineering|Head of Product|Head of Operations|Head of People|Head of Finance
|Sales Director|Marketing Director|Engineering Manager|Product Manager|Project Manager|Account Executive|Account Manager|Sales Manager
|Sales Development Representative|Customer Success Manager|Office Manager|Procurement Manager|Purchasing Lead|IT Manager|Software Engineer
|Senior Software Engineer|Data Analyst|Data Scientist|Designer|UX Researcher|Operations Analyst|Finance Manager|Controller|Legal Counsel
|HR Manager|Recruiter|Consultant|Partner|Owner|Managing Director|General Manager|Business Analyst|Solutions Architect|Support Lead
`
  .split('|')
  .map((title) => title.trim())
  .filter(Boolean);

export const linkRoles = ['Decision maker', 'Champion', 'Buyer', 'Technical contact', 'Billing', 'Influencer', 'User', 'Advisor'];
export const dealProducts = `
Annual licence|Pilot|Enterprise plan|Renewal|Expansion|Onboarding package|Support contract|Consulting days|Team plan|Upgrade|Integration project
|Training|Multi-year deal|Add-on seats|Proof of concept|Managed service|Data migration|Custom development
`
  .split('|')
  .map((product) => product.trim())
  .filter(Boolean);

export const tagNames = [
  'VIP',
  'Newsletter',
  'Partner',
  'Churn risk',
  'Hot lead',
  'Event 2026',
  'Referral',
  'Enterprise',
  'SMB',
  'Do not call',
  'Investor',
  'Press',
  'Beta tester',
  'Trade show',
  'Upsell',
  'Key account',
  'Reseller',
  'Webinar',
  'Cold',
  'Nurture',
  'EMEA',
  'APAC',
  'Americas',
  'Follow up',
];

export const noteOpenings = [
  'Call with',
  'Met',
  'Emailed',
  'Quick sync with',
  'Demo for',
  'Lunch with',
  'Video call with',
  'Left a voicemail for',
  'Follow-up with',
  'Workshop with',
];
export const noteTopics = [
  'pricing for next year',
  'the renewal timeline',
  'integration with their ERP',
  'security questionnaire',
  'onboarding of the new team',
  'a discount for a two-year term',
  'their roadmap for Q3',
  'the pilot results',
  'procurement steps',
  'data migration from the old system',
  'support response times',
  'a reference customer',
];
export const noteActions = [
  'send the proposal',
  'share the case study',
  'book a follow-up next week',
  'loop in legal',
  'prepare a custom quote',
  'invite them to the webinar',
  'check budget approval',
  'send the security docs',
  'schedule a technical deep dive',
  'ask for an introduction to the CFO',
];
