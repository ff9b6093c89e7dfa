import { isObject } from '../invariants/_internals/read.js';
import type { TargetDocument } from '../targets/types.js';

/** A Client to check, named by its document and, inside a list, a JSON Pointer (`list.json#/data/1`). */
export type SourcedClient = { source: string; value: unknown };

/**
 * The Clients of a document: an array (`GET /v1/clients`), a paginated list (`{ data, total_count }`), or else
 * the document itself, checked as one Client whatever it is.
 */
export function clientsOf({ source, value }: TargetDocument): SourcedClient[] {
  if (Array.isArray(value))
    return value.map((client, index) => ({ source: `${source}#/${index}`, value: client }));
  if (isPaginatedList(value)) {
    return value.data.map((client, index) => ({ source: `${source}#/data/${index}`, value: client }));
  }
  return [{ source, value }];
}

function isPaginatedList(value: unknown): value is { data: unknown[]; total_count: number } {
  return (
    isObject(value) &&
    Array.isArray(value.data) &&
    typeof value.total_count === 'number' &&
    !('object' in value)
  );
}
