import { Controller } from '@nestjs/common';
import { documentRoutes as routes, type ApiIndexView } from '@kc/contracts';
import { Route } from '@kc/http';

/** GET /api — where to start (`/` is the conference web app). */
@Controller()
export class IndexController {
  @Route(routes.index)
  index(): ApiIndexView {
    return {
      name: 'Nền tảng khuyến công — Khuyến công platform API',
      links: {
        app: '/',
        docs: '/api/docs',
        openApi: '/api/docs-json',
        events: '/api/asyncapi',
        asyncApi: '/api/asyncapi.json',
        health: '/health',
        login: '/api/v1/auth/login',
        jwks: '/api/v1/auth/jwks',
        reference: [
          '/api/v1/reference/provinces',
          '/api/v1/reference/regions',
          '/api/v1/reference/activity-contents',
        ],
        conferences: [
          '/api/v1/conferences/national?year=2026',
          '/api/v1/conferences/regional/north?year=2026',
        ],
      },
    };
  }
}
