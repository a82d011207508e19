import { Controller } from '@nestjs/common';
import {
  conferenceFigures,
  conferenceRoutes as routes,
  type ConferenceFiguresGlossary,
  type RouteInput,
} from '@kc/contracts';
import { Input, Route } from '@kc/http';

/** The glossary of the conference figures: the contracts hold it, so the gateway answers it without a hop. */
@Controller()
export class ConferencesController {
  @Route(routes.figures)
  figures(@Input() _input: RouteInput<typeof routes.figures>): ConferenceFiguresGlossary {
    return { items: [...conferenceFigures] };
  }
}
