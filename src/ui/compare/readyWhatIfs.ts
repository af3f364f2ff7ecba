/** The ready what-ifs shipped under whatifs/ (agora-comparison documents), bundled into the app. */

interface WhatIf {
  readonly question?: string;
  readonly base: { readonly model: string; readonly params?: Readonly<Record<string, unknown>> };
}

const files = import.meta.glob<WhatIf>('../../../whatifs/*.json', { eager: true, import: 'default' });

export const READY_WHAT_IFS: readonly { readonly file: string; readonly document: WhatIf }[] = Object.entries(files)
  .map(([path, document]) => ({ file: path.split('/').pop()!, document }))
  .sort((a, b) => a.file.localeCompare(b.file));
