import type { Admin, Kafka } from 'kafkajs';

/** Answers "is the broker reachable?" for health checks, reusing one admin connection. */
export class KafkaProbe {
  private admin: Admin | null = null;

  constructor(private readonly kafka: Kafka) {}

  async check(timeoutMs = 3_000): Promise<{ brokers: number }> {
    const attempt = async () => {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      const cluster = await this.admin.describeCluster();
      return { brokers: cluster.brokers.length };
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Kafka did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([attempt(), timeout]);
    } catch (error) {
      await this.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
