import { Injectable } from '@nestjs/common';

/** The gateway's time source ("today" for reference data); tests replace it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
