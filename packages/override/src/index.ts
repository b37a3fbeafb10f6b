export { type ResolvedValue, Resolver, type ResolverOptions } from "./resolver";
export {
  type ConfigOverride,
  OverrideService,
  type OverrideServiceOptions,
  type SetOverrideOptions,
  toOverride,
} from "./service";
