/**
 * The shape of every open-data record (issue #9), defined once: the JSON files, their CSV twins (same
 * fields, same order, src/domain/open-data/csv.ts) and the published JSON Schemas
 * (src/domain/open-data/json-schema.ts) all come from these zod objects. Field names are snake_case and
 * stable; a record never carries an internal database id, only public keys (slugs, registry codes).
 * An optional value that is not recorded is null, never "".
 *
 * The field builders are in ./fields.ts, the records in ./record-schemas.ts and the files around them in
 * ./file-schemas.ts; this module gathers their names.
 */
export { REGISTRY_CODE_PATTERN, SLUG_PATTERN } from './fields.ts';
export * from './file-schemas.ts';
export * from './record-schemas.ts';
