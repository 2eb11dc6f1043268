/** One certification as schema.org describes it. */
export interface CertificationLd {
  name: string;
  registryCode: string;
  verifyUrl: string;
  issuerName: string | null;
  validFrom: string | null;
  expires: string | null;
  status: 'valid' | 'expired' | 'revoked';
  /** The recognition decision that made it, when the registry holds its record (decision 023). */
  decision?: DecisionLd | null;
}

/** A recognition decision as schema.org `Legislation`: its number, date, issuer and page. */
export interface DecisionLd {
  number: string;
  date: string | null;
  issuerName: string | null;
  /** The decision's page on this site. */
  url: string;
  /** Where the decision was published (the source the registry cites). */
  sourceUrl?: string | null;
}

type Json = Record<string, unknown>;

/** Drops keys whose value is null or undefined: JSON-LD omits what is unknown. */
function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

const organisation = (name: string | null, url: string | null = null) => (name ? compact({ '@type': 'Organization', name, url }) : null);

/** A product with its certifications as schema.org `Product` → `hasCertification` → `Certification`. */
export function productJsonLd(
  p: {
    name: string;
    url: string;
    description: string | null;
    establishmentName: string | null;
    establishmentUrl: string | null;
    imageUrl: string | null;
    category: string | null;
    certifications: CertificationLd[];
  },
  locale: 'vi' | 'en',
): Json {
  const maker = organisation(p.establishmentName, p.establishmentUrl);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    url: p.url,
    inLanguage: locale,
    description: p.description,
    category: p.category,
    image: p.imageUrl,
    brand: maker,
    manufacturer: maker,
    hasCertification: p.certifications.map((c) =>
      compact({
        '@type': 'Certification',
        name: c.name,
        url: c.verifyUrl,
        certificationIdentification: c.registryCode,
        issuedBy: organisation(c.issuerName),
        validFrom: c.validFrom,
        expires: c.expires,
        certificationStatus: c.status === 'valid' ? 'https://schema.org/CertificationActive' : 'https://schema.org/CertificationInactive',
        // Certification is a CreativeWork: isBasedOn names the decision it rests on (recognizedBy is a credential's property only).
        isBasedOn: c.decision ? legislationBody(c.decision) : null,
      }),
    ),
  });
}

function legislationBody(d: DecisionLd): Json {
  return compact({
    '@type': 'Legislation',
    name: d.number,
    legislationIdentifier: d.number,
    legislationDate: d.date,
    legislationPassedBy: organisation(d.issuerName),
    url: d.url,
    sameAs: d.sourceUrl ?? null,
  });
}

/**
 * A recognition decision's page as schema.org `Legislation` (a CreativeWork: Quyết định is a legal act):
 * legislationJsonLd({ number: '3116/QĐ-BCT', date: '2023-12-01', issuerName: 'Bộ Công Thương', url }, 'vi')
 * → { '@type': 'Legislation', legislationIdentifier: '3116/QĐ-BCT', legislationDate: '2023-12-01', … }
 */
export function legislationJsonLd(d: DecisionLd & { description: string | null }, locale: 'vi' | 'en'): Json {
  return { '@context': 'https://schema.org', ...legislationBody(d), inLanguage: locale, ...compact({ description: d.description }) };
}

/** An establishment as schema.org `Organization` with a Vietnamese postal address. */
export function organizationJsonLd(o: {
  name: string;
  url: string;
  address: string | null;
  provinceName: string | null;
  telephone: string | null;
  email: string | null;
  website: string | null;
}): Json {
  const address =
    o.address || o.provinceName
      ? compact({ '@type': 'PostalAddress', streetAddress: o.address, addressRegion: o.provinceName, addressCountry: 'VN' })
      : null;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: o.name,
    url: o.url,
    address,
    telephone: o.telephone,
    email: o.email,
    sameAs: o.website,
  });
}

/** A `BreadcrumbList`, positions counted from 1. */
export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

/**
 * A fair as schema.org `ExhibitionEvent`: dates, venue (a Place with the city as its address), organiser,
 * and the exhibitors listed (as `Organization`s) when there are some. Unknown values are left out.
 */
export function exhibitionEventJsonLd(f: {
  name: string;
  url: string;
  startDate: string | null;
  endDate: string | null;
  venue: string | null;
  city: string | null;
  country: string;
  organiser: string | null;
  description: string | null;
  exhibitors?: readonly { name: string; url: string }[];
}): Json {
  const place =
    f.venue || f.city
      ? compact({
          '@type': 'Place',
          name: f.venue ?? f.city,
          address: compact({ '@type': 'PostalAddress', addressLocality: f.city, addressCountry: f.country }),
        })
      : null;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ExhibitionEvent',
    name: f.name,
    url: f.url,
    startDate: f.startDate ?? f.endDate,
    endDate: f.endDate ?? f.startDate,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: place,
    organizer: organisation(f.organiser),
    description: f.description,
    exhibitor: f.exhibitors && f.exhibitors.length > 0 ? f.exhibitors.map((e) => organisation(e.name, e.url)) : null,
  });
}

/**
 * JSON safe inside `<script type="application/ld+json">`: <, >, & and the two line separators are
 * escaped, so no value can close the tag (QUALITY.md R21). serializeJsonLd({ a: '</script>' }) → '{"a":"\u003c/script\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
