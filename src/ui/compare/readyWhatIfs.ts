/** The ready what-ifs shipped under whatifs/ (agora-comparison documents), bundled into the app. */
import { tModel } from '../../i18n';

interface WhatIf {
  readonly question?: string;
  readonly base: { readonly model: string; readonly params?: Readonly<Record<string, unknown>> };
}

const files = import.meta.glob<WhatIf>('../../../whatifs/*.json', { eager: true, import: 'default' });

export const READY_WHAT_IFS: readonly { readonly file: string; readonly document: WhatIf }[] = Object.entries(files)
  .map(([path, document]) => ({ file: path.split('/').pop()!, document }))
  .sort((a, b) => a.file.localeCompare(b.file));

/**
 * A what-if's question in the reader's language: a ready what-if's own question is translated
 * under its model by its file's name (`whatif.<file>.question`); any other is shown as written.
 */
export function questionText(modelId: string, question: string): string {
  const ready = READY_WHAT_IFS.find((w) => w.document.base.model === modelId && w.document.question === question);
  return ready ? tModel(modelId, `whatif.${ready.file.replace(/\.json$/, '')}.question`, question) : question;
}
