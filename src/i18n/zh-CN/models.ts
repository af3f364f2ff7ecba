/** Simplified Chinese: models texts, keyed like the English catalogue (see ../index.ts). */
export const zhCNModels: Partial<Record<string, string>> = {};
