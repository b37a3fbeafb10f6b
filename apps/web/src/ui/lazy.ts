import { type ComponentType, createElement, lazy } from "react";

/** A component fetched on demand (its own chunk) that can also be fetched ahead of time. */
export type Preloadable<P extends object> = ComponentType<P> & { preload(): Promise<void> };

/**
 * React.lazy, plus `preload()`; once the chunk is in, the component renders directly instead of through the lazy
 * wrapper. That matters: a lazy component that has not resolved when it first renders suspends, and React holds the
 * content of a Suspense boundary back for up to 300 ms after its fallback was shown (its fallback throttle) — with a
 * lazy shell and a lazy page, sign-in to the first page cost 600 ms of that alone. Preloaded, nothing suspends.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchOnce = () => {
    pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // A chunk that failed to arrive (a dropped connection, a new deployment) is asked for again next time.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(fetchOnce);
  // biome-ignore lint/correctness/noComponentHookFactories: made once per chunk at module level (routes.ts), as React.lazy is
  const Component = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Component, { preload: () => fetchOnce().then(() => undefined) });
}

/** Run `work` when the browser has nothing better to do (after the page is on screen). */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(work, { timeout: 2_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 200);
  return () => window.clearTimeout(handle);
}
