import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadGatewayConfig } from './config/gateway.config';
import { createGatewayApp } from './interface/http/gateway-app';

async function main() {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('Bootstrap').log(`gateway listening on http://${config.HOST}:${config.PORT}`);
  // Consumes every service's audit events into the audit trail; after the listener, as bootstrapService
  // does: a restarted gateway answers at once while its consumer waits to rejoin its group.
  await app.startAllMicroservices();
}

void main();
