import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { GatewayModule } from './app.module';
import { loadGatewayConfig } from './config/gateway.config';

const config = loadGatewayConfig();
void bootstrapService(GatewayModule.forRoot(config), {
  service: 'gateway',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
  openApi: {
    title: 'Nền tảng khuyến công — Khuyến công platform API',
    description:
      'Cổng API công khai của nền tảng quản lý khuyến công: kế hoạch, đề án, cụm công nghiệp, hội chợ, bình chọn ' +
      'sản phẩm CNNT tiêu biểu, số liệu hội nghị và danh mục dùng chung. Lỗi trả về dạng application/problem+json.\n\n' +
      "Public API of Vietnam's industrial promotion (khuyến công) platform: annual plans, projects, industrial " +
      'clusters, trade fairs, product award rounds, conference figures and reference data. Errors are ' +
      'application/problem+json (RFC 9457); POST requests accept an Idempotency-Key header.',
  },
});
