#!/usr/bin/env node
// Lints Dockerfiles offline (no Docker engine here): `node dockerfiles.mjs Dockerfile...`.
// dockerfile-utils' validator (syntax, arguments of every instruction), then what this project
// requires of an image: base images pinned by a version tag, a non-root USER in the final stage,
// a HEALTHCHECK, no ADD (so no remote URLs), an exec-form ENTRYPOINT, the layered jar extract.
import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';
import { DockerfileParser } from 'dockerfile-ast';

function problems(text) {
  const found = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const instructions = DockerfileParser.parse(text).getInstructions();
  const named = (k) => instructions.filter((i) => i.getKeyword() === k);
  const froms = named('FROM');
  const stages = froms
    .map((f) => f.getArgumentsContent().match(/\s+as\s+(\S+)\s*$/i))
    .filter(Boolean)
    .map((m) => m[1]);
  for (const from of froms) {
    const image = from.getArgumentsContent().split(/\s+/).find((a) => !a.startsWith('--'));
    if (stages.includes(image)) continue;
    const tag = image.includes('@') ? null : image.split('/').pop().split(':')[1];
    if (!tag || tag === 'latest' || !/\d/.test(tag)) {
      found.push(`FROM ${image}: pin the base image by a version tag`);
    }
  }
  const lastFrom = froms.length ? froms[froms.length - 1].getRange().start.line : -1;
  const finalStage = instructions.filter((i) => i.getRange().start.line > lastFrom);
  const users = finalStage.filter((i) => i.getKeyword() === 'USER');
  const user = users.length ? users[users.length - 1].getArgumentsContent().split(':')[0] : 'root';
  if (user === 'root' || user === '0') found.push('the final stage must run as a non-root USER');
  if (!finalStage.some((i) => i.getKeyword() === 'HEALTHCHECK')) found.push('no HEALTHCHECK');
  for (const add of named('ADD')) {
    found.push(`line ${add.getRange().start.line + 1}: ADD (use COPY; never fetch URLs)`);
  }
  const entry = finalStage.filter((i) => i.getKeyword() === 'ENTRYPOINT');
  if (!entry.length || !entry[entry.length - 1].getArgumentsContent().trim().startsWith('[')) {
    found.push('ENTRYPOINT must be in exec form (signals reach the JVM)');
  }
  if (!/-Djarmode=tools -jar \S+ extract --layers --launcher/.test(text)) {
    found.push('the jar is not extracted into layers (java -Djarmode=tools -jar app.jar extract --layers --launcher)');
  }
  if (!/MaxRAMPercentage=\d+/.test(text)) found.push('no -XX:MaxRAMPercentage: the heap ignores the container limit');
  return found;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const found = problems(readFileSync(file, 'utf8'));
  for (const p of found) console.error(`${file}: ${p}`);
  if (found.length) failed++;
}
console.log(`${process.argv.length - 2} Dockerfiles checked, ${failed} with problems`);
process.exit(failed || process.argv.length === 2 ? 1 : 0);
