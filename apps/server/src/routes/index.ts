import type { RouteDef } from "../http/route";
import { apiKeyRoutes, whoamiRoute } from "./apikeys";
import { appRoutes } from "./apps";
import { auditRoutes } from "./audit";
import { systemRoutes } from "./system";

/** Every route the server serves, one file per resource. */
export function allRoutes(): RouteDef[] {
  return [...systemRoutes(), whoamiRoute(), ...appRoutes(), ...apiKeyRoutes(), ...auditRoutes()];
}
