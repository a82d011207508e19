import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP parameters (19 MiB, 2 passes): about 50 ms a hash here. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Salted slow password hashes. Checking an unknown user costs the same as a wrong password. */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  /** Computes the dummy hash at boot, so the first unknown username does not take longer than the rest. */
  async warmUp(): Promise<void> {
    this.dummy ??= this.hash('no such user: this hash only spends the time a real check takes');
    await this.dummy;
  }

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  /** `storedHash` null (no such user, or disabled): verify against a dummy hash, then say no. */
  async verify(storedHash: string | null, password: string): Promise<boolean> {
    await this.warmUp();
    const target = storedHash ?? (await this.dummy!);
    try {
      return (await verify(target, password)) && storedHash !== null;
    } catch {
      return false;
    }
  }
}
