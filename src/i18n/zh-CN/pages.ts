/** Simplified Chinese: pages texts, keyed like the English catalogue (see ../index.ts). */
export const zhCNPages: Partial<Record<string, string>> = {};
