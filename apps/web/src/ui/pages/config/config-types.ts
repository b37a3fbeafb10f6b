import type { ValueType } from "../../components/ValueInput";

export const CONFIG_TYPES: ValueType[] = ["string", "bool", "int", "float", "duration", "json"];
