import type { BrowserContext, Page } from "playwright-core";

/** A moment to time in the page: when an element matching `selector` (and holding `text`, if given) first exists. */
export interface Mark {
  name: string;
  selector: string;
  text?: string;
}

/** What the page's Performance API says about one load, in ms from navigation start (the page's time origin). */
export interface LoadTiming {
  /** index.html: request sent, first byte, last byte. */
  document: { requestStart: number; responseStart: number; responseEnd: number };
  domInteractive: number;
  domContentLoaded: number;
  load: number;
  firstPaint: number;
  firstContentfulPaint: number;
  /** Each mark: when its element was put into the DOM, and just after the next frame painted it (≈ on screen). */
  marks: Record<string, { dom: number; frame: number }>;
  /** Every file fetched, in the order fetched: when, how long, bytes on the wire and decoded. */
  resources: {
    name: string;
    type: string;
    start: number;
    end: number;
    transferBytes: number;
    encodedBytes: number;
    decodedBytes: number;
  }[];
  /** Main-thread work in long animation frames (≥ 50 ms), by the script that did it. */
  longFrames: { start: number; duration: number; blocking: number; scripts: { source: string; duration: number }[] }[];
}

/**
 * Before any page of `context` loads: watch for the marks' elements (a MutationObserver, so the time is when React put
 * them in the DOM, plus one frame) and for long animation frames (Chromium's attribution of main-thread work to the
 * scripts that did it).
 */
export async function installTimingProbe(context: BrowserContext, marks: Mark[]): Promise<void> {
  await context.addInitScript((watched: Mark[]) => {
    const seen: Record<string, { dom: number; frame: number }> = {};
    const longFrames: unknown[] = [];
    Object.assign(window, { __vaultTiming: { seen, longFrames } });
    const check = () => {
      for (const mark of watched) {
        if (seen[mark.name]) continue;
        const found = [...document.querySelectorAll(mark.selector)].some(
          (element) => mark.text === undefined || (element.textContent ?? "").includes(mark.text),
        );
        if (!found) continue;
        const entry = { dom: performance.now(), frame: Number.NaN };
        seen[mark.name] = entry;
        // The frame that shows it: rAF runs before that frame's paint, a task queued from it runs after.
        requestAnimationFrame(() =>
          setTimeout(() => {
            entry.frame = performance.now();
          }),
        );
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    // The moment a form is submitted (the sign-in click), the start of what follows it.
    document.addEventListener(
      "submit",
      () => {
        seen.submit ??= { dom: performance.now(), frame: performance.now() };
      },
      { capture: true },
    );
    try {
      new PerformanceObserver((list) => {
        for (const frame of list.getEntries() as unknown as {
          startTime: number;
          duration: number;
          blockingDuration: number;
          scripts: { sourceURL: string; duration: number }[];
        }[]) {
          longFrames.push({
            start: Math.round(frame.startTime),
            duration: Math.round(frame.duration),
            blocking: Math.round(frame.blockingDuration),
            scripts: frame.scripts.map((script) => ({
              source: script.sourceURL.replace(/^.*\//, ""),
              duration: Math.round(script.duration),
            })),
          });
        }
      }).observe({ type: "long-animation-frame", buffered: true });
    } catch {
      // A browser without long-animation-frame entries: the breakdown goes without them.
    }
  }, marks);
}

/** The Performance API's account of the page's load, once the marks named in `waitFor` were seen and painted. */
export async function collectTiming(page: Page, waitFor: string[]): Promise<LoadTiming> {
  await page.waitForFunction(
    (names: string[]) => {
      const seen = (window as unknown as { __vaultTiming: { seen: Record<string, { frame: number }> } }).__vaultTiming
        .seen;
      const painted = performance.getEntriesByName("first-contentful-paint").length > 0;
      return painted && names.every((name) => Number.isFinite(seen[name]?.frame));
    },
    waitFor,
    { polling: 50 },
  );
  return page.evaluate(() => {
    const round = (n: number) => Math.round(n);
    const probe = (
      window as unknown as {
        __vaultTiming: { seen: Record<string, { dom: number; frame: number }>; longFrames: LoadTiming["longFrames"] };
      }
    ).__vaultTiming;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = (name: string) => round(performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN);
    return {
      document: {
        requestStart: round(navigation.requestStart),
        responseStart: round(navigation.responseStart),
        responseEnd: round(navigation.responseEnd),
      },
      domInteractive: round(navigation.domInteractive),
      domContentLoaded: round(navigation.domContentLoadedEventEnd),
      load: round(navigation.loadEventEnd),
      firstPaint: paint("first-paint"),
      firstContentfulPaint: paint("first-contentful-paint"),
      marks: Object.fromEntries(
        Object.entries(probe.seen).map(([name, mark]) => [name, { dom: round(mark.dom), frame: round(mark.frame) }]),
      ),
      resources: (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((resource) => ({
        name: new URL(resource.name).pathname.replace(/^\/ui\/assets\//, ""),
        type: resource.initiatorType,
        start: round(resource.startTime),
        end: round(resource.responseEnd),
        transferBytes: resource.transferSize,
        encodedBytes: resource.encodedBodySize,
        decodedBytes: resource.decodedBodySize,
      })),
      longFrames: probe.longFrames,
    };
  });
}

/** Median, lowest and highest of a measurement over several runs. */
export function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
