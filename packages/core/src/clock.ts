/** Where services get "now" from. Inject a {@link ManualClock} in tests instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | number | string = "2026-01-01T00:00:00.000Z") {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(to: Date | number | string): void {
    this.#ms = new Date(to).getTime();
  }

  advance(ms: number): Date {
    this.#ms += ms;
    return this.now();
  }
}
