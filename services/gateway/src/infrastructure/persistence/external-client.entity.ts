import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A client of the external OIDC issuer, keyed by the `azp` / `client_id` its tokens carry. */
@Entity('external_client')
export class ExternalClientEntity {
  @PrimaryColumn('text', { name: 'client_id' }) clientId: string;
  @Column('text') name: string;
  @Column('int', { name: 'rate_limit_per_minute' }) rateLimitPerMinute: number;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
