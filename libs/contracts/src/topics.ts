/**
 * The topic registry: one topic per aggregate stream, keyed by aggregate id. deploy/topics.json holds the
 * same list for the launcher (a contract test keeps the two equal).
 */
export const SERVICE_NAMES = [
  'plans',
  'projects',
  'clusters',
  'trade-fairs',
  'awards',
  'reporting',
  'gateway',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface TopicDefinition {
  name: string;
  producers: ServiceName[];
  consumers: ServiceName[];
  description: string;
}

export const TOPICS = {
  planEvents: {
    name: 'plans.plan.events',
    producers: ['plans'],
    consumers: ['projects', 'reporting'],
    description: 'Facts about national and provincial annual khuyến công plans.',
  },
  projectEvents: {
    name: 'projects.project.events',
    producers: ['projects'],
    consumers: ['plans', 'clusters', 'reporting'],
    description: 'Facts about projects (đề án) along their lifecycle.',
  },
  clusterEvents: {
    name: 'clusters.cluster.events',
    producers: ['clusters'],
    consumers: ['reporting'],
    description: 'Facts about industrial clusters (cụm công nghiệp, CCN).',
  },
  clusterReportEvents: {
    name: 'clusters.report.events',
    producers: ['clusters'],
    consumers: ['reporting'],
    description:
      'Approved periodic reports of industrial clusters (Circular 14/2024): the figures a period counts.',
  },
  fairEvents: {
    name: 'trade-fairs.fair.events',
    producers: ['trade-fairs'],
    consumers: ['reporting'],
    description: 'Facts about trade fairs (hội chợ triển lãm) and their booths.',
  },
  awardRoundEvents: {
    name: 'awards.round.events',
    producers: ['awards'],
    consumers: ['reporting'],
    description: 'Facts about product award rounds (bình chọn sản phẩm CNNT tiêu biểu).',
  },
  awardEntryEvents: {
    name: 'awards.entry.events',
    producers: ['awards'],
    consumers: ['reporting'],
    description:
      'Products entered in award rounds: the conference figures count entries per level, province and group.',
  },
  awardCertificateEvents: {
    name: 'awards.certificate.events',
    producers: ['awards'],
    consumers: ['trade-fairs', 'reporting'],
    description:
      'Award certificates issued and withdrawn: trade-fair priority and the conference figures read them.',
  },
  artisanTitleEvents: {
    name: 'awards.artisan.events',
    producers: ['awards'],
    consumers: ['reporting'],
    description:
      "Artisan titles conferred (Meritorious and People's Artisan): the conference figures count them.",
  },
  periodicReportEvents: {
    name: 'reporting.periodic-report.events',
    producers: ['reporting'],
    consumers: [],
    description:
      "Provinces' periodic reports (issue 16): submitted, returned, approved — for integrators and future consumers.",
  },
  auditEvents: {
    name: 'audit.record.events',
    producers: ['plans', 'projects', 'clusters', 'trade-fairs', 'awards', 'reporting'],
    consumers: ['gateway'],
    description: 'The audit trail: every state change of every service, kept append-only by the gateway.',
  },
} as const satisfies Record<string, TopicDefinition>;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS]['name'];

export const ALL_TOPICS: readonly TopicDefinition[] = Object.values(TOPICS);

/** Every consumer group has its own dead-letter topic, so redriving one group never replays to another. */
export function deadLetterTopic(topic: string, consumerGroup: string): string {
  return `${topic}.${consumerGroup}.dlt`;
}

export function topicsConsumedBy(service: ServiceName): string[] {
  return ALL_TOPICS.filter((t) => t.consumers.includes(service)).map((t) => t.name);
}
