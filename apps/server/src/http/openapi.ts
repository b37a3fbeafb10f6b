import { z } from "zod";
import { errorEnvelopeSchema, STATUS_OF } from "./errors";
import type { RouteDef } from "./route";

type JsonSchema = Record<string, unknown>;

/**
 * Builds the OpenAPI 3.1 document from the same zod schemas the routes validate with. zod emits JSON Schema
 * 2020-12 (the dialect of OpenAPI 3.1); its local `$defs` are hoisted into `components.schemas` so every `$ref`
 * resolves against the document.
 */
export class OpenApiBuilder {
  readonly #components: Record<string, JsonSchema> = {};
  readonly #byContent = new Map<string, string>();
  #counter = 0;

  constructor() {
    this.#components.Error = this.schema(errorEnvelopeSchema, "output");
  }

  /** The JSON Schema of `schema`, with its $defs moved to components. */
  schema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const raw = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    delete raw.$schema;
    const defs = (raw.$defs ?? {}) as Record<string, JsonSchema>;
    delete raw.$defs;
    const rename = new Map<string, string>();
    for (const [local, def] of Object.entries(defs)) {
      const selfRef = `#/$defs/${local}`;
      const text = JSON.stringify(def);
      const others = Object.keys(defs).some((other) => other !== local && text.includes(`"#/$defs/${other}"`));
      const canonical = text.split(`"${selfRef}"`).join('"#SELF"');
      const known = others ? undefined : this.#byContent.get(canonical);
      if (known) {
        rename.set(local, known);
        continue;
      }
      const name = canonical.includes('{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"null"}')
        ? this.#byContent.size === 0
          ? "JsonValue"
          : `JsonValue${++this.#counter}`
        : `Schema${++this.#counter}`;
      rename.set(local, name);
      if (!others) this.#byContent.set(canonical, name);
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== "object") return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) {
          out[k] = `#/components/schemas/${rename.get(v.slice("#/$defs/".length))}`;
        } else {
          out[k] = rewrite(v);
        }
      }
      return out;
    };
    for (const [local, def] of Object.entries(defs)) {
      const name = rename.get(local)!;
      if (!(name in this.#components)) this.#components[name] = rewrite(def) as JsonSchema;
    }
    return rewrite(raw) as JsonSchema;
  }

  /** The whole document for `routes`. */
  document(routes: RouteDef[], info: { title: string; version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of routes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      const parameters: unknown[] = [];
      for (const [part, schema] of [
        ["path", route.params],
        ["query", route.query],
      ] as const) {
        if (!schema) continue;
        const json = this.schema(schema, "input");
        const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
        const required = new Set((json.required ?? []) as string[]);
        for (const [name, property] of Object.entries(properties)) {
          const { description, ...rest } = property;
          parameters.push({
            name,
            in: part,
            required: part === "path" ? true : required.has(name),
            ...(description ? { description } : {}),
            schema: rest,
          });
        }
      }
      const status = String(route.status ?? 200);
      const responses: Record<string, unknown> = {};
      if (route.response === null) responses[status] = { description: "done" };
      else if (route.produces !== undefined) {
        responses[status] = {
          description: "success",
          content: { [route.produces]: { schema: this.schema(route.response, "output") } },
        };
      } else {
        responses[status] = {
          description: "success",
          content: { "application/json": { schema: this.schema(route.response, "output") } },
        };
      }
      for (const [code, description] of Object.entries(route.otherResponses ?? {})) {
        responses[code] = { description };
      }
      const errorStatuses = new Set<number>([400, 404, 500]);
      if (route.auth.kind !== "public") for (const s of [401, 403]) errorStatuses.add(s);
      for (const s of Object.values(STATUS_OF)) if (route.auth.kind !== "public") errorStatuses.add(s);
      for (const s of [...errorStatuses].sort()) {
        responses[String(s)] = {
          description: "error",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        };
      }
      const operation: Record<string, unknown> = {
        operationId: route.operationId,
        summary: route.summary,
        tags: [route.tag],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: !route.body.safeParse(undefined).success,
                content: { "application/json": { schema: this.schema(route.body, "input") } },
              },
            }
          : {}),
        responses,
        security: route.auth.kind === "public" ? [] : [{ apiKey: [] }],
      };
      paths[path] ??= {};
      paths[path]![route.method.toLowerCase()] = operation;
    }
    return {
      openapi: "3.1.0",
      info: {
        title: info.title,
        version: info.version,
        description: "The Vault HTTP API. Authenticate with `Authorization: Bearer <api key>`.",
      },
      paths,
      components: {
        schemas: this.#components,
        securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A Vault API key (vault_…)" } },
      },
    };
  }
}
