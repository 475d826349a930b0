#!/usr/bin/env node
// Writes production/majorprojects-realm.json from the demo realm (the one source of truth):
// without the demo users and the `cli` password-grant client, with the client secrets and the
// gateway's public URL as ${ENV} placeholders that Keycloak resolves at import, and with brute
// force protection on. `node production-realm.mjs --check` fails if the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const demoFile = join(here, 'majorprojects-realm.json');
const productionFile = join(here, 'production', 'majorprojects-realm.json');

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

const text = JSON.stringify(productionRealm(JSON.parse(readFileSync(demoFile, 'utf8'))), null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(productionFile, 'utf8') !== text) {
    console.error(`${productionFile} is stale: run node ${join(here, 'production-realm.mjs')}`);
    process.exit(1);
  }
  console.log('production realm is up to date');
} else {
  writeFileSync(productionFile, text);
  console.log(`wrote ${productionFile}`);
}
