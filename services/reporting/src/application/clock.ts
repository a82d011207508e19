import { Injectable } from '@nestjs/common';

/** The time source of reports ("today" decides which units are current); tests replace it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
