/**
 * Comparisons in links, beside scenario links: the comparison document in the URL fragment as
 * `#c=<link version>.<payload>.<check>`, encoded and checked as a scenario link is (scenarioLink.ts).
 */
import { decodeDocumentLink, encodeDocumentLink, fragmentOf, type LinkKind, type LinkResult } from './scenarioLink';

const COMPARISON: LinkKind = { key: 'c', name: 'comparison' };

/** The fragment (with its leading `#`) that holds a comparison document. */
export const encodeComparisonLink = (document: unknown): Promise<string> => encodeDocumentLink(document, COMPARISON);

/** Decodes a comparison link (full URL, fragment or `c=…`); the document still has to pass `parseComparison`. */
export const decodeComparisonLink = (text: string): Promise<LinkResult> => decodeDocumentLink(text, COMPARISON);

/** True when `text` looks like a comparison link rather than a file name. */
export const isComparisonLink = (text: string): boolean => fragmentOf(text.trim(), COMPARISON.key) !== null;
