/** Simplified Chinese: ui texts, keyed like the English catalogue (see ../index.ts). */
export const zhCNUi: Partial<Record<string, string>> = {};
