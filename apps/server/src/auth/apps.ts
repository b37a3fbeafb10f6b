import {
  appIdSchema,
  type Clock,
  decodeCursor,
  metadataSchema,
  type Page,
  pageSizeSchema,
  parseInput,
  systemClock,
  toPage,
  VaultError,
} from "@vault/core";
import {
  type AppRow,
  type AuditSink,
  apps,
  noAudit,
  type StoreContext,
  type VaultDb,
  withTransaction,
} from "@vault/store";
import { asc, eq, gt } from "drizzle-orm";
import { z } from "zod";

/** An app: the owner of every stored object (DESIGN §3). */
export interface App {
  id: string;
  name: string;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export const createAppInput = z.object({
  id: appIdSchema,
  name: z.string().min(1).max(200).optional(),
  metadata: metadataSchema.optional(),
});

const listInput = z.object({ cursor: z.string().optional(), limit: pageSizeSchema });

export type AppServiceOptions = Omit<StoreContext, "changes">;

/** Create, read and list apps (the `vault_apps` table). */
export class AppService {
  readonly #db: VaultDb;
  readonly #audit: AuditSink;
  readonly #clock: Clock;

  constructor(options: AppServiceOptions) {
    this.#db = options.db;
    this.#audit = options.audit ?? noAudit;
    this.#clock = options.clock ?? systemClock;
  }

  /** Create an app; ALREADY_EXISTS if the id is taken. */
  async create(input: z.input<typeof createAppInput>): Promise<App> {
    const { id, name, metadata } = parseInput(createAppInput, input, "app");
    const now = this.#clock.now();
    return withTransaction(this.#db, async (tx) => {
      const [row] = await tx
        .insert(apps)
        .values({ id, name: name ?? id, metadata: metadata ?? {}, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new VaultError("ALREADY_EXISTS", `app "${id}" already exists`, { details: { appId: id } });
      await this.#audit.record(tx, { action: "app.created", resource: "app", appId: id, key: id });
      return toApp(row);
    });
  }

  /** The app, or NOT_FOUND. */
  async get(id: string): Promise<App> {
    const appId = parseInput(appIdSchema, id, "app id");
    const [row] = await this.#db.select().from(apps).where(eq(apps.id, appId));
    if (!row) throw new VaultError("NOT_FOUND", `app "${appId}" not found`, { details: { appId } });
    return toApp(row);
  }

  /** True when the app exists. */
  async exists(id: string): Promise<boolean> {
    const [row] = await this.#db.select({ id: apps.id }).from(apps).where(eq(apps.id, id));
    return row !== undefined;
  }

  /** Every app, by id. */
  async list(options: { cursor?: string; limit?: number } = {}): Promise<Page<App>> {
    const { cursor, limit } = parseInput(listInput, options, "app list options");
    const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ id: z.string() })).id;
    const rows = await this.#db
      .select()
      .from(apps)
      .where(after === undefined ? undefined : gt(apps.id, after))
      .orderBy(asc(apps.id))
      .limit(limit + 1);
    return toPage(rows, limit, toApp, (row) => ({ id: row.id }));
  }
}

function toApp(row: AppRow): App {
  return { id: row.id, name: row.name, metadata: row.metadata, createdAt: row.createdAt, updatedAt: row.updatedAt };
}
