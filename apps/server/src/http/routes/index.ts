import type { RouteDef } from "../route";
import { adminRoutes } from "./admin";
import { apiKeyRoutes, whoamiRoute } from "./apikeys";
import { appRoutes } from "./apps";
import { auditRoutes } from "./audit";
import { blobRoutes } from "./blobs";
import { configRoutes } from "./config";
import { flagUsageRoutes } from "./flag-usage";
import { flagRoutes } from "./flags";
import { ofrepRoutes } from "./ofrep";
import { overrideRoutes } from "./overrides";
import { rotationRoutes } from "./rotation";
import { secretRoutes } from "./secrets";
import { segmentRoutes } from "./segments";
import { streamRoutes } from "./stream";
import { systemRoutes } from "./system";
import { tokenRoutes } from "./tokens";
import { webhookRoutes } from "./webhooks";

/** Every route the server serves, one file per resource. */
export function allRoutes(): RouteDef[] {
  return [
    ...systemRoutes(),
    whoamiRoute(),
    ...appRoutes(),
    ...apiKeyRoutes(),
    ...secretRoutes(),
    ...flagRoutes(),
    ...segmentRoutes(),
    ...flagUsageRoutes(),
    ...configRoutes(),
    ...overrideRoutes(),
    ...streamRoutes(),
    ...ofrepRoutes(),
    ...rotationRoutes(),
    ...tokenRoutes(),
    ...blobRoutes(),
    ...webhookRoutes(),
    ...auditRoutes(),
    ...adminRoutes(),
  ];
}
