import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role, Scope } from '@kc/contracts';

@Entity('signing_key')
export class SigningKeyEntity {
  @PrimaryColumn('text') kid: string;
  @Column('text') alg: 'ES256';
  @Column('text', { name: 'private_key_pem' }) privateKeyPem: string;
  @Column('jsonb', { name: 'public_jwk' }) publicJwk: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('app_user')
export class AppUserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') username: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { name: 'fair_ids', array: true }) fairIds: string[];
  @Column('text', { name: 'facility_tax_code', nullable: true }) facilityTaxCode: string | null;
  @Column('boolean') disabled: boolean;
  @Column('timestamptz', { name: 'password_changed_at' }) passwordChangedAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('api_client')
export class ApiClientEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') role: Role;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { array: true }) scopes: Scope[];
  @Column('text', { name: 'secret_hash' }) secretHash: string;
  @Column('text', { name: 'api_key_prefix' }) apiKeyPrefix: string;
  @Column('text', { name: 'api_key_hash' }) apiKeyHash: string;
  @Column('int', { name: 'rate_limit_per_minute' }) rateLimitPerMinute: number;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
