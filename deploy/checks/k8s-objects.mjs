#!/usr/bin/env node
// Validates rendered Kubernetes objects offline: `node k8s-objects.mjs rendered.yaml...`.
// Built-in kinds: the schemas of kubernetes-models, plus a walk over its type declarations that
// refuses any field name the API does not have (its schemas alone let unknown fields through).
// Operator kinds (no schema here): every field path must be in CUSTOM_RESOURCE_FIELDS.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const modules = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');

// the fields this repository uses in the operators' resources, as documented by each operator
const CUSTOM_RESOURCE_FIELDS = {
  'mongodbcommunity.mongodb.com/v1/MongoDBCommunity': [
    'spec.members', 'spec.type', 'spec.version', 'spec.security.authentication.modes[]',
    'spec.users[].name', 'spec.users[].db', 'spec.users[].passwordSecretRef.name',
    'spec.users[].roles[].name', 'spec.users[].roles[].db', 'spec.users[].scramCredentialsSecretName',
    'spec.statefulSet.spec.volumeClaimTemplates[].metadata.name',
    'spec.statefulSet.spec.volumeClaimTemplates[].spec.accessModes[]',
    'spec.statefulSet.spec.volumeClaimTemplates[].spec.resources.requests.storage',
  ],
  'k8s.keycloak.org/v2alpha1/Keycloak': [
    'spec.instances', 'spec.db.vendor', 'spec.db.host', 'spec.db.database',
    'spec.db.usernameSecret.name', 'spec.db.usernameSecret.key',
    'spec.db.passwordSecret.name', 'spec.db.passwordSecret.key',
    'spec.http.httpEnabled', 'spec.hostname.hostname', 'spec.proxy.headers',
    'spec.ingress.enabled', 'spec.ingress.className',
  ],
  // spec.realm is a whole realm export, checked against the demo realm by the deploy tests
  'k8s.keycloak.org/v2alpha1/KeycloakRealmImport': [
    'spec.keycloakCRName', 'spec.realm',
    ...['CONSOLE_CLIENT_SECRET', 'SERVICES_CLIENT_SECRET', 'GATEWAY_PUBLIC_URL'].flatMap((p) => [
      `spec.placeholders.${p}.secret.name`, `spec.placeholders.${p}.secret.key`]),
  ],
};
const METADATA = ['metadata.name', 'metadata.namespace', 'metadata.labels.*', 'metadata.annotations.*'];

/** The fields of the interface a .d.ts declares, each with the declaration its type points to. */
const declarations = new Map();
function declaration(file) {
  if (!declarations.has(file)) {
    const text = readFileSync(file, 'utf8');
    const imports = new Map();
    for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
      const target = m[2].startsWith('.') ? resolve(dirname(file), m[2]) : join(modules, m[2]);
      imports.set(m[1], target.replace(/\.js$/, '') + '.d.ts');
    }
    const body = text.match(/export interface \w+(?: extends \w+)? \{\n([\s\S]*?)\n\}/);
    const fields = new Map();
    for (const m of body ? body[1].matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm) : []) {
      const ref = m[2].match(/^(?:Array<)?(\w+)>?;$/);
      fields.set(m[1], ref && imports.has(ref[1]) ? imports.get(ref[1]) : null);
    }
    declarations.set(file, body ? fields : null);
  }
  return declarations.get(file);
}

function unknownFields(value, file, path, errors) {
  const fields = declaration(file);
  if (!fields || value === null || typeof value !== 'object') return;
  for (const item of Array.isArray(value) ? value : [value]) {
    for (const [key, child] of Object.entries(item)) {
      if (!fields.has(key)) errors.push(`${path}.${key}: no such field`);
      else if (fields.get(key)) unknownFields(child, fields.get(key), `${path}.${key}`, errors);
    }
  }
}

function paths(value, prefix, out) {
  if (Array.isArray(value)) value.forEach((v) => paths(v, `${prefix}[]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.add(prefix);
  return out;
}

async function check(object) {
  const { apiVersion, kind } = object;
  const errors = [];
  const custom = CUSTOM_RESOURCE_FIELDS[`${apiVersion}/${kind}`];
  if (custom) {
    const { metadata, spec } = object;
    const allowed = (p) => [...custom, ...METADATA].some((a) =>
      p === a || (a.endsWith('.*') && p.startsWith(a.slice(0, -1))) || (a === 'spec.realm' && p.startsWith('spec.realm.')));
    for (const p of paths({ metadata, spec }, '', new Set())) {
      if (!allowed(p)) errors.push(`${p}: not a field this repository knows for ${kind}`);
    }
    for (const k of Object.keys(object)) {
      if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(k)) errors.push(`${k}: no such field`);
    }
    return errors;
  }
  const file = join(modules, 'kubernetes-models', apiVersion, `${kind}.d.ts`);
  if (!existsSync(file)) return [`${apiVersion} ${kind}: no schema (add it to this check)`];
  const model = await import(`kubernetes-models/${apiVersion}/${kind}`);
  try {
    new model[kind](object).validate();
  } catch (e) {
    errors.push(e.message);
  }
  unknownFields(object, file, kind, errors);
  return errors;
}

let failed = 0;
let count = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) {
      console.error(`${file}: ${doc.errors[0].message}`);
      failed++;
      continue;
    }
    const object = doc.toJS();
    if (!object) continue;
    count++;
    const errors = await check(object);
    for (const e of errors) console.error(`${file}: ${object.kind} ${object.metadata?.name}: ${e}`);
    if (errors.length) failed++;
  }
}
console.log(`${count} objects checked, ${failed} invalid`);
process.exit(failed || count === 0 ? 1 : 0);
