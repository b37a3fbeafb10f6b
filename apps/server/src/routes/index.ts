import type { RouteDef } from "../http/route";
import { apiKeyRoutes } from "./apikeys";
import { appRoutes } from "./apps";
import { systemRoutes } from "./system";

/** Every route the server serves, one file per resource. */
export function allRoutes(): RouteDef[] {
  return [...systemRoutes(), ...appRoutes(), ...apiKeyRoutes()];
}
