#!/usr/bin/env node
// Writes production/majorprojects-realm.json from the demo realm (the one source of truth):
// without the demo users and the `cli` password-grant client, with the client secrets and the
// gateway's public URL as ${ENV} placeholders that Keycloak resolves at import, and with brute
// force protection on. The same realm goes into the Keycloak Operator's KeycloakRealmImport
// (deploy/k8s), whose placeholders name the Secret keys. `--check` fails if either file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const demoFile = join(here, 'majorprojects-realm.json');
const productionFile = join(here, 'production', 'majorprojects-realm.json');
const realmImportFile = join(here, '..', 'k8s', 'base', 'keycloak-realm-import.json');
const placeholderKeys = {
  CONSOLE_CLIENT_SECRET: 'console-client-secret',
  SERVICES_CLIENT_SECRET: 'services-client-secret',
  GATEWAY_PUBLIC_URL: 'gateway-public-url',
};

export function productionRealm(demo) {
  const realm = structuredClone(demo);
  realm.bruteForceProtected = true;
  realm.users = realm.users.filter((u) => u.serviceAccountClientId);
  realm.clients = realm.clients.filter((c) => c.clientId !== 'cli');
  for (const client of realm.clients) {
    if (client.clientId === 'console') {
      client.secret = '${CONSOLE_CLIENT_SECRET}';
      client.redirectUris = ['${GATEWAY_PUBLIC_URL}/login/oauth2/code/keycloak'];
      client.webOrigins = ['${GATEWAY_PUBLIC_URL}'];
      client.attributes['post.logout.redirect.uris'] = '${GATEWAY_PUBLIC_URL}/*';
    } else if (client.clientId === 'services') {
      client.secret = '${SERVICES_CLIENT_SECRET}';
    } else {
      throw new Error(`client ${client.clientId} is new: decide what production needs of it`);
    }
  }
  return realm;
}

export function realmImport(realm) {
  const placeholders = {};
  for (const [name, key] of Object.entries(placeholderKeys)) {
    placeholders[name] = { secret: { name: 'majorprojects-secrets', key } };
  }
  return {
    apiVersion: 'k8s.keycloak.org/v2alpha1',
    kind: 'KeycloakRealmImport',
    metadata: { name: 'majorprojects' },
    spec: { keycloakCRName: 'keycloak', placeholders, realm },
  };
}

const json = (o) => JSON.stringify(o, null, 2) + '\n';
const realm = productionRealm(JSON.parse(readFileSync(demoFile, 'utf8')));
const outputs = [
  [productionFile, json(realm)],
  [realmImportFile, json(realmImport(realm))],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => readFileSync(file, 'utf8') !== text);
  for (const [file] of stale) {
    console.error(`${file} is stale: run node ${join(here, 'production-realm.mjs')}`);
  }
  if (stale.length) process.exit(1);
  console.log('production realm files are up to date');
} else {
  for (const [file, text] of outputs) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
