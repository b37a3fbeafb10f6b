import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedToken, TokenService } from "../src/index";
import { codeOf, tokenServiceFor } from "./helpers";

describe(`token query builder (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let service: TokenService;
  const app = "query";
  // r0..r9 created a minute apart; r0–r4 expire at hour 10−i, r5–r7 never; r8, r9 soft-deleted.
  const made: CreatedToken[] = [];
  const ids = () => made.map((c) => c.meta.id);

  beforeAll(async () => {
    t = await createTestDatabase();
    const setup = tokenServiceFor(t);
    service = setup.service;
    for (let i = 0; i < 10; i++) {
      made.push(
        await service.create(app, `value-${i}`, {
          data: { i },
          ...(i < 5 ? { expiresAt: new Date(Date.UTC(2026, 2, 1, 10 - i)) } : {}),
          ...(i === 3 ? { password: "query password" } : {}),
        }),
      );
      setup.clock.advance(60_000);
    }
    await service.softDelete(app, made[8]!.token);
    await service.softDelete(app, made[9]!.token);
    await tokenServiceFor(t).service.create("query-other", "not ours");
  });
  afterAll(() => t.close());

  const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it("lists the app's live records in creation order by default, metadata only", async () => {
    const page = await service.query(app).list();
    expect(idsOf(page)).toEqual(ids().slice(0, 8));
    expect(page.nextCursor).toBeNull();
    const item = page.items[3]!;
    expect(item).toMatchObject({ appId: app, data: { i: 3 }, passwordProtected: true, version: 1 });
    expect(Object.keys(item).sort()).toEqual(
      [
        "appId",
        "createdAt",
        "data",
        "deletedAt",
        "expiresAt",
        "id",
        "passwordProtected",
        "updatedAt",
        "version",
      ].sort(),
    );
    expect(JSON.stringify(page)).not.toMatch(/value-|tk_/);
  });

  it("filters by id and by token, single and in-lists", async () => {
    expect(idsOf(await service.query(app).id(ids()[2]!).list())).toEqual([ids()[2]]);
    expect(idsOf(await service.query(app).idIn([ids()[1]!, ids()[6]!, "tok_unknown"]).list())).toEqual([
      ids()[1],
      ids()[6],
    ]);
    expect(idsOf(await service.query(app).token(made[4]!.token).list())).toEqual([ids()[4]]);
    expect(
      idsOf(await service.query(app).tokenIn([made[0]!.token, made[7]!.token, "tk_nothing0000000000"]).list()),
    ).toEqual([ids()[0], ids()[7]]);
    // Another app's token matches nothing here, and an app without tokens has none.
    expect(await service.query("never-used").token(made[0]!.token).count()).toBe(0);
  });

  it("filters by created and expires ranges (from inclusive, to exclusive)", async () => {
    const created = (i: number) => made[i]!.meta.createdAt;
    expect(idsOf(await service.query(app).createdFrom(created(2)).createdBefore(created(5)).list())).toEqual(
      ids().slice(2, 5),
    );
    expect(idsOf(await service.query(app).createdFrom(created(6)).list())).toEqual(ids().slice(6, 8));
    // Expiring from 07:00 (r3) to before 10:00 (r0 excluded): r1, r2, r3; records without expiry never match.
    const page = await service
      .query(app)
      .expiresFrom("2026-03-01T07:00:00Z")
      .expiresBefore(new Date("2026-03-01T10:00:00Z"))
      .list();
    expect(idsOf(page).sort()).toEqual([ids()[1], ids()[2], ids()[3]].sort());
  });

  it("includes soft-deleted records on request, and combines filters", async () => {
    expect(await service.query(app).count()).toBe(8);
    expect(await service.query(app).includeDeleted().count()).toBe(10);
    expect(idsOf(await service.query(app).includeDeleted().createdFrom(made[7]!.meta.createdAt).list())).toEqual(
      ids().slice(7),
    );
    const combined = service
      .query(app)
      .idIn(ids())
      .tokenIn([made[1]!.token, made[2]!.token, made[9]!.token])
      .createdFrom(made[2]!.meta.createdAt);
    expect(idsOf(await combined.list())).toEqual([ids()[2]]);
    expect(idsOf(await combined.includeDeleted().list())).toEqual([ids()[2], ids()[9]]);
  });

  it("orders by each column in both directions; records without expiry sort after every expiry", async () => {
    expect(idsOf(await service.query(app).orderBy("createdAt", "desc").list())).toEqual(ids().slice(0, 8).reverse());
    const byExpiry = idsOf(await service.query(app).orderBy("expiresAt").list());
    expect(byExpiry.slice(0, 5)).toEqual([ids()[4], ids()[3], ids()[2], ids()[1], ids()[0]]);
    expect(byExpiry.slice(5).sort()).toEqual(ids().slice(5, 8).sort());
    const byExpiryDesc = idsOf(await service.query(app).orderBy("expiresAt", "desc").list());
    expect(byExpiryDesc.slice(3)).toEqual([ids()[0], ids()[1], ids()[2], ids()[3], ids()[4]]);
    const byId = idsOf(await service.query(app).orderBy("id").list());
    expect(byId).toEqual([...byId].sort());
    expect(idsOf(await service.query(app).orderBy("updatedAt", "desc").limit(1).list())).toHaveLength(1);
  });

  it("pages with limit and offset, or with a cursor, in every order", async () => {
    expect(idsOf(await service.query(app).limit(3).offset(3).list())).toEqual(ids().slice(3, 6));
    for (const [orderBy, direction] of [
      ["createdAt", "asc"],
      ["createdAt", "desc"],
      ["expiresAt", "asc"],
      ["expiresAt", "desc"],
      ["id", "desc"],
      ["updatedAt", "asc"],
    ] as const) {
      const all = idsOf(await service.query(app).includeDeleted().orderBy(orderBy, direction).list());
      const paged: string[] = [];
      let query = service.query(app).includeDeleted().orderBy(orderBy, direction).limit(3);
      for (let guard = 0; guard < 10; guard++) {
        const page = await query.list();
        paged.push(...idsOf(page));
        if (page.nextCursor === null) break;
        query = query.after(page.nextCursor);
      }
      expect(paged, `${orderBy} ${direction}`).toEqual(all);
      expect(all).toHaveLength(10);
    }
  });

  it("returns a choice of columns (and always the id), and counts only", async () => {
    const page = await service.query(app).columns("expiresAt", "passwordProtected").limit(2).list();
    expect(page.items).toEqual([
      { id: ids()[0], expiresAt: made[0]!.meta.expiresAt, passwordProtected: false },
      { id: ids()[1], expiresAt: made[1]!.meta.expiresAt, passwordProtected: false },
    ]);
    expect(await service.query(app).limit(1).offset(5).count()).toBe(8);
    expect(await service.count(app, { expiresFrom: "2026-01-01T00:00:00Z" })).toBe(5);
  });

  it("refuses bad queries: offset with a cursor, a cursor of another order, unknown columns", async () => {
    const page = await service.query(app).limit(2).list();
    expect(await codeOf(service.query(app).offset(1).after(page.nextCursor!).list())).toBe("VALIDATION");
    expect(await codeOf(service.query(app).orderBy("id").after(page.nextCursor!).list())).toBe("VALIDATION");
    expect(await codeOf(service.query(app).after("garbage").list())).toBe("VALIDATION");
    expect(await codeOf(service.list(app, { columns: ["ciphertext" as "id"] }))).toBe("VALIDATION");
    expect(await codeOf(service.list(app, { limit: 0 }))).toBe("VALIDATION");
  });
});
