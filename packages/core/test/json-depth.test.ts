import { describe, expect, it } from "vitest";
import { findTooDeep, MAX_JSON_DEPTH } from "../src/index";

/** `{"a":{"a":…}}` with `levels` objects in all. */
function nested(levels: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe("findTooDeep", () => {
  it("accepts values up to the limit and names the path of the first level beyond it", () => {
    expect(findTooDeep(nested(MAX_JSON_DEPTH))).toBeUndefined();
    const path = findTooDeep(nested(MAX_JSON_DEPTH + 1));
    expect(path).toHaveLength(MAX_JSON_DEPTH);
    expect(path?.every((name) => name === "a")).toBe(true);
  });

  it("walks arrays and mixed values, and ignores scalars", () => {
    expect(findTooDeep({ x: [1, "a", null, { y: [[[]]] }] }, 3)).toEqual(["x", "3", "y"]);
    expect(findTooDeep("text")).toBeUndefined();
    expect(findTooDeep(null)).toBeUndefined();
  });

  it("is safe on values nested far deeper than the stack allows recursion", () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findTooDeep(deep)).toHaveLength(MAX_JSON_DEPTH);
  });
});
